using System.Globalization;
using PadSandbox.Workflow;
using static PadSandbox.Bot.ConversationState;

namespace PadSandbox.Bot;

/// <summary>
/// The conversation in which the bot takes a request, as the checklist walks it (1.1-1.9): the security (looked up,
/// confirmed, refused there when restricted: 8.1), buy or sell, quantity, price (the estimated value worked out), currency,
/// account, broker, reason (coached when brief), then the preview whose Agree &amp; Submit is the declaration of no inside
/// information (T/slack_ui_dashboard_links_20260125/spec.md:27). Like the LLM it stands for, it takes whatever an answer
/// already says (a security named in the opening, a currency given with the price), asks only for what is missing, and
/// words each turn its own way (<see cref="BotWording"/>).
/// </summary>
public sealed class RequestConversation(BotVoice voice, ChatbotSessions sessions, SecurityLookup securities, PadWorkflow workflow, BotWording wording,
    FaultSet faults)
{
    /// <summary>About one brief reason in this many is sent back for more detail.</summary>
    private const int CoachOneIn = 3;

    // What a turn works with (a nested class cannot see the primary constructor's parameters).
    private BotVoice Voice => voice;
    private ChatbotSessions Sessions => sessions;
    private SecurityLookup Securities => securities;
    private PadWorkflow Workflow => workflow;
    private BotWording Wording => wording;
    private FaultSet Faults => faults;

    /// <summary>
    /// A message in <paramref name="thread"/>: at the top of the DM (<paramref name="opens"/>) it opens a new conversation in
    /// a thread of its own, whatever other threads hold; in a thread it continues that thread's draft, or opens one there
    /// when the thread has none left open.
    /// </summary>
    public async Task OnMessageAsync(Employee employee, string slackUserId, ChatThread thread, string text, bool opens)
    {
        if (opens && faults.Has("one-draft-per-person")) await sessions.CloseAllAsync(slackUserId);
        var session = opens ? new ChatSession(Idle, new Draft()) : await sessions.GetAsync(thread.Ts);
        var turn = new Turn(this, employee, slackUserId, thread, session.Draft);
        switch (session.State)
        {
            case Idle:
                await turn.OpenAsync(text, await sessions.CountAsync(slackUserId));
                return;
            case AwaitingConfirmation:
                await Voice.SayAsync(thread, turn.Say("buttons", BotLines.UseThePreviewButtons));
                return;
            default:
                await turn.AnswerAsync(session.State, text);
                return;
        }
    }

    /// <summary>
    /// Ended by the person ("cancel", the preview's Cancel or Agree &amp; Submit): nothing more is asked in the thread.
    /// Returns the draft as it was.
    /// </summary>
    public async Task<Draft> CloseAsync(string threadTs, string slackUserId, int employeeId)
    {
        var draft = (await sessions.GetAsync(threadTs)).Draft;
        await sessions.SaveAsync(threadTs, slackUserId, employeeId, Idle, draft);
        return draft;
    }

    /// <summary>One message of the person's, and everything the bot does about it.</summary>
    private sealed class Turn(RequestConversation c, Employee employee, string slackUserId, ChatThread thread, Draft draft)
    {
        private string Conversation => $"{slackUserId}#{draft.Conversation.ToString(CultureInfo.InvariantCulture)}";

        public string Say(string what, IReadOnlyList<string> lines, params (string, string)[] values) =>
            c.Wording.Say(Conversation, what, lines, values);

        /// <summary>A new conversation: greeted, and whatever the opening already says taken (the LLM reads it for intent).</summary>
        public async Task OpenAsync(string text, int conversation)
        {
            draft = new Draft(conversation) { Direction = Answers.Direction(text) };
            var greeting = Say("greeting", BotLines.Greeting, ("name", employee.Forename));
            if (await c.Securities.MentionedInAsync(text) is not { } named)
                await AskAsync(AwaitingSecurity, greeting + Say("security", BotLines.AskSecurity));
            else if (!await RefusedAsRestrictedAsync(named))
            {
                draft = draft with { Ticker = named.Ticker, Description = named.Description };
                await AskAsync(AwaitingSecurityConfirmation, greeting + Confirmation(named));
            }
        }

        public async Task AnswerAsync(string state, string text)
        {
            switch (state)
            {
                case AwaitingSecurity:
                    if (await c.Securities.FindAsync(text) is not { } security)
                    {
                        await AskAsync(AwaitingSecurity, Say("unknown", BotLines.UnknownSecurity, ("answer", text.Trim())));
                        return;
                    }
                    if (await RefusedAsRestrictedAsync(security)) return;
                    draft = draft with { Ticker = security.Ticker, Description = security.Description };
                    await AskAsync(AwaitingSecurityConfirmation, Confirmation(security));
                    return;
                case AwaitingSecurityConfirmation:
                    switch (Answers.YesOrNo(text))
                    {
                        case true:
                            draft = draft with { SecurityConfirmed = true };
                            await NextAsync();
                            return;
                        case false:
                            draft = draft with { Ticker = null, Description = null };
                            await AskAsync(AwaitingSecurity, Say("security-again", BotLines.AskSecurityAfterNo));
                            return;
                        default:
                            await AskAsync(AwaitingSecurityConfirmation, Say("again", BotLines.AskAgain, ("question", Confirmation(await SecurityAsync()))));
                            return;
                    }
                case AwaitingDirection:
                    draft = draft with { Direction = Answers.Direction(text) };
                    await NextOrAgainAsync(draft.Direction is null, AwaitingDirection, BotLines.AskDirectionAgain);
                    return;
                case AwaitingQuantity:
                    draft = draft with { Quantity = Answers.Amount(text) };
                    await NextOrAgainAsync(draft.Quantity is null, AwaitingQuantity, BotLines.AskQuantityAgain);
                    return;
                case AwaitingPrice:
                    draft = draft with { Price = Answers.Amount(text), Currency = draft.Currency ?? Answers.Currency(text) };
                    await NextOrAgainAsync(draft.Price is null, AwaitingPrice, BotLines.AskPriceAgain);
                    return;
                case AwaitingCurrency:
                    draft = draft with { Currency = Answers.Currency(text) };
                    await NextOrAgainAsync(draft.Currency is null, AwaitingCurrency, BotLines.AskCurrencyAgain);
                    return;
                case AwaitingBroker:
                    draft = draft with { Broker = Answers.Text(text) };
                    await NextOrAgainAsync(draft.Broker is null, AwaitingBroker, BotLines.AskBroker);
                    return;
                case AwaitingAccount:
                    draft = draft with { Account = Answers.Text(text) };
                    await NextOrAgainAsync(draft.Account is null, AwaitingAccount, BotLines.AskAccount);
                    return;
                case AwaitingReason:
                    draft = draft with { Reason = Answers.Text(text) };
                    await NextOrAgainAsync(draft.Reason is null, AwaitingReason, BotLines.AskReason);
                    return;
                case AwaitingMoreReason:
                    draft = draft with { Reason = Answers.ThatsAll(text) ? draft.Reason : $"{draft.Reason}. {text.Trim()}" };
                    await NextAsync();
                    return;
            }
        }

        private async Task NextOrAgainAsync(bool unusable, string state, IReadOnlyList<string> again)
        {
            if (unusable) await AskAsync(state, Say("again", again, Values()));
            else await NextAsync();
        }

        /// <summary>The next thing still missing, in the checklist's order; the preview once nothing is.</summary>
        private async Task NextAsync()
        {
            // The bug: the account question is skipped, the draft carries none (checklist 1.7-1.8).
            if (draft is { Broker: not null, Account: null } && c.Faults.Has("account-not-asked")) draft = draft with { Account = "-" };
            var (state, lines) = draft switch
            {
                { Ticker: null } => (AwaitingSecurity, BotLines.AskSecurity),
                { Direction: null } => (AwaitingDirection, BotLines.AskDirection),
                { Quantity: null } => (AwaitingQuantity, BotLines.AskQuantity),
                { Price: null } => (AwaitingPrice, BotLines.AskPrice),
                { Currency: null } => (AwaitingCurrency, BotLines.AskCurrency),
                { Broker: null } => (AwaitingBroker, BotLines.AskBroker),
                { Account: null } => (AwaitingAccount, BotLines.AskAccount),
                { Reason: null } => (AwaitingReason, BotLines.AskReason),
                _ => (null, null),
            };
            if (state is not null)
            {
                await AskAsync(state, Say(state, lines!, Values()));
                return;
            }
            if (!draft.ReasonCoached && draft.Reason!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3
                && c.Wording.Now(Conversation, "coach", CoachOneIn))
            {
                draft = draft with { ReasonCoached = true };
                await AskAsync(AwaitingMoreReason, Say("coach", BotLines.CoachReason));
                return;
            }
            var preview = Messages.Preview(Say("preview", BotLines.Preview), draft, showsReason: !c.Faults.Has("summary-omits-reason"));
            var ts = await c.Voice.SayAsync(thread, preview.Text, preview.Blocks);
            await c.Sessions.SaveAsync(thread.Ts, slackUserId, employee.Id, AwaitingConfirmation, draft with { SummaryTs = ts });
        }

        private async Task AskAsync(string state, string question)
        {
            await c.Sessions.SaveAsync(thread.Ts, slackUserId, employee.Id, state, draft);
            await c.Voice.SayAsync(thread, question);
        }

        /// <summary>A restricted security ends the conversation at the lookup, with the reason (checklist 8.1: "no further questions").</summary>
        private async Task<bool> RefusedAsRestrictedAsync(Security security)
        {
            if ((await c.Workflow.LookUpAsync(employee, security)).Restriction is not { } reason) return false;
            await c.Sessions.SaveAsync(thread.Ts, slackUserId, employee.Id, Idle, draft);
            await c.Voice.SayAsync(thread, Say("restricted", BotLines.Restricted, ("ticker", security.Ticker), ("reason", reason)));
            return true;
        }

        private string Confirmation(Security s) => Say("confirm", BotLines.ConfirmSecurity,
            ("ticker", s.Ticker), ("description", s.Description), ("bloomberg", s.Bloomberg), ("currency", s.Currency));

        private async Task<Security> SecurityAsync() => (await c.Securities.FindAsync(draft.Ticker!))!;

        private (string, string)[] Values() =>
        [
            ("ticker", draft.Ticker ?? "the security"), ("direction", draft.Direction?.ToLowerInvariant() ?? "trade"),
            ("value", draft.Value is { } v ? v.ToString("N2", CultureInfo.InvariantCulture) : ""),
        ];
    }
}
