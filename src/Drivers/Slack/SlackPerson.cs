using PadUat.Support;
using PadUat.Support.Configuration;

namespace PadUat.Drivers.Slack;

/// <summary>
/// One person of the UAT (the employee, the manager, compliance…) in one scenario: they DM the bot, read what it
/// sends them, see its answers to their clicks, and keep a transcript of both sides for the report.
/// </summary>
public sealed class SlackPerson
{
    private readonly SlackAccount _account;
    private readonly IDirectMessageFeed _feed;
    private readonly string _botUserId;
    private readonly HashSet<string> _consumed = [];
    private readonly List<string> _transcript = [];
    private readonly string _since;

    public TestPerson Person => _account.Person;
    public SlackIdentity Identity => _account.Identity;
    public IReadOnlyList<string> Transcript => _transcript;

    /// <inheritdoc cref="SlackAccount.ConversationMayBeOpen"/>
    public bool ConversationMayBeOpen { get => _account.ConversationMayBeOpen; set => _account.ConversationMayBeOpen = value; }

    /// <summary>Their last click in this scenario and the label of the button clicked, whose answers a later step reads.</summary>
    public (SentClick Click, string Button)? LastClick { get; set; }

    /// <summary>This person's direct-message channel with the bot.</summary>
    public string BotChannel => _account.BotChannel;

    private SlackPerson(SlackAccount account, IDirectMessageFeed feed, string botUserId, string since)
    {
        _account = account; _feed = feed; _botUserId = botUserId; _since = since;
    }

    /// <summary>
    /// Only messages after the newest one already in the DM count for this scenario — Slack's own ts, so neither
    /// clock skew nor a previous scenario's late replies can leak in.
    /// </summary>
    public static async Task<SlackPerson> BeginAsync(SlackAccount account, IDirectMessageFeed feed, string botUserId) =>
        new(account, feed, botUserId, await feed.NewestTsAsync(account.Client, account.BotChannel));

    public async Task SayAsync(string text)
    {
        await _account.Client.CallAsync("chat.postMessage", new System.Text.Json.Nodes.JsonObject { ["channel"] = BotChannel, ["text"] = text });
        _transcript.Add($"{Stamp()} {Person} → bot: {text}");
    }

    /// <summary>
    /// Waits (bounded) for a message from the bot that matches: by default one this person has not read yet;
    /// with <paramref name="alreadyRead"/>, any in this scenario (a decision request looked at earlier).
    /// </summary>
    public async Task<SlackMessage> ExpectFromBotAsync(Func<SlackMessage, bool> matches, string expectation, TimeSpan timeout, bool alreadyRead = false)
    {
        var seen = await Eventually.UntilAsync<IReadOnlyList<SlackMessage>>(alreadyRead ? HistoryAsync : UnreadFromBotAsync, list => list.Any(matches), timeout,
            $"the bot sending {Person} {expectation}",
            list => list.Count == 0 ? "no new message from the bot" : string.Join(" | ", list.Select(m => $"\"{m.Text}\"")),
            waitForNews: max => _feed.WaitForNewsAsync(BotChannel, max));
        var message = seen.First(matches);
        Read(message);
        return message;
    }

    /// <summary>Everything the bot has sent this person in this scenario that they have not read yet, oldest first.</summary>
    public async Task<IReadOnlyList<SlackMessage>> UnreadFromBotAsync() =>
        (await HistoryAsync()).Where(m => !_consumed.Contains(m.Ts)).ToList();

    /// <summary>Every message from the bot in this person's DM since the scenario began, oldest first, as it reads now.</summary>
    public async Task<IReadOnlyList<SlackMessage>> HistoryAsync() =>
        (await _feed.ReadAsync(_account.Client, BotChannel, _since)).Where(m => m.IsFrom(_botUserId)).ToList();

    /// <summary>
    /// Waits until the DM has been quiet long enough for Slack's one message a second per channel to allow
    /// <paramref name="messages"/> more from each side at once (bounded by a minute), so that a measurement of the
    /// bot does not measure Slack's throttling. Returns how long it waited.
    /// </summary>
    public async Task<TimeSpan> LetTheChannelRestAsync(int messages)
    {
        var newest = await _feed.NewestTsAsync(_account.Client, BotChannel);
        var last = DateTimeOffset.FromUnixTimeMilliseconds((long)(decimal.Parse(newest, System.Globalization.CultureInfo.InvariantCulture) * 1000));
        var perMessage = SlackRateBudget.PostPerChannel.Window / SlackRateBudget.PostPerChannel.Calls;
        var quiet = perMessage * Math.Min(messages, SlackRateBudget.PostPerChannel.Calls);
        var wait = last + quiet - DateTimeOffset.UtcNow;
        if (wait <= TimeSpan.Zero) return TimeSpan.Zero;
        await Task.Delay(wait);
        return wait;
    }

    /// <summary>What this person now sees of the bot's answer to their click, in the transcript like a DM.</summary>
    public void SawClickAnswer(string button, ClickAnswer answer) =>
        _transcript.Add($"{Stamp()} bot → {Person} (answering the click on '{button}'): {answer.Describe()}");

    private void Read(SlackMessage message)
    {
        _consumed.Add(message.Ts);
        var buttons = message.ButtonLabels().ToList();
        _transcript.Add($"{Stamp()} bot → {Person}: {message.Text}{(buttons.Count > 0 ? $"  [{string.Join("] [", buttons)}]" : "")}");
    }

    public void Note(string line) => _transcript.Add($"{Stamp()} {Person}: {line}");

    private static string Stamp() => DateTime.UtcNow.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
}
