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
public sealed class SlackDriver(SlackSession session, Evidence evidence, Support.Contract.TargetContract contract, BotPhrases phrases)
{
    private readonly Dictionary<TestPerson, SlackPerson> _people = [];

    private TimeSpan Wait => session.ReplyTimeout;
    private readonly BotConversation _conversation = new(phrases, contract, session.ReplyTimeout);

    /// <summary>
    /// Everyone's view starts together at the scenario's first Slack action, before the bot sends anything in this
    /// scenario — a manager whose view began late would otherwise miss their request.
    /// </summary>
    public async Task<SlackPerson> PersonAsync(TestPerson who)
    {
        if (_people.Count == 0)
            foreach (var someone in session.People)
                _people[someone] = await SlackPerson.BeginAsync(await session.AccountAsync(someone), session.Feed, session.BotUserId);
        return _people.TryGetValue(who, out var person) ? person : throw new ArgumentException($"No Slack person for {who}");
    }

    /// <summary>The plan's scenario 1 conversation up to the summary the employee is asked to confirm.</summary>
    public Task<SlackMessage> AskForPreApprovalAsync(TestPerson who, TradeAsk ask) =>
        evidence.StepAsync($"Slack: {who} asks the bot to {ask}", async () =>
        {
            var (person, first) = await BeginConversationAsync(who);
            var reached = await _conversation.AnswerQuestionsAsync(person, first, ask, until: BotConversation.Declaration);
            if (!_conversation.IsSummary(reached))
            {
                await person.SayAsync(phrases.Answer(BotConversation.Declaration, ask));
                reached = await person.ExpectFromBotAsync(_conversation.IsSummary, "a summary with a Confirm button", Wait);
            }
            return reached;
        });

    /// <summary>The whole conversation, but "no" to the declaration of no inside information; returns the bot's answer.</summary>
    public Task<SlackMessage> AskWithoutDeclarationAsync(TestPerson who, TradeAsk ask) =>
        evidence.StepAsync($"Slack: {who} asks the bot to {ask}, declining the inside-information declaration", async () =>
        {
            var (person, first) = await BeginConversationAsync(who);
            if (_conversation.IsSummary(await _conversation.AnswerQuestionsAsync(person, first, ask, until: BotConversation.Declaration)))
                throw new SetupError("The bot showed the summary without asking the declaration as a question: bot.questions.declaration does not describe this target's conversation");
            await person.SayAsync(phrases.Decline(BotConversation.Declaration));
            var answer = await person.ExpectFromBotAsync(_ => true, "an answer to the declined declaration", Wait);
            person.ConversationMayBeOpen = false;
            return answer;
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
            await person.SayAsync(answer);
            return await person.ExpectFromBotAsync(_ => true, $"an answer to \"{answer}\"", Wait);
        });

    /// <summary>The person's conversation with the bot, opened, and the bot's first question.</summary>
    private async Task<(SlackPerson Person, SlackMessage FirstQuestion)> BeginConversationAsync(TestPerson who)
    {
        var person = await PersonAsync(who);
        return (person, await _conversation.OpenAsync(person));
    }

    public Task<Submission> ConfirmAsync(TestPerson who, SlackMessage summary) =>
        evidence.StepAsync($"Slack: {who} clicks Confirm", async () =>
        {
            var person = await PersonAsync(who);
            await ClickAsync(person, summary, contract.Button("confirmRequest"));
            var answer = await person.ExpectFromBotAsync(m => phrases.Submitted.IsMatch(m.Text) || phrases.Refused.IsMatch(m.Text),
                "that the request was submitted or refused", Wait);
            person.ConversationMayBeOpen = false;
            var id = phrases.Submitted.Match(answer.Text) is { Success: true } m ? int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture) : (int?)null;
            return new Submission(id, answer.Text);
        });

    /// <summary>A second click on Confirm of a summary already confirmed (a double click, a second device); returns the bot's answer.</summary>
    public Task<SlackMessage> ConfirmAgainAsync(TestPerson who, SlackMessage summary) =>
        evidence.StepAsync($"Slack: {who} clicks Confirm on the same summary again", async () =>
        {
            var person = await PersonAsync(who);
            await ClickAsync(person, summary, contract.Button("confirmRequest"));
            return await person.ExpectFromBotAsync(_ => true, "an answer to the second click", Wait);
        });

    public Task CancelAsync(TestPerson who, SlackMessage summary) =>
        evidence.StepAsync($"Slack: {who} clicks Cancel", async () =>
        {
            var person = await PersonAsync(who);
            await ClickAsync(person, summary, contract.Button("cancelRequest"));
            await ExpectClickAnswerAsync(who, phrases.Cancelled, "the summary showing it was cancelled");
            person.ConversationMayBeOpen = false;
        });

    /// <summary>
    /// What the person who clicked last now sees on the message they clicked: the bot answers a click through its
    /// response_url, replacing the message (the usual way) or answering the clicker alone.
    /// </summary>
    public Task<ClickAnswer> ExpectClickAnswerAsync(TestPerson who, Regex pattern, string expectation) =>
        evidence.StepAsync($"Slack: {who} sees {expectation}", async () =>
        {
            var person = await PersonAsync(who);
            var (click, button) = person.LastClick ?? throw new InvalidOperationException($"{who} has clicked nothing in this scenario");
            var answer = await session.ClickAnswers.ExpectAsync(click.ResponseId, a => !a.DeletesOriginal && pattern.IsMatch(a.Text), expectation, Wait);
            person.SawClickAnswer(button, answer);
            return answer;
        });

    /// <summary>Waits for the bot to ask this person to decide on the request, with Approve and Reject buttons for the stage.</summary>
    public Task<SlackMessage> ExpectDecisionRequestAsync(TestPerson who, int requestId, string stage) =>
        evidence.StepAsync($"Slack: {who} is asked to decide on request #{requestId}", async () =>
        {
            ReadsDecisionRequestsInDirectMessages(stage);
            return await (await PersonAsync(who)).ExpectFromBotAsync(
                m => IsDecisionRequest(m, requestId, stage), $"an Approve/Reject message for request #{requestId}", Wait, alreadyRead: true);
        });

    /// <summary>
    /// A stage's decision requests are read where the contract says the bot sends them (bot.notifications). People's direct
    /// messages with the bot are all the harness reads so far: a target that sends them to a channel ends the scenario
    /// broken, saying so, rather than waiting in the wrong place and calling the silence a product defect.
    /// </summary>
    private void ReadsDecisionRequestsInDirectMessages(string stage)
    {
        var notification = $"{(stage == PadJourneys.ManagerStage ? "manager" : "compliance")}DecisionRequest";
        if (contract.WhyNotReadable(notification) is { } why) throw new SetupError($"{contract.File}: bot.notifications.{notification}: {why}");
    }

    private bool IsDecisionRequest(SlackMessage m, int requestId, string stage) =>
        phrases.AboutRequest(requestId).IsMatch(m.Text) && m.Button(DecisionButton(stage, approve: true)) is not null;

    /// <summary>
    /// Who of <paramref name="people"/> the bot has sent the Approve/Reject message of the stage for the request, read or
    /// not. The bot sends a stage's asks one after another, so the answer is read after <paramref name="settle"/>: a
    /// message still on its way could only be missed, never invented.
    /// </summary>
    public Task<IReadOnlyList<TestPerson>> AskedToDecideAsync(IEnumerable<TestPerson> people, int requestId, string stage, TimeSpan settle) =>
        evidence.StepAsync($"Slack: who else has been asked to decide on request #{requestId} for {stage}?", async () =>
        {
            ReadsDecisionRequestsInDirectMessages(stage);
            await Task.Delay(settle);
            var asked = new List<TestPerson>();
            foreach (var who in people)
                if ((await (await PersonAsync(who)).HistoryAsync()).Any(m => IsDecisionRequest(m, requestId, stage)))
                    asked.Add(who);
            return (IReadOnlyList<TestPerson>)asked;
        });

    public Task<HttpStatusCode> DecideAsync(TestPerson who, SlackMessage decisionRequest, string stage, bool approve) =>
        evidence.StepAsync($"Slack: {who} clicks {(approve ? "Approve" : "Reject")}", async () =>
            await ClickAsync(await PersonAsync(who), decisionRequest, DecisionButton(stage, approve)));

    /// <summary>
    /// Sends a click on a decision button for the request as a copy of the decision message would carry it —
    /// someone else's, or one already acted on — either genuinely signed by Slack or forged.
    /// </summary>
    public Task<HttpStatusCode> ClickDecisionButtonAsync(TestPerson who, int requestId, string stage, bool approve, Signing signing) =>
        evidence.StepAsync($"Slack: {who} sends a {signing} {(approve ? "approve" : "reject")} click for request #{requestId}", async () =>
        {
            var person = await PersonAsync(who);
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
            person.LastClick = (sent, approve ? "Approve" : "Reject");
            person.Note($"sent a {signing} click '{action}' on request #{id} → HTTP {(int)sent.Status}");
            return sent.Status;
        });

    /// <summary>A stage's approve or reject button, as the target's contract names it ("managerApprove" → its action id).</summary>
    private string DecisionButton(string stage, bool approve) => contract.Button($"{stage}{(approve ? "Approve" : "Reject")}");

    /// <summary>
    /// Everything the bot answered to this person's last click, once it is surely done with it: the bot handles one
    /// person's events one at a time, so when it has answered a later message from them, the click's handling is over.
    /// </summary>
    public Task<IReadOnlyList<ClickAnswer>> FinalAnswersToLastClickAsync(TestPerson who) =>
        evidence.StepAsync($"Slack: what the bot answered {who}'s last click, once it has answered them since", async () =>
        {
            var person = await PersonAsync(who);
            var (click, _) = person.LastClick ?? throw new InvalidOperationException($"{who} has clicked nothing in this scenario");
            await SayAndReadAnswerAsync(person, phrases.Opening);
            return session.ClickAnswers.AnswersSoFar(click.ResponseId);
        });

    public Task<SlackMessage> ExpectToldAsync(TestPerson who, Regex pattern, string expectation) =>
        evidence.StepAsync($"Slack: {who} is told {expectation}", async () =>
            await (await PersonAsync(who)).ExpectFromBotAsync(m => pattern.IsMatch(m.Text), expectation, Wait));

    /// <summary>Free text to the bot, whatever it is waiting for; returns its answer. Any message may open a conversation.</summary>
    public Task<SlackMessage> SayToBotAsync(TestPerson who, string text) =>
        evidence.StepAsync($"Slack: {who} writes \"{text}\" to the bot", async () => await SayAndReadAnswerAsync(await PersonAsync(who), text));

    private async Task<SlackMessage> SayAndReadAnswerAsync(SlackPerson person, string text)
    {
        person.ConversationMayBeOpen = true;
        await person.SayAsync(text);
        return await person.ExpectFromBotAsync(_ => true, $"an answer to \"{text}\"", Wait);
    }

    public Task<SlackMessage> TellBotAsync(TestPerson who, string text, Regex expectedReply, string expectation) =>
        evidence.StepAsync($"Slack: {who} tells the bot \"{text}\"", async () =>
        {
            var person = await PersonAsync(who);
            await person.SayAsync(text);
            return await person.ExpectFromBotAsync(m => expectedReply.IsMatch(m.Text), expectation, Wait);
        });

    /// <summary>The unread messages the bot sent this person that mention the request, read where it asks <paramref name="stage"/> to decide.</summary>
    public Task<IReadOnlyList<SlackMessage>> UnreadAboutAsync(TestPerson who, int requestId, string stage) =>
        evidence.StepAsync($"Slack: what {who} has been sent about request #{requestId}", async () =>
        {
            ReadsDecisionRequestsInDirectMessages(stage); // where the stage's asks would be, or "never asked" proves nothing
            return (IReadOnlyList<SlackMessage>)(await (await PersonAsync(who)).UnreadFromBotAsync()).Where(m => phrases.AboutRequest(requestId).IsMatch(m.Text)).ToList();
        });

    /// <summary>Plan 5.11's bot response time: <paramref name="exchanges"/> of the person's messages answered, each timed.</summary>
    public Task<IReadOnlyList<TimeSpan>> MeasureReplyTimesAsync(TestPerson who, int exchanges) =>
        evidence.StepAsync($"Slack: {who} exchanges {exchanges} messages with the bot, timed", async () =>
            await _conversation.TimeRepliesAsync(await PersonAsync(who), exchanges));

    public void AttachTranscripts()
    {
        foreach (var person in _people.Values.Where(p => p.Transcript.Count > 0))
            evidence.Attach($"Slack transcript — {person.Person} ({person.Identity.UserName})", "text/plain", string.Join('\n', person.Transcript));
    }

    private async Task<HttpStatusCode> ClickAsync(SlackPerson person, SlackMessage message, string actionId)
    {
        var sent = await session.Clicks.SendAsync(person.Identity, person.BotChannel, message, actionId);
        var label = message.Button(actionId)!.Value.Button["text"]!["text"]!.GetValue<string>();
        person.LastClick = (sent, label);
        person.Note($"clicked '{label}' → HTTP {(int)sent.Status}");
        if (sent.Status != HttpStatusCode.OK)
            throw new CheckFailed($"The bot's interactivity endpoint answered {(int)sent.Status} to a genuine, signed click on '{actionId}'");
        return sent.Status;
    }
}
