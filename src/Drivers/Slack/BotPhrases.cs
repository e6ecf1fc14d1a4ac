using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using PadUat.Support.Contract;

namespace PadUat.Drivers.Slack;

/// <summary>
/// What the bot says and what people write to it, as the target's contract has them (bot.says, bot.questions,
/// bot.writes) — like selectors for a page. Each thing the bot says is a set of alternatives, never one exact
/// sentence; each thing a person writes has several forms, used in turn across the run, as different people would.
/// </summary>
public sealed class BotPhrases(TargetContract contract)
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline;
    /// <summary>How many times each form has been used in this run: the next use takes the next form.</summary>
    private static readonly ConcurrentDictionary<string, int> Uses = new();

    public Regex Submitted => Says("submitted", "that a request was submitted, with its number as (?<id>…)");
    public Regex Refused => Says("refused", "a refusal of a request");
    public Regex NotAllowed => Says("notAllowed", "that the person may not do what they asked");
    /// <summary>A refusal that says why: a sentence after the sign, not the sign alone.</summary>
    public Regex RefusalWithReason => Says("refusalWithReason", "a refusal with its reason");
    public Regex Cancelled => Says("cancelled", "that a conversation or summary was cancelled");
    public Regex ReasonRequired(int id) => Says("reasonRequired", "that a reason is required to decline", Id(id));

    public Regex SummaryNoLongerOpen => Says("summaryNoLongerOpen", "that a summary was already confirmed or cancelled");
    public Regex NothingSubmittedWithoutDeclaration => Says("nothingSubmittedWithoutDeclaration", "that nothing was submitted without the declaration");
    public Regex SummaryNotSubmitted => Says("summaryNotSubmitted", "a summary showing the request did not go in");
    public Regex ExecutionSummaryNotRecorded => Says("executionSummaryNotRecorded", "an execution summary showing nothing was recorded");
    /// <summary>Compliance's decision message showing the firm-trading conflict, as advice.</summary>
    public Regex ConflictShownAsAdvisory => Says("conflictShownAsAdvisory", "a decision message showing a conflict as advice");
    public Regex ConflictFlagged => Says("conflictFlagged", "the employee told their request is flagged for compliance, as advice");

    public Regex UnknownSecurity(string ticker) => Says("unknownSecurity", "that the security is unknown", ("ticker", ticker));
    public Regex AboutRequest(int id) => Says("aboutRequest", "a message about a request", Id(id));
    public Regex SummarySubmitted(int id) => Says("summarySubmitted", "a summary showing it was submitted, with the number", Id(id));
    public Regex FullyApproved(int id) => Says("fullyApproved", "that the request is approved, to be traded within the window", Id(id));
    public Regex ExecutionRecorded(int id) => Says("executionRecorded", "that an execution was recorded, and whether in the window as (?<within>yes|no)", Id(id));
    /// <summary>Compliance told of an execution with its details (checklist 4.7): date, quantity, price and actual value.</summary>
    public Regex ExecutionNotice(int id, decimal quantity, decimal price, DateTime at) => Says("executionNotice", "an execution's notice with its details", Id(id),
        Number("quantity", quantity), Number("price", price), ("date", at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("value", (quantity * price).ToString("N2", CultureInfo.InvariantCulture)));

    /// <summary>The manager or compliance told the request was withdrawn, with the reason (checklist 6.3).</summary>
    public Regex WithdrawalNotice(int id, string reason) => Says("withdrawalNotice", "a withdrawal's notice with its reason", Id(id), ("reason", reason));

    /// <summary>The manager told, for information, that a request they approved is finally approved (checklist 3.4).</summary>
    public Regex ManagerFyi(int id) => Says("managerFyi", "the manager's FYI of a final approval", Id(id));

    /// <summary>Compliance's approval request naming the manager's approval (checklist 3.2).</summary>
    public Regex ManagerApprovalShown(string manager) => Says("managerApprovalShown", "the manager's approval on compliance's approval request", ("manager", manager));

    public Regex Withdrawn(int id) => Says("withdrawn", "that a request is withdrawn", Id(id));
    public Regex Restricted(string ticker) => Says("restricted", "that a security is restricted, with the reason as (?<reason>…)", ("ticker", ticker));

    /// <summary>The bot's answer to an execution report: recorded, or refused.</summary>
    public Regex ExecutionAnswer(int id) => Either(ExecutionRecorded(id), NotAllowed);
    public Regex WithdrawalAnswer(int id) => Either(Withdrawn(id), NotAllowed);

    /// <summary>A decision message that says who asks for what: the employee's name, the direction, quantity and security.</summary>
    public Regex DescribesTrade(string employee, TradeAsk ask) => Says("describesTrade", "a decision message describing the trade",
        ("employee", employee), ("direction", ask.Direction), ("quantity", ask.Quantity.ToString("0.##", CultureInfo.InvariantCulture)), ("ticker", ask.Ticker));

    /// <summary>The employee hears a stage's decision (bot.says.managerApproved, …complianceRejected).</summary>
    public Regex Decided(string stage, bool approved, int id) => (stage, approved) switch
    {
        ("manager", true) => Says("managerApproved", "the employee told their manager approved", Id(id)),
        ("manager", false) => Says("managerRejected", "the employee told their manager rejected", Id(id)),
        (_, true) => Says("complianceApproved", "the employee told compliance approved", Id(id)),
        _ => Says("complianceRejected", "the employee told compliance rejected", Id(id)),
    };

    /// <summary>A message saying <paramref name="told"/> that also gives <paramref name="reason"/>, as written (checklist 5.V).</summary>
    public static Regex WithReason(Regex told, string reason) => new($"^(?=[\\s\\S]*(?:{told}))(?=[\\s\\S]*{Regex.Escape(reason)})", Options);

    /// <summary>What the clicked message says once the bot has answered the click.</summary>
    public Regex YouDecided(bool approved, int id) => approved
        ? Says("youApproved", "the clicked message showing the clicker approved", Id(id))
        : Says("youRejected", "the clicked message showing the clicker rejected", Id(id));

    /// <summary>The questions the bot asks while taking a request, in the order the contract lists them (the order they are tried in).</summary>
    public IReadOnlyList<string> Questions => contract.NamesUnder("bot.questions");

    /// <summary>The question the bot's message asks, or null when it asks none the contract knows.</summary>
    public string? QuestionIn(string text) => Questions.FirstOrDefault(q => Asks(q).IsMatch(text));

    /// <summary>
    /// Whether the bot's message begins a request: it asks for the security, or, when the opening named one ("I want to
    /// trade Apple stock", checklist 1.1), asks the person to confirm the one it found.
    /// </summary>
    public bool StartsRequest(string text) => QuestionIn(text) is "security" or "securityConfirmation";

    public Regex Asks(string question) => Pattern($"bot.questions.{question}.asks", $"how the bot asks the {question} question");
    public Regex AsksAgainFor(string question) => Pattern($"bot.questions.{question}.asksAgain", $"how the bot asks the {question} question again");

    /// <summary>A person's answer to a question for <paramref name="ask"/>, in the next of its forms.</summary>
    public string Answer(string question, TradeAsk ask) => Form($"bot.questions.{question}.answers", $"what a person answers to the {question} question", Values(ask));

    /// <summary>
    /// Whether a yes/no question is not about <paramref name="ask"/> (bot.questions.Q.about: "is this the security you mean?"
    /// naming another security), so that the person says no: an LLM may read a security where none was meant.
    /// </summary>
    public bool NotAbout(string question, string text, TradeAsk ask) =>
        contract.Entry($"bot.questions.{question}.about") is not null
        && !Pattern($"bot.questions.{question}.about", $"what the {question} question must be about", Values(ask)).IsMatch(text);

    /// <summary>"No" to the declaration question.</summary>
    public string Decline(string question) => Form($"bot.questions.{question}.declines", $"how a person declines the {question} question", []);

    public string Opening => Writes("open", "how a person opens a conversation with the bot");
    public string Cancel => Writes("cancel", "how a person cancels a conversation");
    public string Withdraw(int id) => Writes("withdraw", "how a person withdraws a request", Id(id));

    public string ExecutionReport(int id) => Writes("executionReport", "how a person tells the bot they executed a request", Id(id));

    /// <summary>
    /// The question of a follow-up <paramref name="dialogue"/> (bot.executionQuestions, bot.withdrawalQuestions) the bot's
    /// message asks, tried in the contract's order; null when it asks none the contract knows.
    /// </summary>
    public string? QuestionIn(string dialogue, string text) =>
        contract.NamesUnder($"bot.{dialogue}").FirstOrDefault(q => Pattern($"bot.{dialogue}.{q}.asks", $"how the bot asks the {q} question of {dialogue}").IsMatch(text));

    /// <summary>A person's answer to a follow-up question, in the next of its forms, filled with <paramref name="values"/>.</summary>
    public string Answer(string dialogue, string question, IReadOnlyList<(string, string)> values) =>
        Form($"bot.{dialogue}.{question}.answers", $"what a person answers to the {question} question of {dialogue}", [.. values]);

    /// <summary>The values a trade's answers are made of: the price is the value per share, as a person would work it out.</summary>
    private static (string, string)[] Values(TradeAsk ask) =>
    [
        ("ticker", ask.Ticker), ("direction", ask.Direction), Number("quantity", ask.Quantity), Number("value", ask.EstimatedValue),
        Number("price", ask.Quantity == 0 ? 0 : ask.EstimatedValue / ask.Quantity), ("currency", ask.Currency),
    ];

    private Regex Says(string name, string what, params (string Name, string Value)[] values) => Pattern($"bot.says.{name}", $"how the bot says {what}", values);

    private string Writes(string name, string what, params (string Name, string Value)[] values) => Form($"bot.writes.{name}", what, values);

    /// <summary>Any of the alternatives, each a regular expression with {placeholders} filled in, escaped.</summary>
    private Regex Pattern(string path, string what, params (string Name, string Value)[] values) =>
        new(string.Join('|', contract.Alternatives(path, what).Select(a => $"(?:{Template.Fill(a, values, Regex.Escape)})")), Options);

    private string Form(string path, string what, (string Name, string Value)[] values)
    {
        var forms = contract.Alternatives(path, what);
        var use = Uses.AddOrUpdate(path, 0, (_, n) => n + 1);
        return Template.Fill(forms[use % forms.Count], values);
    }

    private static Regex Either(Regex one, Regex other) => new($"{one}|{other}", Options);

    private static (string, string) Id(int id) => ("id", id.ToString(CultureInfo.InvariantCulture));

    private static (string, string) Number(string name, decimal value) => (name, value.ToString("0.####", CultureInfo.InvariantCulture));
}
