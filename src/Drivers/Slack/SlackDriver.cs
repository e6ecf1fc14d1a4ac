using System.Diagnostics;
using System.Globalization;
using System.Net;
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
/// The UAT people in Slack for one scenario: each acts with their own token, talks to the bot, clicks its
/// buttons (signed as Slack signs them) and reads its notifications. Transcripts go to the report.
/// </summary>
public sealed class SlackDriver(SlackSession session, Evidence evidence, Support.Contract.TargetContract contract)
{
    private readonly Dictionary<string, SlackPerson> _people = [];
    private readonly Dictionary<string, (SentClick Click, string Button)> _lastClick = [];

    private TimeSpan Wait => session.ReplyTimeout;

    /// <summary>
    /// Everyone's view starts together at the scenario's first Slack action, before the bot sends anything in this
    /// scenario — a manager whose view began late would otherwise miss their request.
    /// </summary>
    public async Task<SlackPerson> PersonAsync(string role)
    {
        if (_people.Count == 0)
            foreach (var name in Roles.All)
                _people[name] = await SlackPerson.BeginAsync(await session.AccountAsync(name), session.Feed, session.BotUserId);
        return _people.TryGetValue(role, out var person) ? person : throw new ArgumentException($"No Slack person for {role}");
    }

    /// <summary>The plan's scenario 1 conversation up to the summary the employee is asked to confirm.</summary>
    public Task<SlackMessage> AskForPreApprovalAsync(string role, TradeAsk ask) =>
        evidence.StepAsync($"Slack: {role} asks the bot to {ask}", async () =>
        {
            var person = await AnswerTheBotsQuestionsAsync(role, ask);
            await person.SayAsync("yes");
            return await person.ExpectFromBotAsync(m => m.Button(contract.Button("confirmRequest")) is not null, "a summary with a Confirm button", Wait);
        });

    /// <summary>The whole conversation, but "no" to the declaration of no inside information; returns the bot's answer.</summary>
    public Task<SlackMessage> AskWithoutDeclarationAsync(string role, TradeAsk ask) =>
        evidence.StepAsync($"Slack: {role} asks the bot to {ask}, declining the inside-information declaration", async () =>
        {
            var person = await AnswerTheBotsQuestionsAsync(role, ask);
            await person.SayAsync("no");
            var answer = await person.ExpectFromBotAsync(_ => true, "an answer to the declined declaration", Wait);
            person.ConversationMayBeOpen = false;
            return answer;
        });

    /// <summary>
    /// The conversation up to <paramref name="question"/> (security, direction, quantity or value), which is answered with
    /// <paramref name="answer"/> instead; returns what the bot says to that. The conversation is left open, as a person would.
    /// </summary>
    public Task<SlackMessage> AnswerBadlyAsync(string role, TradeAsk ask, string question, string answer) =>
        evidence.StepAsync($"Slack: {role} answers the bot's {question} question with \"{answer}\"", async () =>
        {
            var person = await BeginConversationAsync(role);
            foreach (var (name, text, next, expectation) in Questions(ask))
            {
                if (name == question)
                {
                    await person.SayAsync(answer);
                    return await person.ExpectFromBotAsync(_ => true, $"an answer to \"{answer}\"", Wait);
                }
                await ExchangeAsync(person, text, next, expectation);
            }
            throw new ArgumentOutOfRangeException(nameof(question), question, "the bot asks for the security, direction, quantity and value");
        });

    /// <summary>From "hi" to the declaration question: security, direction, quantity, value.</summary>
    private async Task<SlackPerson> AnswerTheBotsQuestionsAsync(string role, TradeAsk ask)
    {
        var person = await BeginConversationAsync(role);
        foreach (var (_, text, next, expectation) in Questions(ask)) await ExchangeAsync(person, text, next, expectation);
        return person;
    }

    private async Task<SlackPerson> BeginConversationAsync(string role)
    {
        var person = await PersonAsync(role);
        // A conversation left half-way (an earlier run, a failed scenario) is closed first, as a person would.
        if (person.ConversationMayBeOpen) await ExchangeAsync(person, "cancel", BotPhrases.Cancelled, "the previous conversation cancelled");
        person.ConversationMayBeOpen = true;
        await ExchangeAsync(person, "hi", BotPhrases.AsksForSecurity, "a question for the security");
        return person;
    }

    /// <summary>Each question of the conversation: the answer to it, and the bot's next question.</summary>
    private static IEnumerable<(string Question, string Answer, Regex Next, string Expectation)> Questions(TradeAsk ask) =>
    [
        ("security", ask.Ticker, BotPhrases.AsksForDirection, "a question for buy or sell"),
        ("direction", ask.Direction, BotPhrases.AsksForQuantity, "a question for the quantity"),
        ("quantity", ask.Quantity.ToString("0.##", CultureInfo.InvariantCulture), BotPhrases.AsksForValue, "a question for the value"),
        ("value", string.Create(CultureInfo.InvariantCulture, $"{ask.EstimatedValue:0.##} {ask.Currency}"), BotPhrases.AsksForDeclaration,
            "the inside-information declaration"),
    ];

    public Task<Submission> ConfirmAsync(string role, SlackMessage summary) =>
        evidence.StepAsync($"Slack: {role} clicks Confirm", async () =>
        {
            var person = await PersonAsync(role);
            await ClickAsync(person, summary, contract.Button("confirmRequest"));
            var answer = await person.ExpectFromBotAsync(m => BotPhrases.Submitted.IsMatch(m.Text) || BotPhrases.Refused.IsMatch(m.Text),
                "that the request was submitted or refused", Wait);
            person.ConversationMayBeOpen = false;
            var id = BotPhrases.Submitted.Match(answer.Text) is { Success: true } m ? int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture) : (int?)null;
            return new Submission(id, answer.Text);
        });

    /// <summary>A second click on Confirm of a summary already confirmed (a double click, a second device); returns the bot's answer.</summary>
    public Task<SlackMessage> ConfirmAgainAsync(string role, SlackMessage summary) =>
        evidence.StepAsync($"Slack: {role} clicks Confirm on the same summary again", async () =>
        {
            var person = await PersonAsync(role);
            await ClickAsync(person, summary, contract.Button("confirmRequest"));
            return await person.ExpectFromBotAsync(_ => true, "an answer to the second click", Wait);
        });

    public Task CancelAsync(string role, SlackMessage summary) =>
        evidence.StepAsync($"Slack: {role} clicks Cancel", async () =>
        {
            var person = await PersonAsync(role);
            await ClickAsync(person, summary, contract.Button("cancelRequest"));
            await ExpectClickAnswerAsync(role, BotPhrases.Cancelled, "the summary showing it was cancelled");
            person.ConversationMayBeOpen = false;
        });

    /// <summary>
    /// What the person who clicked last now sees on the message they clicked: the bot answers a click through its
    /// response_url, replacing the message (the usual way) or answering the clicker alone.
    /// </summary>
    public Task<ClickAnswer> ExpectClickAnswerAsync(string role, Regex pattern, string expectation) =>
        evidence.StepAsync($"Slack: {role} sees {expectation}", async () =>
        {
            var person = await PersonAsync(role);
            var (click, button) = _lastClick.TryGetValue(role, out var last) ? last : throw new InvalidOperationException($"{role} has clicked nothing in this scenario");
            var answer = await session.ClickAnswers.ExpectAsync(click.ResponseId, a => !a.DeletesOriginal && pattern.IsMatch(a.Text), expectation, Wait);
            person.SawClickAnswer(button, answer);
            return answer;
        });

    /// <summary>Waits for the bot to ask this person to decide on the request, with Approve and Reject buttons for the stage.</summary>
    public Task<SlackMessage> ExpectDecisionRequestAsync(string role, int requestId, string stage) =>
        evidence.StepAsync($"Slack: {role} is asked to decide on request #{requestId}", async () =>
            await (await PersonAsync(role)).ExpectFromBotAsync(
                m => IsDecisionRequest(m, requestId, stage), $"an Approve/Reject message for request #{requestId}", Wait, alreadyRead: true));

    private bool IsDecisionRequest(SlackMessage m, int requestId, string stage) =>
        BotPhrases.AboutRequest(requestId).IsMatch(m.Text) && m.Button(DecisionButton(stage, approve: true)) is not null;

    /// <summary>
    /// Who of <paramref name="roles"/> the bot has sent the Approve/Reject message of the stage for the request, read or
    /// not. The bot sends a stage's asks one after another, so the answer is read after <paramref name="settle"/>: a
    /// message still on its way could only be missed, never invented.
    /// </summary>
    public Task<IReadOnlyList<string>> AskedToDecideAsync(IEnumerable<string> roles, int requestId, string stage, TimeSpan settle) =>
        evidence.StepAsync($"Slack: who else has been asked to decide on request #{requestId} for {stage}?", async () =>
        {
            await Task.Delay(settle);
            var asked = new List<string>();
            foreach (var role in roles)
                if ((await (await PersonAsync(role)).HistoryAsync()).Any(m => IsDecisionRequest(m, requestId, stage)))
                    asked.Add(role);
            return (IReadOnlyList<string>)asked;
        });

    public Task<HttpStatusCode> DecideAsync(string role, SlackMessage decisionRequest, string stage, bool approve) =>
        evidence.StepAsync($"Slack: {role} clicks {(approve ? "Approve" : "Reject")}", async () =>
            await ClickAsync(await PersonAsync(role), decisionRequest, DecisionButton(stage, approve)));

    /// <summary>
    /// Sends a click on a decision button for the request as a copy of the decision message would carry it —
    /// someone else's, or one already acted on — either genuinely signed by Slack or forged.
    /// </summary>
    public Task<HttpStatusCode> ClickDecisionButtonAsync(string role, int requestId, string stage, bool approve, Signing signing) =>
        evidence.StepAsync($"Slack: {role} sends a {signing} {(approve ? "approve" : "reject")} click for request #{requestId}", async () =>
        {
            var person = await PersonAsync(role);
            var action = DecisionButton(stage, approve);
            var id = requestId.ToString(CultureInfo.InvariantCulture);
            var copy = new SlackMessage("0000000000.000000", session.BotUserId, null, $"request #{id}", new JsonArray(new JsonObject
            {
                ["type"] = "actions", ["block_id"] = "copied-decision",
                ["elements"] = new JsonArray(new JsonObject
                {
                    ["type"] = "button", ["action_id"] = action, ["value"] = id,
                    ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = approve ? "Approve" : "Reject" },
                }),
            }));
            var sent = await session.Clicks.SendAsync(person.Identity, person.BotChannel, copy, action, signing);
            _lastClick[person.Role] = (sent, approve ? "Approve" : "Reject");
            person.Note($"sent a {signing} click '{action}' on request #{id} → HTTP {(int)sent.Status}");
            return sent.Status;
        });

    /// <summary>A stage's approve or reject button, as the target's contract names it ("managerApprove" → its action id).</summary>
    private string DecisionButton(string stage, bool approve) => contract.Button($"{stage}{(approve ? "Approve" : "Reject")}");

    /// <summary>
    /// Everything the bot answered to this person's last click, once it is surely done with it: the bot handles one
    /// person's events one at a time, so when it has answered a later message from them, the click's handling is over.
    /// </summary>
    public Task<IReadOnlyList<ClickAnswer>> FinalAnswersToLastClickAsync(string role) =>
        evidence.StepAsync($"Slack: what the bot answered {role}'s last click, once it has answered them since", async () =>
        {
            var person = await PersonAsync(role);
            var (click, _) = _lastClick.TryGetValue(role, out var last) ? last : throw new InvalidOperationException($"{role} has clicked nothing in this scenario");
            await SayAndReadAnswerAsync(person, "hi");
            return session.ClickAnswers.AnswersSoFar(click.ResponseId);
        });

    public Task<SlackMessage> ExpectToldAsync(string role, Regex pattern, string expectation) =>
        evidence.StepAsync($"Slack: {role} is told {expectation}", async () =>
            await (await PersonAsync(role)).ExpectFromBotAsync(m => pattern.IsMatch(m.Text), expectation, Wait));

    /// <summary>Free text to the bot, whatever it is waiting for; returns its answer. Any message may open a conversation.</summary>
    public Task<SlackMessage> SayToBotAsync(string role, string text) =>
        evidence.StepAsync($"Slack: {role} writes \"{text}\" to the bot", async () => await SayAndReadAnswerAsync(await PersonAsync(role), text));

    private async Task<SlackMessage> SayAndReadAnswerAsync(SlackPerson person, string text)
    {
        person.ConversationMayBeOpen = true;
        await person.SayAsync(text);
        return await person.ExpectFromBotAsync(_ => true, $"an answer to \"{text}\"", Wait);
    }

    public Task<SlackMessage> TellBotAsync(string role, string text, Regex expectedReply, string expectation) =>
        evidence.StepAsync($"Slack: {role} tells the bot \"{text}\"", async () =>
        {
            var person = await PersonAsync(role);
            await person.SayAsync(text);
            return await person.ExpectFromBotAsync(m => expectedReply.IsMatch(m.Text), expectation, Wait);
        });

    /// <summary>The unread messages the bot sent this person that mention the request.</summary>
    public Task<IReadOnlyList<SlackMessage>> UnreadAboutAsync(string role, int requestId) =>
        evidence.StepAsync($"Slack: what {role} has been sent about request #{requestId}", async () =>
            (IReadOnlyList<SlackMessage>)(await (await PersonAsync(role)).UnreadFromBotAsync()).Where(m => BotPhrases.AboutRequest(requestId).IsMatch(m.Text)).ToList());

    /// <summary>
    /// Plan 5.11's bot response time: the employee repeats the opening of a request (and cancels it) until
    /// <paramref name="exchanges"/> messages have been answered; each answer's wait is measured.
    /// </summary>
    public Task<IReadOnlyList<TimeSpan>> MeasureReplyTimesAsync(string role, int exchanges) =>
        evidence.StepAsync($"Slack: {role} exchanges {exchanges} messages with the bot, timed", async () =>
        {
            (string Say, Regex Reply)[] cycle =
            [
                ("hi", BotPhrases.AsksForSecurity), ("AAPL", BotPhrases.AsksForDirection), ("buy", BotPhrases.AsksForQuantity),
                ("1", BotPhrases.AsksForValue), ("180 USD", BotPhrases.AsksForDeclaration), ("cancel", BotPhrases.Cancelled),
            ];
            var person = await PersonAsync(role);
            if (person.ConversationMayBeOpen) await ExchangeAsync(person, "cancel", BotPhrases.Cancelled, "the previous conversation cancelled");
            person.ConversationMayBeOpen = true;
            var rested = await person.LetTheChannelRestAsync(exchanges + 1);
            person.Note($"waited {rested.TotalSeconds:0.0} s for the DM to be within Slack's per-channel allowance before timing");
            var times = new List<TimeSpan>();
            for (var i = 0; times.Count < exchanges; i++)
            {
                var (say, reply) = cycle[i % cycle.Length];
                var clock = Stopwatch.StartNew();
                await person.SayAsync(say);
                await person.ExpectFromBotAsync(m => reply.IsMatch(m.Text), $"an answer to \"{say}\"", Wait);
                times.Add(clock.Elapsed);
            }
            if (times.Count % cycle.Length != 0) await ExchangeAsync(person, "cancel", BotPhrases.Cancelled, "the request cancelled");
            person.ConversationMayBeOpen = false;
            return (IReadOnlyList<TimeSpan>)times;
        });

    public void AttachTranscripts()
    {
        foreach (var person in _people.Values.Where(p => p.Transcript.Count > 0))
            evidence.Attach($"Slack transcript — {person.Role} ({person.Identity.UserName})", "text/plain", string.Join('\n', person.Transcript));
    }

    private async Task ExchangeAsync(SlackPerson person, string text, Regex reply, string expectation)
    {
        await person.SayAsync(text);
        await person.ExpectFromBotAsync(m => reply.IsMatch(m.Text), expectation, Wait);
    }

    private async Task<HttpStatusCode> ClickAsync(SlackPerson person, SlackMessage message, string actionId)
    {
        var sent = await session.Clicks.SendAsync(person.Identity, person.BotChannel, message, actionId);
        var label = message.Button(actionId)!.Value.Button["text"]!["text"]!.GetValue<string>();
        _lastClick[person.Role] = (sent, label);
        person.Note($"clicked '{label}' → HTTP {(int)sent.Status}");
        if (sent.Status != HttpStatusCode.OK)
            throw new CheckFailed($"The bot's interactivity endpoint answered {(int)sent.Status} to a genuine, signed click on '{actionId}'");
        return sent.Status;
    }
}
