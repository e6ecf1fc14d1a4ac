using System.Globalization;
using System.Text.RegularExpressions;
using PadUat.Support.Contract;
using PadUat.Support.Evidence;

namespace PadUat.Support.Features;

/// <summary>
/// The features' business words and what they mean to the harness — "waiting for compliance", "the manager's rejection",
/// "47 hours 59 minutes". Pure, so its readings are unit-tested: a misreading here would be reported as the product's
/// fault. A word it does not know is the harness's problem (a setup error), never a guess.
/// </summary>
public static partial class FeatureWords
{
    public static PadStatus Status(string words) => words switch
    {
        "waiting for their manager" => PadStatus.WaitingForManager,
        "waiting for compliance" => PadStatus.WaitingForCompliance,
        "waiting for the SMF16 approver" => PadStatus.WaitingForSmf16,
        "approved" => PadStatus.Approved,
        "rejected" => PadStatus.Rejected,
        "executed" => PadStatus.Executed,
        "withdrawn" => PadStatus.Withdrawn,
        _ => throw Unknown("a status", words),
    };

    public static AuditEvent AuditEvent(string words) => words switch
    {
        "the submission" => Contract.AuditEvent.Submitted,
        "the manager's approval" => Contract.AuditEvent.ManagerApproved,
        "the manager's rejection" => Contract.AuditEvent.ManagerRejected,
        "compliance's approval" => Contract.AuditEvent.ComplianceApproved,
        "compliance's rejection" => Contract.AuditEvent.ComplianceRejected,
        "the execution" => Contract.AuditEvent.ExecutionRecorded,
        "the withdrawal" => Contract.AuditEvent.Withdrawn,
        _ => throw Unknown("an audit event", words),
    };

    public static TradeDirection Direction(string words) => words switch
    {
        "buy" => TradeDirection.Buy,
        "sell" => TradeDirection.Sell,
        _ => throw Unknown("a direction", words),
    };

    public static ApprovalStage Stage(string words) => words switch
    {
        "manager" => ApprovalStage.Manager,
        "compliance" => ApprovalStage.Compliance,
        _ => throw Unknown("an approval stage", words),
    };

    public static Decision Decision(string words) => words switch
    {
        "approved" or "approval" => Contract.Decision.Approved,
        "rejected" or "rejection" => Contract.Decision.Rejected,
        _ => throw Unknown("a decision", words),
    };

    /// <summary>"3 days", "47 hours 59 minutes", "an hour".</summary>
    public static TimeSpan Duration(string words)
    {
        var parts = DurationPart().Matches(words);
        if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)).Replace(" ", "", StringComparison.Ordinal) != words.Replace(" ", "", StringComparison.Ordinal))
            throw Unknown("a length of time", words);
        return parts.Aggregate(TimeSpan.Zero, (total, part) =>
        {
            var n = part.Groups["n"].Value is "a" or "an" ? 1 : int.Parse(part.Groups["n"].Value, CultureInfo.InvariantCulture);
            return total + part.Groups["unit"].Value switch
            {
                "day" => TimeSpan.FromDays(n),
                "hour" => TimeSpan.FromHours(n),
                _ => TimeSpan.FromMinutes(n),
            };
        });
    }

    /// <summary>The request list's filters as a feature says them: "waiting for compliance for the security AAPL", "of the employee", "".</summary>
    public static (string? Status, string? Ticker, bool OfTheEmployee) ListFilter(string words)
    {
        var m = ListFilterPattern().Match(words);
        if (!m.Success) throw Unknown("a request-list filter", words);
        return (m.Groups["status"].Success ? m.Groups["status"].Value : null, m.Groups["ticker"].Success ? m.Groups["ticker"].Value : null,
            m.Groups["employee"].Success);
    }

    private static SetupError Unknown(string what, string words) => new($"The features say \"{words}\", which the harness does not know as {what}");

    [GeneratedRegex(@"^(?<status>waiting for their manager|waiting for compliance|approved|rejected|executed|withdrawn)?(?: ?for the security (?<ticker>\w+))?(?<employee> ?of the employee)?$")]
    private static partial Regex ListFilterPattern();

    [GeneratedRegex(@"(?<n>\d+|an?) (?<unit>day|hour|minute)s?")]
    private static partial Regex DurationPart();
}
