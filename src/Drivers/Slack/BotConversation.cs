using System.Text.RegularExpressions;
using PadUat.Support.Contract;
using PadUat.Support.Evidence;

namespace PadUat.Drivers.Slack;

/// <summary>
/// A person's conversation with the bot while it takes a request: opened (closing one left half-way first), the bot's
/// questions answered in whatever order it asks them — each recognised by the target's contract, as an LLM-driven bot
/// needs — up to a question or the summary with its Confirm button.
/// </summary>
public sealed class BotConversation(BotPhrases phrases, TargetContract contract, TimeSpan wait)
{
    /// <summary>The question answered yes or no just before the summary.</summary>
    public const string Declaration = "declaration";

    public bool IsSummary(SlackMessage m) => m.Button(contract.Button("confirmRequest")) is not null;

    /// <summary>Opens a conversation and reads the bot's first question.</summary>
    public async Task<SlackMessage> OpenAsync(SlackPerson person)
    {
        await CloseAnyOpenAsync(person);
        person.ConversationMayBeOpen = true;
        await person.SayAsync(phrases.Opening);
        return await person.ExpectFromBotAsync(m => phrases.QuestionIn(m.Text) is not null, "a first question", wait);
    }

    /// <summary>
    /// Answers each question from <paramref name="first"/> on until the bot asks <paramref name="until"/> (returned
    /// unanswered), shows the summary, or says something that is no question the contract knows (a refusal that ends the
    /// conversation, or a question to add to the contract): that message is returned. A question asked again fails.
    /// </summary>
    public async Task<SlackMessage> AnswerQuestionsAsync(SlackPerson person, SlackMessage first, TradeAsk ask, string until)
    {
        var answered = new Dictionary<string, string>();
        var (message, declined) = (first, 0);
        while (!IsSummary(message) && phrases.QuestionIn(message.Text) is { } question && question != until)
        {
            if (answered.TryGetValue(question, out var before))
                throw new CheckFailed($"The bot asked the {question} question again after the answer \"{before}\": \"{message.Text}\"");
            if (phrases.NotAbout(question, message.Text, ask))
            {
                // Not the security meant: "no", and the questions before it may rightly be asked again.
                if (++declined > 2)
                    throw new CheckFailed($"The bot keeps asking about another security than {ask.Ticker}: \"{message.Text}\"");
                await person.SayAsync(phrases.Decline(question));
                answered.Clear();
            }
            else await person.SayAsync(answered[question] = phrases.Answer(question, ask));
            message = await person.ExpectFromBotAsync(_ => true, $"the next question after the {question}", wait);
        }
        return message;
    }

    /// <summary>
    /// Plan 5.11's bot response time: the first half of a request — opened, its questions answered up to the declaration —
    /// then cancelled and opened again, until <paramref name="exchanges"/> messages have been answered; each answer timed by Slack's own stamps.
    /// </summary>
    public async Task<IReadOnlyList<TimeSpan>> TimeRepliesAsync(SlackPerson person, int exchanges)
    {
        var sample = new TradeAsk("buy", 1, "AAPL", TradeAsk.TypicalPrice, "USD");
        await CloseAnyOpenAsync(person);
        person.ConversationMayBeOpen = true;
        var rested = await person.LetTheChannelRestAsync(exchanges + 1);
        person.Note($"waited {rested.TotalSeconds:0.0} s for the DM to be within Slack's per-channel allowance before timing");
        var times = new List<TimeSpan>();
        var (say, open) = (phrases.Opening, true);
        while (times.Count < exchanges)
        {
            await person.SayAsync(say);
            var reply = await person.ExpectFromBotAsync(m => phrases.QuestionIn(m.Text) is not null || IsSummary(m) || phrases.Cancelled.IsMatch(m.Text),
                $"an answer to \"{say}\"", wait);
            times.Add(person.ReplyTime(reply));
            open = !phrases.Cancelled.IsMatch(reply.Text);
            say = !open ? phrases.Opening
                : phrases.QuestionIn(reply.Text) is { } question && question != Declaration && !IsSummary(reply) ? phrases.Answer(question, sample)
                : phrases.Cancel;
        }
        if (open) await CancelAsync(person);
        person.ConversationMayBeOpen = false;
        return times;
    }

    /// <summary>A conversation left half-way (an earlier run, a failed scenario, a double click) is closed first, as a person would.</summary>
    private async Task CloseAnyOpenAsync(SlackPerson person)
    {
        if (person.ConversationMayBeOpen) await CancelAsync(person);
    }

    /// <summary>
    /// The bot answers one person's messages and clicks in turn, so whatever it still had to say to the conversation being
    /// cancelled (a late answer to a second click) comes before "cancelled", and is read with it.
    /// </summary>
    private async Task CancelAsync(SlackPerson person)
    {
        await person.SayAsync(phrases.Cancel);
        await person.ExpectFromBotAsync(m => phrases.Cancelled.IsMatch(m.Text), "the previous conversation cancelled", wait, leavingEarlier: true);
    }
}
