using System.Text.RegularExpressions;
using PadUat.Drivers.TestData;
using PadUat.Support.Contract;
using TechTalk.SpecFlow;

namespace PadUat.Contexts;

/// <summary>A request's status as the features say it ("waiting for compliance") and as the target stores it.</summary>
public sealed record RequestStatus(string Words, PadStatus Meaning, string Code)
{
    public override string ToString() => Words;
}

/// <summary>A word of the workflow as the features say it ("buy", "the manager's approval") and as the target stores it.</summary>
public sealed record StoredWord(string Words, string Code)
{
    public override string ToString() => Words;
}

/// <summary>The request list's filters as a feature says them: "waiting for compliance for the security AAPL", "of the employee".</summary>
public sealed record ListFilterWords(RequestStatus? Status, string? Ticker, bool OfTheEmployee);

/// <summary>
/// The workflow's words in the features — statuses, decisions, audit events, how far a request got, lengths of time —
/// turned into what the drivers take, so a product owner reads "waiting for compliance" whatever the target stores:
/// the target's contract says what that is.
/// </summary>
[Binding]
public sealed partial class WorkflowWords(TargetContract contract)
{
    public const string Status = "(waiting for their manager|waiting for compliance|approved|rejected|executed|withdrawn)";
    public const string Stage = "(waiting for their manager|waiting for compliance|approved|rejected by their manager|rejected by compliance|executed|withdrawn)";
    public const string Duration = @"((?:(?:\d+|an?) (?:days?|hours?|minutes?) ?)+)";

    public const string AuditEvent = "(the submission|the manager's approval|the manager's rejection|compliance's approval|compliance's rejection|the execution|the withdrawal)";

    [StepArgumentTransformation(Status)]
    public RequestStatus ToStatus(string words)
    {
        var meaning = words switch
        {
            "waiting for their manager" => PadStatus.WaitingForManager,
            "waiting for compliance" => PadStatus.WaitingForCompliance,
            "approved" => PadStatus.Approved,
            "rejected" => PadStatus.Rejected,
            "executed" => PadStatus.Executed,
            _ => PadStatus.Withdrawn,
        };
        return new(words, meaning, contract.Word(meaning));
    }

    [StepArgumentTransformation("(buy|sell)")]
    public StoredWord ToDirection(string words) => new(words, contract.Word(words == "buy" ? TradeDirection.Buy : TradeDirection.Sell));

    [StepArgumentTransformation(AuditEvent)]
    public StoredWord ToAuditEvent(string words) => new(words, contract.Word(words switch
    {
        "the submission" => Support.Contract.AuditEvent.Submitted,
        "the manager's approval" => Support.Contract.AuditEvent.ManagerApproved,
        "the manager's rejection" => Support.Contract.AuditEvent.ManagerRejected,
        "compliance's approval" => Support.Contract.AuditEvent.ComplianceApproved,
        "compliance's rejection" => Support.Contract.AuditEvent.ComplianceRejected,
        "the execution" => Support.Contract.AuditEvent.ExecutionRecorded,
        _ => Support.Contract.AuditEvent.Withdrawn,
    }));

    /// <summary>An approval stage as a feature names it (manager, compliance), as the target stores it.</summary>
    public string StageCode(string words) => contract.Word(words switch
    {
        "manager" => ApprovalStage.Manager,
        "compliance" => ApprovalStage.Compliance,
        _ => throw new Support.Evidence.SetupError($"'{words}' is not an approval stage (manager or compliance)"),
    });

    /// <summary>A decision as a feature names it (approved, rejected), as the target stores it.</summary>
    public string DecisionCode(string words) => contract.Word(words switch
    {
        "approved" or "approval" => Decision.Approved,
        "rejected" or "rejection" => Decision.Rejected,
        _ => throw new Support.Evidence.SetupError($"'{words}' is not a decision (approved or rejected)"),
    });

    [StepArgumentTransformation(Stage)]
    public static RequestStage ToStage(string words) => words switch
    {
        "waiting for their manager" => RequestStage.WaitingForManager,
        "waiting for compliance" => RequestStage.WaitingForCompliance,
        "approved" => RequestStage.Approved,
        "rejected by their manager" => RequestStage.RejectedByManager,
        "rejected by compliance" => RequestStage.RejectedByCompliance,
        "executed" => RequestStage.Executed,
        _ => RequestStage.Withdrawn,
    };

    [StepArgumentTransformation("(the request's own page|the request list|the compliance view|the audit log)")]
    public static Drivers.Dashboard.RequestView ToView(string words) => words switch
    {
        "the request's own page" => Drivers.Dashboard.RequestView.RequestPage,
        "the request list" => Drivers.Dashboard.RequestView.RequestList,
        "the compliance view" => Drivers.Dashboard.RequestView.ComplianceView,
        _ => Drivers.Dashboard.RequestView.AuditLog,
    };

    [StepArgumentTransformation(@"((?:waiting for their manager|waiting for compliance|approved|rejected|executed|withdrawn)?(?: ?for the security \w+)?(?: ?of the employee)?)")]
    public ListFilterWords ToListFilter(string words)
    {
        var m = ListFilter().Match(words);
        return new ListFilterWords(m.Groups["status"].Success ? ToStatus(m.Groups["status"].Value) : null,
            m.Groups["ticker"].Success ? m.Groups["ticker"].Value : null, m.Groups["employee"].Success);
    }

    /// <summary>"3 days", "47 hours 59 minutes", "an hour".</summary>
    [StepArgumentTransformation(Duration)]
    public static TimeSpan ToDuration(string words) => DurationPart().Matches(words).Aggregate(TimeSpan.Zero, (total, part) =>
    {
        var n = part.Groups["n"].Value is "a" or "an" ? 1 : int.Parse(part.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return total + part.Groups["unit"].Value switch
        {
            "day" => TimeSpan.FromDays(n),
            "hour" => TimeSpan.FromHours(n),
            _ => TimeSpan.FromMinutes(n),
        };
    });

    [GeneratedRegex(@"^(?<status>waiting for their manager|waiting for compliance|approved|rejected|executed|withdrawn)?(?: ?for the security (?<ticker>\w+))?(?<employee> ?of the employee)?$")]
    private static partial Regex ListFilter();

    [GeneratedRegex(@"(?<n>\d+|an?) (?<unit>day|hour|minute)s?")]
    private static partial Regex DurationPart();
}
