using System.Text.Json.Nodes;
using PadUat.Support;

namespace PadUat.Drivers.Slack;

/// <summary>
/// One person of the UAT (the employee, the manager, compliance…) using Slack with their own token: they DM
/// the bot, read what it sends them, and keep a transcript of both sides for the report.
/// </summary>
public sealed class SlackPerson
{
    private static readonly TimeSpan MaxPoll = TimeSpan.FromMilliseconds(100);
    private readonly SlackWebClient _client;
    private readonly string _botUserId;
    private readonly HashSet<string> _consumed = [];
    private readonly List<string> _transcript = [];
    private readonly string _since;
    private string? _dm;

    public string Role { get; }
    public SlackIdentity Identity { get; }
    public IReadOnlyList<string> Transcript => _transcript;

    private SlackPerson(string role, SlackIdentity identity, SlackWebClient client, string botUserId, string since)
    {
        Role = role; Identity = identity; _client = client; _botUserId = botUserId; _since = since;
    }

    /// <summary>Checks the token with auth.test; only messages from now on count for this scenario.</summary>
    public static async Task<SlackPerson> SignInAsync(string role, SlackWebClient client, string botUserId)
    {
        var auth = await client.CallAsync("auth.test");
        var since = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000m - 1).ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture);
        return new SlackPerson(role, new SlackIdentity(auth["user_id"]!.GetValue<string>(), auth["user"]!.GetValue<string>(),
            auth["team_id"]!.GetValue<string>()), client, botUserId, since);
    }

    public async Task<string> BotChannelAsync()
    {
        _dm ??= (await _client.CallAsync("conversations.open", new JsonObject { ["users"] = _botUserId }))["channel"]!["id"]!.GetValue<string>();
        return _dm;
    }

    public async Task SayAsync(string text)
    {
        await _client.CallAsync("chat.postMessage", new JsonObject { ["channel"] = await BotChannelAsync(), ["text"] = text });
        _transcript.Add($"{Stamp()} {Role} → bot: {text}");
    }

    /// <summary>Waits (bounded) for a message from the bot that this person has not yet read and that matches.</summary>
    public async Task<SlackMessage> ExpectFromBotAsync(Func<SlackMessage, bool> matches, string expectation, TimeSpan timeout)
    {
        var unread = await Eventually.UntilAsync(UnreadFromBotAsync, list => list.Any(matches), timeout,
            $"the bot sending {Role} {expectation}",
            list => list.Count == 0 ? "no new message from the bot" : string.Join(" | ", list.Select(m => $"\"{m.Text}\"")),
            maxDelay: MaxPoll);
        var message = unread.First(matches);
        Read(message);
        return message;
    }

    /// <summary>Everything the bot has sent this person in this scenario that they have not read yet, oldest first.</summary>
    public async Task<IReadOnlyList<SlackMessage>> UnreadFromBotAsync() =>
        (await HistoryAsync()).Where(m => !_consumed.Contains(m.Ts)).ToList();

    /// <summary>Every message from the bot in this person's DM since the scenario began, oldest first, as it reads now.</summary>
    public async Task<IReadOnlyList<SlackMessage>> HistoryAsync()
    {
        var all = new List<SlackMessage>();
        string? cursor = null;
        do
        {
            var page = await _client.CallAsync("conversations.history", new JsonObject
            {
                ["channel"] = await BotChannelAsync(), ["oldest"] = _since, ["limit"] = 100, ["cursor"] = cursor,
            });
            all.AddRange(page["messages"]!.AsArray().Select(m => SlackMessage.From(m!)));
            cursor = page["response_metadata"]?["next_cursor"]?.GetValue<string>();
        } while (!string.IsNullOrEmpty(cursor));
        return all.Where(m => m.IsFrom(_botUserId)).OrderBy(m => m.Ts, StringComparer.Ordinal).ToList();
    }

    private void Read(SlackMessage message)
    {
        _consumed.Add(message.Ts);
        var buttons = message.ButtonLabels().ToList();
        _transcript.Add($"{Stamp()} bot → {Role}: {message.Text}{(buttons.Count > 0 ? $"  [{string.Join("] [", buttons)}]" : "")}");
    }

    public void Note(string line) => _transcript.Add($"{Stamp()} {Role}: {line}");

    private static string Stamp() => DateTime.UtcNow.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
}
