using PadUat.Support;
using PadUat.Support.Configuration;

namespace PadUat.Drivers.Slack;

/// <summary>
/// One person of the UAT (the employee, the manager, compliance…) in one scenario: they type to the bot and click its
/// buttons in their Slack client, read what it sends them, see its answers to their clicks, and keep a transcript of
/// both sides for the report.
/// </summary>
public sealed class SlackPerson
{
    private readonly SlackAccount _account;
    private readonly IDirectMessageFeed _feed;
    private readonly string _botUserId;
    private readonly HashSet<string> _consumed = [];
    private readonly List<string> _transcript = [];
    private readonly string _since;
    private readonly string _channel;
    private readonly Func<SlackAccount, Task<SlackClientPage>> _client;

    public TestPerson Person => _account.Person;
    public SlackIdentity Identity => _account.Identity;
    public IReadOnlyList<string> Transcript => _transcript;

    /// <summary>Their last click in this scenario: the message clicked and the button's label, whose answer a later step reads.</summary>
    public (string MessageTs, string Button)? LastClick { get; private set; }

    /// <summary>Where this person reads the bot: their direct-message channel with it, or a channel it posts to.</summary>
    public string BotChannel => _channel;

    /// <summary>" in &lt;channel&gt;" when this is a channel rather than the person's DM, for the report's names.</summary>
    public string Where => _channel == _account.BotChannel ? "" : $" in {_channel}";

    private SlackPerson(SlackAccount account, IDirectMessageFeed feed, string botUserId, string since, Func<SlackAccount, Task<SlackClientPage>> client,
        string? channel = null)
    {
        _account = account; _feed = feed; _botUserId = botUserId; _since = since; _client = client; _channel = channel ?? account.BotChannel;
    }

    /// <summary>The person reading a channel the bot posts to, from <paramref name="since"/> (the scenario's start in it).</summary>
    public static SlackPerson InChannel(SlackAccount account, IDirectMessageFeed feed, string botUserId, Func<SlackAccount, Task<SlackClientPage>> client,
        string channel, string since) => new(account, feed, botUserId, since, client, channel);

    /// <summary>
    /// Only messages after the newest one already in the DM count for this scenario — Slack's own ts, so neither
    /// clock skew nor a previous scenario's late replies can leak in.
    /// </summary>
    public static async Task<SlackPerson> BeginAsync(SlackAccount account, IDirectMessageFeed feed, string botUserId, Func<SlackAccount, Task<SlackClientPage>> client) =>
        new(account, feed, botUserId, await feed.NewestTsAsync(account.Client, account.BotChannel), client);

    /// <summary>Whether their Slack client is open (they typed, clicked or were looked at in this run).</summary>
    public bool ClientOpen => _account.Page is { IsOpen: true };

    /// <summary>Their Slack client, showing where they read the bot (the DM, or the channel).</summary>
    public async Task<SlackClientPage> ClientAsync()
    {
        var page = await _client(_account);
        await page.ShowAsync(_channel);
        return page;
    }

    /// <summary>Types the text in their Slack client, as they would (a message Slack marks as typed: client_msg_id, no bot_id).</summary>
    /// <remarks>
    /// Returns the message as Slack holds it, once the DM shows it: its ts is where the bot's answer belongs (the thread it
    /// opens), so a late answer to an earlier conversation is never taken for it.
    /// </remarks>
    public async Task<SlackMessage> SayAsync(string text)
    {
        _thread = null;
        await (await ClientAsync()).SendAsync(text);
        _transcript.Add($"{Stamp()} {Person} → bot: {text}");
        var mine = await Eventually.UntilAsync(async () => { await HistoryAsync(); return _lastRead.LastOrDefault(IsNewFromMe); }, m => m is not null,
            TimeSpan.FromSeconds(10), $"Slack showing {Person}'s message \"{text}\" in the DM", waitForNews: max => _feed.WaitForNewsAsync(BotChannel, max));
        _said.Add(mine!.Ts);
        return mine;
    }

    private bool IsNewFromMe(SlackMessage m) => m.User == Identity.UserId && !m.IsReply && !_said.Contains(m.Ts);

    // The messages this person opened conversations with, in this scenario.
    private readonly HashSet<string> _said = [];

    /// <summary>
    /// Answers the bot where it asked: in the thread of its last message read (the real bot holds each request in a thread
    /// of its own), or at the top of the DM when it asked there.
    /// </summary>
    public async Task AnswerAsync(string text)
    {
        await (await ClientAsync()).SendAsync(text, _thread);
        _transcript.Add($"{Stamp()} {Person} → bot{(_thread is null ? "" : " (in the thread)")}: {text}");
    }

    // The thread the bot last spoke in to this person, where their answers go.
    private string? _thread;

    /// <summary>Whether the bot's message is in the conversation this person is answering (its thread, or the top of the DM).</summary>
    public bool InConversation(SlackMessage m) => m.ReplyIn == _thread;
    // The thread of every message read, so a message in a thread is looked for in the thread's pane.
    private readonly Dictionary<string, string> _threadOf = [];

    /// <summary>The Slack pane as the person sees it, showing <paramref name="ts"/> (in its thread, when it is in one) when given.</summary>
    public async Task<byte[]> ScreenshotAsync(string? ts, System.Text.RegularExpressions.Regex? showing = null) =>
        await (await ClientAsync()).ScreenshotAsync(ts, showing, ts is not null ? _threadOf.GetValueOrDefault(ts) : null);

    /// <summary>Types <paramref name="text"/> into the input box of a message from the bot (an approval request's comments), as they would.</summary>
    public async Task WriteInAsync(SlackMessage message, string text)
    {
        await (await ClientAsync()).WriteInAsync(message.Ts, text, message.ReplyIn);
        _transcript.Add($"{Stamp()} {Person} writes \"{text}\" in the box on \"{message.Text}\"");
    }

    /// <summary>Clicks (or double-clicks) the button <paramref name="actionId"/> of a message from the bot in their Slack client; returns the button's label.</summary>
    public async Task<string> ClickAsync(SlackMessage message, string actionId, bool twice = false)
    {
        var label = message.Button(actionId)?.Button["text"]?["text"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"The message '{message.Text}' has no button '{actionId}'");
        await (await ClientAsync()).ClickAsync(message.Ts, label, twice, message.ReplyIn);
        LastClick = (message.Ts, label);
        _transcript.Add($"{Stamp()} {Person} {(twice ? "double-clicks" : "clicks")} '{label}' on \"{message.Text}\"");
        return label;
    }

    /// <summary>
    /// Waits (bounded) until what they see of the bot's answer to their last click matches: the clicked message as Slack
    /// now holds it (the bot replaced it), or an answer shown to them alone in their client. Returns what they see.
    /// </summary>
    public async Task<string> ExpectClickAnswerAsync(System.Text.RegularExpressions.Regex pattern, string expectation, TimeSpan timeout)
    {
        var (ts, button) = LastClick ?? throw new InvalidOperationException($"{Person} has clicked nothing in this scenario");
        var seen = await Eventually.UntilAsync(async () =>
            {
                var clicked = (await HistoryAsync()).FirstOrDefault(m => m.Ts == ts)?.Text ?? "(the clicked message is gone)";
                return (IReadOnlyList<string>)[clicked, .. await (await ClientAsync()).OnlyVisibleToYouAsync()];
            }, texts => texts.Any(pattern.IsMatch), timeout, $"{Person} seeing {expectation}",
            texts => $"the clicked message reads \"{texts[0]}\"{(texts.Count > 1 ? $"; only they see: {string.Join(" | ", texts.Skip(1))}" : "")}",
            waitForNews: max => _feed.WaitForNewsAsync(BotChannel, max));
        var answer = seen.First(pattern.IsMatch);
        _transcript.Add($"{Stamp()} bot → {Person} (answering the click on '{button}'): {answer}");
        return answer;
    }

    /// <summary>
    /// Waits (bounded) for a message from the bot that matches: by default one this person has not read yet;
    /// with <paramref name="alreadyRead"/>, any in this scenario (a decision request looked at earlier). With
    /// <paramref name="leavingEarlier"/>, the unread messages before it are read as left over from what it closes.
    /// </summary>
    public async Task<SlackMessage> ExpectFromBotAsync(Func<SlackMessage, bool> matches, string expectation, TimeSpan timeout, bool alreadyRead = false,
        bool leavingEarlier = false)
    {
        var seen = await Eventually.UntilAsync<IReadOnlyList<SlackMessage>>(alreadyRead ? HistoryAsync : UnreadFromBotAsync, list => list.Any(matches), timeout,
            $"the bot sending {Person} {expectation}",
            list => list.Count == 0 ? "no new message from the bot" : string.Join(" | ", list.Select(m => $"\"{m.Text}\"")),
            waitForNews: max => _feed.WaitForNewsAsync(BotChannel, max));
        var message = seen.First(matches);
        if (leavingEarlier)
            foreach (var left in seen.Where(m => string.CompareOrdinal(m.Ts, message.Ts) < 0 && !_consumed.Contains(m.Ts)))
                Read(left);
        Read(message);
        return message;
    }

    /// <summary>Everything the bot has sent this person in this scenario that they have not read yet, oldest first.</summary>
    public async Task<IReadOnlyList<SlackMessage>> UnreadFromBotAsync() =>
        (await HistoryAsync()).Where(m => !_consumed.Contains(m.Ts)).ToList();

    /// <summary>Every message from the bot in this person's DM since the scenario began, oldest first, as it reads now.</summary>
    public async Task<IReadOnlyList<SlackMessage>> HistoryAsync() =>
        (_lastRead = await _feed.ReadAsync(_account.Client, BotChannel, _since)).Where(m => m.IsFrom(_botUserId)).ToList();

    private IReadOnlyList<SlackMessage> _lastRead = [];

    /// <summary>
    /// How long the bot took to answer: from Slack's ts on this person's last message before the reply to the reply's
    /// own ts — both stamped by Slack's clock, so neither the harness's polling nor its share of the read rate limit
    /// counts against the bot.
    /// </summary>
    public TimeSpan ReplyTime(SlackMessage reply)
    {
        var said = _lastRead.LastOrDefault(m => m.User == Identity.UserId && string.CompareOrdinal(m.Ts, reply.Ts) < 0)
            ?? throw new InvalidOperationException($"{Person}'s message before the bot's \"{reply.Text}\" is not in the DM's history");
        return reply.PostedAt - said.PostedAt;
    }

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

    private void Read(SlackMessage message)
    {
        _consumed.Add(message.Ts);
        if (message.IsReply)
        {
            _thread = message.ThreadTs;
            _threadOf[message.Ts] = message.ThreadTs!;
        }
        var buttons = message.ButtonLabels().ToList();
        _transcript.Add($"{Stamp()} bot → {Person}: {message.Text}{(buttons.Count > 0 ? $"  [{string.Join("] [", buttons)}]" : "")}");
    }

    public void Note(string line) => _transcript.Add($"{Stamp()} {Person}: {line}");

    private static string Stamp() => DateTime.UtcNow.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
}
