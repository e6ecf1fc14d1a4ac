using System.Text.RegularExpressions;
using PadUat.Support.Contract;
using PadUat.Support.Evidence;

namespace PadUat.Drivers.Slack;

/// <summary>
/// A conversation after a request: the bot's first answer (which should show the request), the questions it asked in turn,
/// and the summary with the button that ends it (null where it ended before one: a refusal).
/// </summary>
public sealed record FollowUpTranscript(SlackMessage First, IReadOnlyList<string> Asked, SlackMessage? Summary);

/// <summary>
/// A person's conversation with the bot while it takes a request: opened at the top of the DM, the bot's questions
/// answered where it asks them (the real bot holds each request in a thread of its own, so a conversation left half-way
/// earlier is simply left) in whatever order it asks them — each recognised by the target's contract, as an LLM-driven
/// bot needs — up to a question or the summary with its Confirm button. Only the bot's messages in this conversation's
/// thread are read as its answers: a late answer in an earlier thread is not.
/// </summary>
public sealed class BotConversation(BotPhrases phrases, TargetContract contract, TimeSpan wait)
{
    /// <summary>The question answered yes or no just before the summary.</summary>
    public const string Declaration = "declaration";

    public bool IsSummary(SlackMessage m) => m.Button(contract.Button("confirmRequest")) is not null;

    /// <summary>The contract's names for the security question and for the bot's confirmation of one it found in the opening.</summary>
    private const string SecurityQuestion = "security", SecurityConfirmation = "securityConfirmation";

    /// <summary>The questions the bot asked in the last request taken, in the order it asked them (checklist 1.1-1.8).</summary>
    public IReadOnlyList<string> Asked { get; private set; } = [];

    /// <summary>What the person answered to each question of the last request taken, as they wrote it.</summary>
    public IReadOnlyDictionary<string, string> Answered { get; private set; } = new Dictionary<string, string>();

    /// <summary>Opens a conversation and reads the bot's first question.</summary>
    public async Task<SlackMessage> OpenAsync(SlackPerson person)
    {
        var opening = await person.SayAsync(phrases.Opening);
        return await person.ExpectFromBotAsync(m => Answers(m, opening) && phrases.QuestionIn(m.Text) is not null, "a first question", wait, leavingEarlier: true);
    }

    /// <summary>
    /// Whether the bot's message answers <paramref name="opening"/>: in a thread begun by it or after it — the documents
    /// leave open whether the real bot hangs the thread on the employee's message or on its own "Starting request…"
    /// (T/conversational_session_hardening_20260104/plan.md:17) — or at the top of the DM after it. A thread begun
    /// earlier is an earlier conversation's.
    /// </summary>
    public static bool Answers(SlackMessage m, SlackMessage opening) =>
        string.CompareOrdinal(m.ReplyIn ?? m.Ts, opening.Ts) >= 0 && m.Ts != opening.Ts;

    /// <summary>The bot's next message in the conversation <paramref name="of"/> is in.</summary>
    public Task<SlackMessage> NextAsync(SlackPerson person, SlackMessage of, string expectation, Func<SlackMessage, bool>? matches = null) =>
        person.ExpectFromBotAsync(m => m.InThreadOf(of) && (matches is null || matches(m)), expectation, wait);

    /// <summary>
    /// Answers each question from <paramref name="first"/> on until the bot asks <paramref name="until"/> (returned
    /// unanswered), shows the summary, or says something that is no question the contract knows (a refusal that ends the
    /// conversation, or a question to add to the contract): that message is returned. A question asked again fails.
    /// </summary>
    public async Task<SlackMessage> AnswerQuestionsAsync(SlackPerson person, SlackMessage first, TradeAsk ask, string until)
    {
        var answered = new Dictionary<string, string>();
        var asked = new List<string>();
        (Asked, Answered) = (asked, answered);
        var (message, declined) = (first, 0);
        while (!IsSummary(message) && phrases.QuestionIn(message.Text) is { } question && question != until)
        {
            asked.Add(question);
            if (answered.TryGetValue(question, out var before))
                throw new CheckFailed($"The bot asked the {question} question again after the answer \"{before}\": \"{message.Text}\"");
            // Heading for the security question itself (to answer it badly), a security the bot found in the opening is not
            // the one meant: "no", as to one the opening never named.
            if (phrases.NotAbout(question, message.Text, ask) || (until == SecurityQuestion && question == SecurityConfirmation))
            {
                // Not the security meant: "no", and the questions before it may rightly be asked again.
                if (++declined > 2)
                    throw new CheckFailed($"The bot keeps asking about another security than {ask.Ticker}: \"{message.Text}\"");
                await person.AnswerAsync(phrases.Decline(question));
                answered.Clear();
            }
            else await person.AnswerAsync(answered[question] = phrases.Answer(question, ask));
            message = await NextAsync(person, first, $"the next question after the {question}");
        }
        return message;
    }

    /// <summary>
    /// A conversation after the request (an execution report, a withdrawal): <paramref name="opening"/> at the top of the DM,
    /// then each of the <paramref name="dialogue"/>'s questions answered from <paramref name="answers"/>, up to the summary with
    /// <paramref name="button"/> or to the <paramref name="outcome"/> (a refusal ends it early). Returns the bot's first answer (the
    /// conversation's thread) and that message.
    /// </summary>
    public async Task<(SlackMessage First, SlackMessage Reached)> FollowUpAsync(SlackPerson person, string opening, string dialogue,
        IReadOnlyList<(string, string)> answers, string button, Regex outcome)
    {
        var began = await person.SayAsync(opening);
        bool Known(SlackMessage m) => m.Button(button) is not null || outcome.IsMatch(m.Text) || phrases.QuestionIn(dialogue, m.Text) is not null;
        var first = await person.ExpectFromBotAsync(m => Answers(m, began) && Known(m), $"an answer to \"{opening}\"", wait, leavingEarlier: true);
        var message = first;
        var answered = new HashSet<string>();
        var asked = new List<string>();
        FollowUp = new FollowUpTranscript(first, asked, null);
        while (message.Button(button) is null && !outcome.IsMatch(message.Text) && phrases.QuestionIn(dialogue, message.Text) is { } question)
        {
            asked.Add(question);
            if (!answered.Add(question)) throw new CheckFailed($"The bot asked the {question} question again: \"{message.Text}\"");
            await person.AnswerAsync(phrases.Answer(dialogue, question, answers));
            message = await NextAsync(person, first, $"the next question after the {question}", Known);
        }
        if (message.Button(button) is not null) FollowUp = FollowUp with { Summary = message };
        return (first, message);
    }

    /// <summary>The last conversation after a request (an execution report, a withdrawal), as the person saw it.</summary>
    public FollowUpTranscript? FollowUp { get; private set; }

    /// <summary>
    /// Plan 5.11's bot response time: the first half of a request — opened, its questions answered up to the declaration —
    /// then cancelled and opened again, until <paramref name="exchanges"/> messages have been answered; each answer timed by Slack's own stamps.
    /// </summary>
    public async Task<IReadOnlyList<TimeSpan>> TimeRepliesAsync(SlackPerson person, int exchanges)
    {
        var sample = new TradeAsk("buy", 1, "AAPL", TradeAsk.TypicalPrice, "USD");
        var rested = await person.LetTheChannelRestAsync(exchanges + 1);
        person.Note($"waited {rested.TotalSeconds:0.0} s for the DM to be within Slack's per-channel allowance before timing");
        var times = new List<TimeSpan>();
        // A new request opens at the top of the DM; everything else answers the bot where it asked.
        var (say, opening) = (phrases.Opening, true);
        SlackMessage? began = null;
        while (times.Count < exchanges)
        {
            if (opening) began = await person.SayAsync(say);
            else await person.AnswerAsync(say);
            var reply = await person.ExpectFromBotAsync(m => Answers(m, began!) && (phrases.QuestionIn(m.Text) is not null || IsSummary(m) || phrases.Cancelled.IsMatch(m.Text)),
                $"an answer to \"{say}\"", wait, leavingEarlier: true);
            times.Add(person.ReplyTime(reply));
            opening = phrases.Cancelled.IsMatch(reply.Text);
            say = opening ? phrases.Opening
                : phrases.QuestionIn(reply.Text) is { } question && question != Declaration && !IsSummary(reply) ? phrases.Answer(question, sample)
                : phrases.Cancel;
        }
        if (!opening)
        {
            await person.AnswerAsync(phrases.Cancel);
            await person.ExpectFromBotAsync(m => phrases.Cancelled.IsMatch(m.Text), "the conversation cancelled", wait);
        }
        return times;
    }
}
