using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PadUat.Support.Configuration;
using PadUat.Support.Evidence;

namespace PadUat.Drivers.Slack;

public sealed record TradeAsk(string Direction, decimal Quantity, string Ticker, decimal EstimatedValue, string Currency)
{
    /// <summary>A realistic estimated value when a step names only quantity and security (about 180 USD a share).</summary>
    public static decimal TypicalValue(decimal quantity) => quantity * TypicalPrice;

    public const decimal TypicalPrice = 180m;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Direction} {Quantity:0.##} {Ticker} (~{EstimatedValue:0.##} {Currency})");
}

/// <summary>What the bot answered to a confirmation: a request number, or a refusal.</summary>
public sealed record Submission(int? RequestId, string BotAnswer);

/// <summary>
/// The UAT people in Slack for one scenario: each types to the bot and clicks its buttons in their own Slack client,
/// and reads its notifications. Transcripts, and screenshots of each person's Slack at its checkpoints, go to the report.
/// </summary>
public sealed class SlackDriver(SlackSession session, Evidence evidence, Support.Contract.TargetContract contract, BotPhrases phrases)
{
    private readonly Dictionary<TestPerson, SlackPerson> _people = [];
    // A person reading a channel the bot posts to (compliance's), by person and channel; each channel's view starts with the DMs'.
    private readonly Dictionary<(TestPerson, string), SlackPerson> _inChannels = [];
    private readonly Dictionary<string, string> _channelSince = [];
    // Where each person clicked last (their DM or a channel), whose answer a later step reads.
    private readonly Dictionary<TestPerson, SlackPerson> _clickedIn = [];

    private TimeSpan Wait => session.ReplyTimeout;
    private readonly BotConversation _conversation = new(phrases, contract, session.ReplyTimeout);

    /// <summary>
    /// Everyone's view starts together at the scenario's first Slack action, before the bot sends anything in this
    /// scenario — a manager whose view began late would otherwise miss their request.
    /// </summary>
    public async Task<SlackPerson> PersonAsync(TestPerson who)
    {
        if (_people.Count == 0)
        {
            foreach (var someone in session.People)
                _people[someone] = await SlackPerson.BeginAsync(await session.AccountAsync(someone), session.Feed, session.BotUserId, session.ClientAsync);
            foreach (var channel in session.Channels.Values)
                _channelSince[channel] = await NewestInAsync(channel);
        }
        return _people.TryGetValue(who, out var person) ? person : throw new ArgumentException($"No Slack person for {who}");
    }

    /// <summary>
    /// Notes where each person's Slack stands now, so that what the bot sends from here on is news to them — before an
    /// action taken outside Slack (the dashboard, the application's API) that the bot tells people about.
    /// </summary>
    public Task ListenAsync() => PersonAsync(session.People.First());

    /// <summary>The newest message in a channel, read by the first person who is in it (the others cannot read it).</summary>
    private async Task<string> NewestInAsync(string channel)
    {
        foreach (var someone in session.People)
        {
            try { return await session.Feed.NewestTsAsync((await session.AccountAsync(someone)).Client, channel); }
            catch (SlackApiError e) when (e.Code is "channel_not_found" or "not_in_channel") { }
        }
        throw new SetupError($"None of the test people is in the channel {channel}: invite the compliance officer to it (docs/deployed-targets.md)");
    }

    /// <summary>
    /// Where <paramref name="who"/> reads the bot's asks to decide for <paramref name="stage"/>: their DM with the bot, or the
    /// channel the target's contract names (compliance's, bot.notifications.complianceDecisionRequest).
    /// </summary>
    private Task<SlackPerson> WhereAskedAsync(TestPerson who, string stage) => WhereNotifiedAsync(who, DecisionRequest(stage));

    /// <summary>The notification asking <paramref name="stage"/> to decide (bot.notifications).</summary>
    private static string DecisionRequest(string stage) => $"{(stage == PadJourneys.ManagerStage ? "manager" : "compliance")}DecisionRequest";

    /// <summary>Where <paramref name="who"/> reads the bot's <paramref name="notification"/> (bot.notifications): their DM, or a channel a setting names.</summary>
    private async Task<SlackPerson> WhereNotifiedAsync(TestPerson who, string notification)
    {
        if (contract.WhyNotReadable(notification) is { } why) throw new SetupError($"{contract.File}: bot.notifications.{notification}: {why}");
        var inDm = await PersonAsync(who);
        if (contract.ChannelSettingOf(notification) is not { } setting) return inDm;
        var channel = session.Channels.TryGetValue(setting, out var id) ? id
            : throw new SetupError($"{setting}: not set; {contract.File} says the bot's {notification} arrives in the channel it names");
        if (!_inChannels.TryGetValue((who, channel), out var place))
            _inChannels[(who, channel)] = place = SlackPerson.InChannel(await session.AccountAsync(who), session.Feed, session.BotUserId, session.ClientAsync, channel, _channelSince[channel]);
        return place;
    }

    /// <summary>A click where <paramref name="who"/> sees the message (their DM, or a channel), remembered for the steps that read its answer.</summary>
    private async Task ClickAsync(TestPerson who, SlackPerson place, SlackMessage message, string actionId, bool twice = false)
    {
        await place.ClickAsync(message, actionId, twice);
        _clickedIn[who] = place;
    }

    /// <summary>Where the person clicked last: the place whose answer to the click a later step reads.</summary>
    private async Task<SlackPerson> ClickerAsync(TestPerson who) => _clickedIn.GetValueOrDefault(who) ?? await PersonAsync(who);

    /// <summary>The details the checklist has the bot ask for (1.1-1.8), by the contract's name for each question.</summary>
    private static readonly string[] RequestDetails = ["security", "direction", "quantity", "price", "currency", "broker", "account", "reason"];

    /// <summary>
    /// The details of the checklist's conversation (1.1-1.8) the bot never asked for in the last request taken, in
    /// whatever order and words it asked the others; the security counts as asked where the bot asked to confirm the one
    /// it found in the opening ("I want to trade Apple stock").
    /// </summary>
    public IReadOnlyList<string> DetailsNeverAsked() => RequestDetails.Where(d => !_conversation.Asked.Contains(d)
        && !(d == "security" && _conversation.Asked.Contains("securityConfirmation"))).ToList();

    /// <summary>The questions the bot asked in the last request taken, in turn.</summary>
    public IReadOnlyList<string> QuestionsAsked => _conversation.Asked;

    /// <summary>
    /// What <paramref name="summary"/> does not show: the security found with its <paramref name="description"/> (checklist 1.2),
    /// what the employee gave (1.9), the value worked out (1.5).
    /// </summary>
    public IReadOnlyList<string> NotInSummary(SlackMessage summary, TradeAsk ask, string description) =>
        TradeSummary.Missing(summary, ask, _conversation.Answered, description);

    /// <summary>Whether the message is a summary the person can submit: it carries the contract's confirm button.</summary>
    public bool OffersToSubmit(SlackMessage message) => _conversation.IsSummary(message);

    /// <summary>
    /// The plan's scenario 1 conversation up to the summary the employee is asked to confirm, or to where the bot ended it
    /// (a restricted security: checklist 8.1); returns that message.
    /// </summary>
    public Task<SlackMessage> AskForPreApprovalAsync(TestPerson who, TradeAsk ask) =>
        evidence.StepAsync($"Slack: {who} asks the bot to {ask}", async () =>
        {
            var (person, first) = await BeginConversationAsync(who);
            var reached = await _conversation.AnswerQuestionsAsync(person, first, ask, until: BotConversation.Declaration);
            if (!_conversation.IsSummary(reached) && phrases.QuestionIn(reached.Text) == BotConversation.Declaration)
            {
                await person.AnswerAsync(phrases.Answer(BotConversation.Declaration, ask));
                reached = await _conversation.NextAsync(person, first, "a summary with a Confirm button", _conversation.IsSummary);
            }
            await ScreenshotAsync(person, _conversation.IsSummary(reached) ? "the summary they are asked to confirm" : "where the bot ended the conversation", reached.Ts);
            return reached;
        });

    /// <summary>
    /// The whole conversation, but the declaration of no inside information refused: where the target asks it as a question,
    /// "no"; where it is the preview's button (the real bot's Agree &amp; Submit), Cancel instead. Returns what the bot says to that.
    /// </summary>
    public Task<SlackMessage> AskWithoutDeclarationAsync(TestPerson who, TradeAsk ask) =>
        evidence.StepAsync($"Slack: {who} asks the bot to {ask}, not making the declaration of no inside information", async () =>
        {
            var (person, first) = await BeginConversationAsync(who);
            var reached = await _conversation.AnswerQuestionsAsync(person, first, ask, until: BotConversation.Declaration);
            if (_conversation.IsSummary(reached))
            {
                await ClickAsync(who, person, reached, contract.Button("cancelRequest"));
                return reached with
                {
                    Text = await person.ExpectClickAnswerAsync(phrases.NothingSubmittedWithoutDeclaration, "the summary showing that no request went in", Wait),
                };
            }
            await person.AnswerAsync(phrases.Decline(BotConversation.Declaration));
            return await _conversation.NextAsync(person, first, "an answer to the declined declaration");
        });

    /// <summary>
    /// The conversation up to <paramref name="question"/> (a question of the contract's bot.questions), which is answered with
    /// <paramref name="answer"/> instead; returns what the bot says to that. The conversation is left open, as a person would.
    /// </summary>
    public Task<SlackMessage> AnswerBadlyAsync(TestPerson who, TradeAsk ask, string question, string answer) =>
        evidence.StepAsync($"Slack: {who} answers the bot's {question} question with \"{answer}\"", async () =>
        {
            var (person, first) = await BeginConversationAsync(who);
            if (phrases.QuestionIn((await _conversation.AnswerQuestionsAsync(person, first, ask, until: question)).Text) != question)
                throw new CheckFailed($"The bot never asked the {question} question before the summary");
            await person.AnswerAsync(answer);
            return await _conversation.NextAsync(person, first, $"an answer to \"{answer}\"");
        });

    /// <summary>The person's conversation with the bot, opened, and the bot's first question.</summary>
    private async Task<(SlackPerson Person, SlackMessage FirstQuestion)> BeginConversationAsync(TestPerson who)
    {
        var person = await PersonAsync(who);
        return (person, await _conversation.OpenAsync(person));
    }

    /// <param name="doubleClick">As people do by habit: Slack's client may deliver both clicks, and the bot must submit once.</param>
    public Task<Submission> ConfirmAsync(TestPerson who, SlackMessage summary, bool doubleClick = false) =>
        evidence.StepAsync($"Slack: {who} {(doubleClick ? "double-clicks" : "clicks")} Confirm", async () =>
        {
            var person = await PersonAsync(who);
            if (!_conversation.IsSummary(summary))
                throw new CheckFailed($"The bot showed no summary to confirm; the conversation ended with \"{summary.Text}\" (if that is a question " +
                                      $"this target asks, add how it is recognised to {contract.File}, bot.questions)");
            await ClickAsync(who, person, summary, contract.Button("confirmRequest"), doubleClick);
            var answer = await person.ExpectFromBotAsync(m => phrases.Submitted.IsMatch(m.Text) || phrases.Refused.IsMatch(m.Text) || phrases.SummaryNoLongerOpen.IsMatch(m.Text),
                "that the request was submitted or refused", Wait);
            // After a double click the bot may still be answering the second click, in this request's thread: the next
            // conversation, in a thread of its own, does not read it.
            var id = phrases.Submitted.Match(answer.Text) is { Success: true } m ? int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture) : (int?)null;
            return new Submission(id, answer.Text);
        });

    public Task CancelAsync(TestPerson who, SlackMessage summary) =>
        evidence.StepAsync($"Slack: {who} clicks Cancel", async () =>
        {
            var person = await PersonAsync(who);
            await ClickAsync(who, person, summary, contract.Button("cancelRequest"));
            await ExpectClickAnswerAsync(who, phrases.Cancelled, "the summary showing it was cancelled");
        });

    /// <summary>
    /// What the person who clicked last now sees of the bot's answer, read from Slack: the message they clicked as the bot
    /// replaced it (the usual way), or an answer to them alone in their client.
    /// </summary>
    public Task<string> ExpectClickAnswerAsync(TestPerson who, Regex pattern, string expectation) =>
        evidence.StepAsync($"Slack: {who} sees {expectation}", async () =>
        {
            var person = await ClickerAsync(who);
            var answer = await person.ExpectClickAnswerAsync(pattern, expectation, Wait);
            await ScreenshotAsync(person, expectation, person.LastClick!.Value.MessageTs, pattern);
            return answer;
        });

    /// <summary>The message the person clicked last, once the bot has answered the click, offers no buttons any more: nothing left to decide twice.</summary>
    public Task ExpectClickedMessageSettledAsync(TestPerson who) =>
        evidence.StepAsync($"Slack: the message {who} clicked offers no buttons any more", async () =>
        {
            var person = await ClickerAsync(who);
            var (ts, _) = person.LastClick ?? throw new InvalidOperationException($"{who} has clicked nothing in this scenario");
            await person.ExpectFromBotAsync(m => m.Ts == ts && !m.ButtonLabels().Any(), "the message they clicked without its buttons", Wait, alreadyRead: true);
        });

    /// <summary>Waits for the bot to ask this person to decide on the request, with Approve and Reject buttons for the stage.</summary>
    public Task<SlackMessage> ExpectDecisionRequestAsync(TestPerson who, int requestId, string stage) =>
        evidence.StepAsync($"Slack: {who} is asked to decide on request #{requestId}", async () =>
        {
            var person = await WhereAskedAsync(who, stage);
            var asked = await person.ExpectFromBotAsync(
                m => IsDecisionRequest(m, requestId, stage), $"an Approve/Reject message for request #{requestId}", Wait, alreadyRead: true);
            await ScreenshotAsync(person, $"asked to decide on request #{requestId}", asked.Ts);
            return asked;
        });

    private bool IsDecisionRequest(SlackMessage m, int requestId, string stage) =>
        phrases.AboutRequest(requestId).IsMatch(m.Text) && m.Button(DecisionButton(stage, approve: true)) is not null;

    /// <summary>
    /// Who of <paramref name="people"/> the bot has sent the Approve/Reject message of the stage for the request in their
    /// DM, read or not (a stage asked in a channel asks the channel's members, the team, and no one by DM). The bot sends a
    /// stage's asks one after another, so the answer is read after <paramref name="settle"/>: a message still on its way
    /// could only be missed, never invented.
    /// </summary>
    public Task<IReadOnlyList<TestPerson>> AskedToDecideAsync(IEnumerable<TestPerson> people, int requestId, string stage, TimeSpan settle) =>
        evidence.StepAsync($"Slack: who else has been asked to decide on request #{requestId} for {stage}?", async () =>
        {
            await WhereAskedAsync(people.First(), stage); // a stage the harness cannot read ends the scenario broken, saying why
            await Task.Delay(settle);
            var asked = new List<TestPerson>();
            foreach (var who in people)
                if ((await (await PersonAsync(who)).HistoryAsync()).Any(m => IsDecisionRequest(m, requestId, stage)))
                    asked.Add(who);
            return (IReadOnlyList<TestPerson>)asked;
        });

    /// <param name="comment">Written in the message's comments box first (an approval's comment, a decline's reason).</param>
    public Task DecideAsync(TestPerson who, SlackMessage decisionRequest, string stage, bool approve, string? comment = null) =>
        evidence.StepAsync($"Slack: {who} {(comment is null ? "" : $"writes \"{comment}\" and ")}clicks {(approve ? "Approve" : "Reject")}", async () =>
        {
            var place = await WhereAskedAsync(who, stage);
            if (comment is not null) await place.WriteInAsync(decisionRequest, comment);
            await ClickAsync(who, place, decisionRequest, DecisionButton(stage, approve));
        });

    /// <summary>A stage's approve or reject button, as the target's contract names it ("managerApprove" → its action id).</summary>
    private string DecisionButton(string stage, bool approve) => contract.Button($"{stage}{(approve ? "Approve" : "Reject")}");

    public Task<SlackMessage> ExpectToldAsync(TestPerson who, Regex pattern, string expectation) =>
        evidence.StepAsync($"Slack: {who} is told {expectation}", async () =>
        {
            var person = await PersonAsync(who);
            var told = await person.ExpectFromBotAsync(m => pattern.IsMatch(m.Text), expectation, Wait);
            await ScreenshotAsync(person, $"told {expectation}", told.Ts);
            return told;
        });

    /// <summary>
    /// Free text to the bot, whatever it is waiting for: in the conversation where it last asked (<paramref name="inConversation"/>),
    /// or at the top of the DM, where any message opens a new one. Returns its answer.
    /// </summary>
    public Task<SlackMessage> SayToBotAsync(TestPerson who, string text, bool inConversation) =>
        evidence.StepAsync($"Slack: {who} writes \"{text}\" to the bot{(inConversation ? " in the conversation" : "")}", async () =>
        {
            var person = await PersonAsync(who);
            if (inConversation)
            {
                await person.AnswerAsync(text);
                return await person.ExpectFromBotAsync(person.InConversation, $"an answer to \"{text}\"", Wait);
            }
            var opening = await person.SayAsync(text);
            return await person.ExpectFromBotAsync(m => BotConversation.Answers(m, opening), $"an answer to \"{text}\"", Wait, leavingEarlier: true);
        });

    /// <summary>The last conversation after a request (checklist 4.1-4.5, 6.1-6.2), as the person saw it.</summary>
    public FollowUpTranscript? LastFollowUp => _conversation.FollowUp;

    /// <summary>
    /// Checklist 4.1-4.6: the person tells the bot they executed the request, answers its questions and clicks Record
    /// Execution on its summary; returns the bot's answer (recorded, or refused at whichever turn it refused).
    /// </summary>
    public Task<SlackMessage> ReportExecutionAsync(TestPerson who, int requestId, ExecutionReport report) =>
        evidence.StepAsync($"Slack: {who} records the execution of request #{requestId} ({report})", async () =>
            await ClickThroughAsync(who, await ExecutionSummaryAsync(who, requestId, report), "recordExecution", phrases.ExecutionAnswer(requestId)));

    /// <summary>
    /// Checklist 4.1-4.5 without 4.6: the person answers the bot's questions up to the execution summary and leaves it open,
    /// its Record Execution button not clicked (yet). Returns the summary, or where the bot ended the conversation.
    /// </summary>
    public Task<SlackMessage> OpenExecutionSummaryAsync(TestPerson who, int requestId, ExecutionReport report) =>
        evidence.StepAsync($"Slack: {who} reports the execution of request #{requestId} ({report}) up to its summary", async () =>
            (await ExecutionSummaryAsync(who, requestId, report)).Reached);

    /// <summary>Checklist 4.6 on a summary left open by <see cref="OpenExecutionSummaryAsync"/>: Record Execution clicked; the bot's answer.</summary>
    public Task<SlackMessage> RecordOnOpenSummaryAsync(TestPerson who, int requestId) =>
        evidence.StepAsync($"Slack: {who} clicks Record Execution on the summary left open", async () =>
        {
            var open = _conversation.FollowUp is { Summary: { } summary } talk ? (talk.First, summary)
                : throw new CheckFailed($"{who} has no execution summary open to click: the bot never showed one");
            return await ClickThroughAsync(who, open, "recordExecution", phrases.ExecutionAnswer(requestId));
        });

    private Task<(SlackMessage First, SlackMessage Reached)> ExecutionSummaryAsync(TestPerson who, int requestId, ExecutionReport report) =>
        FollowUpAsync(who, phrases.ExecutionReport(requestId), "executionQuestions", report.Answers, "recordExecution",
            phrases.ExecutionAnswer(requestId), "the execution summary with its Record Execution button");

    /// <summary>Checklist 6.1-6.3: the person asks the bot to withdraw the request, gives the reason and clicks Withdraw Request.</summary>
    public Task<SlackMessage> WithdrawAsync(TestPerson who, int requestId, Withdrawal withdrawal) =>
        evidence.StepAsync($"Slack: {who} withdraws request #{requestId} (\"{withdrawal.Reason}\")", async () =>
            await ClickThroughAsync(who, await FollowUpAsync(who, phrases.Withdraw(requestId), "withdrawalQuestions", withdrawal.Answers,
                "withdrawRequest", phrases.WithdrawalAnswer(requestId), "the withdrawal summary with its Withdraw Request button"),
                "withdrawRequest", phrases.WithdrawalAnswer(requestId)));

    /// <summary>A conversation after the request up to its summary with <paramref name="buttonName"/>, or to where the bot ended it.</summary>
    private async Task<(SlackMessage First, SlackMessage Reached)> FollowUpAsync(TestPerson who, string opening, string dialogue,
        IReadOnlyList<(string, string)> answers, string buttonName, Regex outcome, string summary)
    {
        var person = await PersonAsync(who);
        var button = contract.Button(buttonName);
        var (first, reached) = await _conversation.FollowUpAsync(person, opening, dialogue, answers, button, outcome);
        await ScreenshotAsync(person, reached.Button(button) is null ? "where the bot ended the conversation" : summary, reached.Ts);
        return (first, reached);
    }

    /// <summary>
    /// The summary's <paramref name="buttonName"/> clicked; the bot's answer in the conversation's thread. A conversation the
    /// bot ended before any summary (a refusal) is its answer.
    /// </summary>
    private async Task<SlackMessage> ClickThroughAsync(TestPerson who, (SlackMessage First, SlackMessage Reached) talk, string buttonName, Regex outcome)
    {
        var button = contract.Button(buttonName);
        if (talk.Reached.Button(button) is null) return talk.Reached;
        var person = await PersonAsync(who);
        await ClickAsync(who, person, talk.Reached, button);
        return await _conversation.NextAsync(person, talk.First, "the bot's answer to the click", m => outcome.IsMatch(m.Text));
    }

    /// <summary>What the bot says to <paramref name="who"/> where they decide for <paramref name="stage"/> (a refusal of their click), once it matches.</summary>
    public Task<SlackMessage> ExpectToldWhereAskedAsync(TestPerson who, string stage, Regex pattern, string expectation) =>
        ExpectNotifiedAsync(who, DecisionRequest(stage), pattern, expectation);

    /// <summary>The bot's <paramref name="notification"/> to <paramref name="who"/>, read where the contract says it arrives, once one matches.</summary>
    public Task<SlackMessage> ExpectNotifiedAsync(TestPerson who, string notification, Regex pattern, string expectation) =>
        evidence.StepAsync($"Slack: {who} is told {expectation}", async () =>
        {
            var place = await WhereNotifiedAsync(who, notification);
            var told = await place.ExpectFromBotAsync(m => pattern.IsMatch(m.Text), expectation, Wait);
            await ScreenshotAsync(place, $"told {expectation}", told.Ts);
            return told;
        });

    /// <summary>The unread messages the bot sent this person that mention the request, read where it asks <paramref name="stage"/> to decide.</summary>
    public Task<IReadOnlyList<SlackMessage>> UnreadAboutAsync(TestPerson who, int requestId, string stage) =>
        evidence.StepAsync($"Slack: what {who} has been sent about request #{requestId}", async () =>
        {
            // Read where the stage's asks would be, or "never asked" proves nothing.
            return (IReadOnlyList<SlackMessage>)(await (await WhereAskedAsync(who, stage)).UnreadFromBotAsync()).Where(m => phrases.AboutRequest(requestId).IsMatch(m.Text)).ToList();
        });

    /// <summary>Plan 5.11's bot response time: <paramref name="exchanges"/> of the person's messages answered, each timed.</summary>
    public Task<IReadOnlyList<TimeSpan>> MeasureReplyTimesAsync(TestPerson who, int exchanges) =>
        evidence.StepAsync($"Slack: {who} exchanges {exchanges} messages with the bot, timed", async () =>
            await _conversation.TimeRepliesAsync(await PersonAsync(who), exchanges));

    public void AttachTranscripts()
    {
        foreach (var person in _people.Values.Concat(_inChannels.Values).Where(p => p.Transcript.Count > 0))
            evidence.Attach($"Slack transcript — {person.Person} ({person.Identity.UserName}){person.Where}", "text/plain", string.Join('\n', person.Transcript));
    }

    /// <summary>The person's Slack pane at a checkpoint of the conversation, beside the transcript in the report; each checkpoint once.</summary>
    private async Task ScreenshotAsync(SlackPerson person, string what, string ts, Regex? showing = null)
    {
        var name = $"Slack — {person.Person} ({person.Identity.UserName}): {what}";
        if (_shot.Add(name)) evidence.Attach(name, "image/jpeg", await person.ScreenshotAsync(ts, showing));
    }

    private readonly HashSet<string> _shot = [];

    public bool AnyClientOpen => _people.Values.Any(p => p.ClientOpen);

    /// <summary>At a failure: each person's Slack client, as it stands, for whoever has one open.</summary>
    public async Task CaptureFailureAsync()
    {
        foreach (var person in _people.Values.Where(p => p.ClientOpen))
            evidence.Attach($"Slack — {person.Person} ({person.Identity.UserName}) at the failure", "image/jpeg",
                await person.ScreenshotAsync(null));
    }
}
