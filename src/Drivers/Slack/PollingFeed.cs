using System.Text.Json.Nodes;

namespace PadUat.Drivers.Slack;

/// <summary>
/// The DM read with conversations.history and, for its threads, conversations.replies (Tier 3: about 50 calls a minute each for the whole app). Every read waits
/// its turn in the budget, and between reads a person waits the interval the budget allows, so a slow bot
/// costs time, never a 429.
/// </summary>
/// <param name="why">Why not Socket Mode, for the report, when the app has an app-level token.</param>
public sealed class PollingFeed(string? why = null) : IDirectMessageFeed
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(60.0 / SlackRateBudget.Tiers["conversations.history"].Calls);

    public string Description => $"polling conversations.history (every {Interval.TotalSeconds:0.#} s at most){(why is null ? "" : $": {why}")}";

    public async Task<string> NewestTsAsync(SlackWebClient reader, string channel, CancellationToken ct = default)
    {
        var newest = (await reader.CallAsync("conversations.history", new JsonObject { ["channel"] = channel, ["limit"] = 1 }, ct))["messages"]!.AsArray();
        return newest.Count > 0 ? newest[0]!["ts"]!.GetValue<string>() : "0";
    }

    /// <remarks>
    /// History holds the top of the DM only; a thread's replies are read with conversations.replies for each parent in the
    /// window that has any (reply_count), as the real bot answers each request in a thread of its own.
    /// </remarks>
    public async Task<IReadOnlyList<SlackMessage>> ReadAsync(SlackWebClient reader, string channel, string since, CancellationToken ct = default)
    {
        var top = await PagesAsync(reader, "conversations.history", new JsonObject { ["channel"] = channel, ["oldest"] = since }, ct);
        var all = top.Select(m => SlackMessage.From(m)).ToList();
        foreach (var parent in top.Where(m => m["reply_count"]?.GetValue<int>() > 0))
            all.AddRange((await PagesAsync(reader, "conversations.replies",
                    new JsonObject { ["channel"] = channel, ["ts"] = parent["ts"]!.GetValue<string>(), ["oldest"] = since }, ct))
                .Select(m => SlackMessage.From(m)).Where(m => m.IsReply));
        return all.DistinctBy(m => m.Ts).OrderBy(m => m.Ts, StringComparer.Ordinal).ToList();
    }

    private static async Task<List<JsonNode>> PagesAsync(SlackWebClient reader, string method, JsonObject args, CancellationToken ct)
    {
        var all = new List<JsonNode>();
        string? cursor = null;
        do
        {
            args["limit"] = 200;
            args["cursor"] = cursor;
            var page = await reader.CallAsync(method, (JsonObject)args.DeepClone(), ct);
            all.AddRange(page["messages"]!.AsArray().Select(m => m!));
            cursor = page["response_metadata"]?["next_cursor"]?.GetValue<string>();
        } while (!string.IsNullOrEmpty(cursor));
        return all;
    }

    public Task WaitForNewsAsync(string channel, TimeSpan max, CancellationToken ct = default) =>
        Task.Delay(max < Interval ? max : Interval, ct);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
