using System.Globalization;
using System.Text.RegularExpressions;

namespace PadUat.Drivers.Slack;

/// <summary>
/// What the checklist expects the person to see in a conversation after the request, read from what they saw: the
/// request shown first (4.1, 6.1), each of the dialogue's questions asked (in whatever order and words), and a summary
/// of their answers with its button (4.5, 6.2). Each method returns what is missing, named as the checklist names it.
/// </summary>
public static partial class FollowUpReview
{
    /// <summary>The execution dialogue's questions (checklist 4.1-4.4), by the contract's names.</summary>
    private static readonly string[] ExecutionQuestions = ["date", "quantity", "price", "confirmationNumber"];

    /// <summary>Checklist 4.1-4.4: the approved request shown, then the date, quantity, price and confirmation number asked.</summary>
    public static IReadOnlyList<string> ExecutionDialogueMissing(FollowUpTranscript? talk, int requestId, string ticker) =>
        talk is null ? ["the conversation (none took place)"]
            : [.. RequestShown(talk.First, requestId, ticker), .. ExecutionQuestions.Where(q => !talk.Asked.Contains(q)).Select(q => $"the {q} question")];

    /// <summary>
    /// Checklist 4.2-4.5: the summary shows the date, quantity, price and confirmation number given, the actual value
    /// (quantity × price) beside the estimated one, and the button that records it.
    /// </summary>
    /// <param name="days">The dates the execution may be shown as (the day given, or today and yesterday for "just now").</param>
    public static IReadOnlyList<string> ExecutionSummaryMissing(FollowUpTranscript? talk, ExecutionReport report, decimal estimatedValue, IReadOnlyList<DateTime> days)
    {
        if (talk?.Summary is not { } summary) return ["the execution summary with its Record Execution button (the bot showed none)"];
        var shown = summary.Shown();
        var numbers = summary.NumbersShown();
        var missing = new List<string>();
        void Needs(bool shows, string detail) { if (!shows) missing.Add(detail); }
        Needs(days.Any(d => shown.Contains(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)), "the execution date");
        Needs(numbers.Contains(report.Quantity), $"the quantity ({report.Quantity:0.##})");
        Needs(numbers.Contains(report.Price), $"the price ({report.Price:0.####})");
        Needs(numbers.Contains(report.Quantity * report.Price), $"the actual value, quantity × price ({report.Quantity * report.Price:0.##})");
        Needs(numbers.Contains(estimatedValue), $"the estimated value to compare with ({estimatedValue:0.##})");
        Needs(shown.Contains(report.ConfirmationNumber, StringComparison.Ordinal), $"the confirmation number ({report.ConfirmationNumber})");
        return missing;
    }

    /// <summary>Checklist 6.1: the request shown, and the reason for withdrawing it asked.</summary>
    public static IReadOnlyList<string> WithdrawalDialogueMissing(FollowUpTranscript? talk, int requestId, string ticker) =>
        talk is null ? ["the conversation (none took place)"]
            : [.. RequestShown(talk.First, requestId, ticker), .. talk.Asked.Contains("reason") ? Array.Empty<string>() : ["the reason question"]];

    /// <summary>Checklist 6.2: the final confirmation shows the reason given, with the Withdraw Request button.</summary>
    public static IReadOnlyList<string> WithdrawalSummaryMissing(FollowUpTranscript? talk, Withdrawal withdrawal) =>
        talk?.Summary is not { } summary ? ["the final confirmation with its Withdraw Request button (the bot showed none)"]
            : summary.Shown().Contains(withdrawal.Reason, StringComparison.OrdinalIgnoreCase) ? [] : [$"the reason given (\"{withdrawal.Reason}\")"];

    private static IEnumerable<string> RequestShown(SlackMessage first, int requestId, string ticker)
    {
        var shown = first.Shown();
        if (!Regex.IsMatch(shown, $@"#0*{requestId}\b")) yield return $"the request's number (#{requestId}) in the bot's first answer";
        if (!Regex.IsMatch(shown, $@"\b{Regex.Escape(ticker)}\b")) yield return $"the request's security ({ticker}) in the bot's first answer";
    }
}
