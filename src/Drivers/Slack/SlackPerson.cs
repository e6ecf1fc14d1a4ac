using System.Text.Json.Nodes;
using PadUat.Support;

namespace PadUat.Drivers.Slack;

/// <summary>
/// One person of the UAT (the employee, the manager, compliance…) using Slack with their own token: they DM
/// the bot, read what it sends them, and keep a transcript of both sides for the report.
/// </summary>
public sealed class SlackPerson
{
    private static readonly TimeSpan MaxPoll = TimeSpan.FromMilliseconds(50);
    private readonly SlackWebClient _client;
    private readonly string _botUserId;
    private readonly HashSet<string> _consumed = [];
    private readonly List<string> _transcript = [];
    private readonly string _since;

    public string Role { get; }
    public SlackIdentity Identity { get; }
    public IReadOnlyList<string> Transcript => _transcript;

    private SlackPerson(string role, SlackIdentity identity, SlackWebClient client, string botUserId, string since, string dm)
    {
        Role = role; Identity = identity; _client = client; _botUserId = botUserId; _since = since; BotChannel = dm;
    }

    /// <summary>
    /// Checks the token with auth.test. Only messages after the newest one already in the DM count for this
    /// scenario — Slack's own ts, so neither clock skew nor a previous scenario's late replies can leak in.
    /// </summary>
    public static async Task<SlackPerson> SignInAsync(string role, SlackWebClient client, string botUserId)
    {
        var auth = await client.CallAsync("auth.test");
        var dm = (await client.CallAsync("conversations.open", new JsonObject { ["users"] = botUserId }))["channel"]!["id"]!.GetValue<string>();
        var newest = (await client.CallAsync("conversations.history", new JsonObject { ["channel"] = dm, ["limit"] = 1 }))["messages"]!.AsArray();
        var since = newest.Count > 0 ? newest[0]!["ts"]!.GetValue<string>() : "0";
        return new SlackPerson(role, new SlackIdentity(auth["user_id"]!.GetValue<string>(), auth["user"]!.GetValue<string>(),
            auth["team_id"]!.GetValue<string>()), client, botUserId, since, dm);
    }

    /// <summary>This person's direct-message channel with the bot.</summary>
    public string BotChannel { get; }

    public async Task SayAsync(string text)
    {
        await _client.CallAsync("chat.postMessage", new JsonObject { ["channel"] = BotChannel, ["text"] = text });
        _transcript.Add($"{Stamp()} {Role} → bot: {text}");
    }

    /// <summary>
    /// Waits (bounded) for a message from the bot that matches: by default one this person has not read yet;
    /// with <paramref name="alreadyRead"/>, any in this scenario (a decision request looked at earlier).
    /// </summary>
    public async Task<SlackMessage> ExpectFromBotAsync(Func<SlackMessage, bool> matches, string expectation, TimeSpan timeout, bool alreadyRead = false)
    {
        var unread = await Eventually.UntilAsync<IReadOnlyList<SlackMessage>>(alreadyRead ? HistoryAsync : UnreadFromBotAsync, list => list.Any(matches), timeout,
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
                ["channel"] = BotChannel, ["oldest"] = _since, ["limit"] = 100, ["cursor"] = cursor,
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
