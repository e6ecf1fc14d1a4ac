using System.Text.Json.Nodes;

namespace PadUat.Drivers.Slack;

/// <summary>
/// The DM read with conversations.history (Tier 3: about 50 calls a minute for the whole app). Every read waits
/// its turn in the budget, and between reads a person waits the interval the budget allows, so a slow bot
/// costs time, never a 429.
/// </summary>
public sealed class PollingFeed : IDirectMessageFeed
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(60.0 / SlackRateBudget.Tiers["conversations.history"].Calls);

    public string Description => $"polling conversations.history (every {Interval.TotalSeconds:0.#} s at most)";

    public async Task<string> NewestTsAsync(SlackWebClient reader, string channel, CancellationToken ct = default)
    {
        var newest = (await reader.CallAsync("conversations.history", new JsonObject { ["channel"] = channel, ["limit"] = 1 }, ct))["messages"]!.AsArray();
        return newest.Count > 0 ? newest[0]!["ts"]!.GetValue<string>() : "0";
    }

    public async Task<IReadOnlyList<SlackMessage>> ReadAsync(SlackWebClient reader, string channel, string since, CancellationToken ct = default)
    {
        var all = new List<SlackMessage>();
        string? cursor = null;
        do
        {
            var page = await reader.CallAsync("conversations.history", new JsonObject
            {
                ["channel"] = channel, ["oldest"] = since, ["limit"] = 200, ["cursor"] = cursor,
            }, ct);
            all.AddRange(page["messages"]!.AsArray().Select(m => SlackMessage.From(m!)));
            cursor = page["response_metadata"]?["next_cursor"]?.GetValue<string>();
        } while (!string.IsNullOrEmpty(cursor));
        return all.OrderBy(m => m.Ts, StringComparer.Ordinal).ToList();
    }

    public Task WaitForNewsAsync(string channel, TimeSpan max, CancellationToken ct = default) =>
        Task.Delay(max < Interval ? max : Interval, ct);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
