using System.Text.RegularExpressions;

namespace PadUat.Drivers.Slack;

/// <summary>
/// What the harness recognises in the bot's messages, in one place — like selectors for a page. Pointing the
/// suite at a bot with other wording means changing this file only. Button action ids are the target's contract's (bot.buttons).
/// </summary>
public static class BotPhrases
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public static readonly Regex AsksForSecurity = new(@"which security", Options);
    public static readonly Regex AsksForDirection = new(@"buy or sell", Options);
    public static readonly Regex AsksForQuantity = new(@"how many", Options);
    public static readonly Regex AsksForValue = new(@"estimated value", Options);
    public static readonly Regex AsksForDeclaration = new(@"inside information", Options);
    public static readonly Regex Submitted = new(@"request #(?<id>\d+) submitted", Options);
    public static readonly Regex Refused = new(@"^❌", Options);
    public static readonly Regex NotAllowed = new(@"^⛔", Options);
    /// <summary>A refusal that says why: a sentence after the sign, not the sign alone.</summary>
    public static readonly Regex RefusalWithReason = new(@"^⛔\s*\w+(\W+\w+){2,}", Options);
    /// <summary>Compliance's decision message showing the firm-trading conflict, as advice.</summary>
    public static readonly Regex ConflictShownAsAdvisory = new(@"conflict\b.*advisory|advisory\b.*conflict", Options | RegexOptions.Singleline);
    public static readonly Regex ConflictFlagged = new(@"flagged for compliance.*advisory", Options | RegexOptions.Singleline);
    public static readonly Regex Cancelled = new(@"cancelled", Options);
    /// <summary>The bot asking a question again, because the answer was not one it can use.</summary>
    public static Regex AsksAgainFor(string question) => new(question switch
    {
        "security" => @"please reply with the security's ticker",
        "direction" => @"please reply buy or sell",
        "quantity" => @"please reply with a quantity",
        _ => @"please reply with an amount and currency",
    }, Options);
    public static readonly Regex UseTheSummaryButtons = new(@"confirm or cancel button", Options);
    public static readonly Regex SummaryNoLongerOpen = new(@"summary is no longer open", Options);
    public static readonly Regex NothingSubmittedWithoutDeclaration = new(@"without (that|the) declaration.*nothing was submitted", Options | RegexOptions.Singleline);

    public static Regex UnknownSecurity(string ticker) => new($@"^❌.*don't know the security '{Regex.Escape(ticker)}'", Options);

    /// <summary>A decision message that says who asks for what: "Alex Morgan asks to BUY 100 AAPL (~18,000.00 USD) — request #12".</summary>
    public static Regex DescribesTrade(string employee, TradeAsk ask) => new(string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $@"{Regex.Escape(employee)}\b.*\b{ask.Direction} {ask.Quantity:0.##} {Regex.Escape(ask.Ticker)}\b"), Options | RegexOptions.Singleline);

    public static Regex AboutRequest(int id) => new($@"request #{id}\b", Options);
    public static Regex ManagerApproved(int id) => Decided("manager", "approved", id);

    /// <summary>The employee hears a stage's decision: "Jo Bloggs (your manager) approved request #12", "Compliance (Sam Lee) rejected request #12".</summary>
    public static Regex Decided(string stage, string decision, int id) => new(stage == "manager"
        ? $@"manager\)? {decision} request #{id}\b" : $@"^compliance\b.* {decision} request #{id}\b", Options);
    public static Regex FullyApproved(int id) => new($@"request #{id} is approved.*within two days", Options | RegexOptions.Singleline);
    public static Regex ExecutionRecorded(int id) => new($@"recorded the execution of request #{id}\b.*within two days of approval: (?<within>yes|no)", Options | RegexOptions.Singleline);
    /// <summary>The bot's answer to an execution report: recorded, or refused.</summary>
    public static Regex ExecutionAnswer(int id) => new($@"{ExecutionRecorded(id)}|{NotAllowed}", Options | RegexOptions.Singleline);

    public static Regex WithdrawalAnswer(int id) => new($@"{Withdrawn(id)}|{NotAllowed}", Options);

    /// <summary>What the clicked message says once the bot has answered the click: the decision, or the request's number.</summary>
    public static Regex YouDecided(string decision, int id) => new($@"you {decision} request #{id}\b", Options);
    public static readonly Regex SummaryNotSubmitted = new(@"not submitted", Options);
    public static Regex SummarySubmitted(int id) => new($@"submitted as request #{id}\b", Options);

    public static Regex Withdrawn(int id) => new($@"request #{id} is withdrawn", Options);
    public static Regex Restricted(string ticker) => new($@"{Regex.Escape(ticker)} is on the restricted list \((?<reason>[^)]*)\)", Options);

    public static string ExecutionReport(int id, decimal quantity, decimal price, DateTime? at) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"executed #{id} {quantity:0.##} @ {price:0.####}{(at is { } t ? $" on {t:yyyy-MM-dd HH:mm}" : "")}");

    public static string Withdraw(int id) => $"withdraw #{id}";
}
