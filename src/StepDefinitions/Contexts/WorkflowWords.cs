using PadUat.Drivers.TestData;
using PadUat.Support.Contract;
using PadUat.Support.Features;
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
public sealed class WorkflowWords(TargetContract contract)
{
    public const string Status = "(waiting for their manager|waiting for compliance|waiting for the SMF16 approver|approved|rejected|executed|withdrawn)";
    public const string Stage = "(waiting for their manager|waiting for compliance|approved|rejected by their manager|rejected by compliance|executed|withdrawn)";
    public const string Duration = @"((?:(?:\d+|an?) (?:days?|hours?|minutes?) ?)+)";

    public const string AuditEvent = "(the submission|the manager's approval|the manager's rejection|compliance's approval|compliance's rejection|the execution|the withdrawal)";

    [StepArgumentTransformation(Status)]
    public RequestStatus ToStatus(string words)
    {
        var meaning = FeatureWords.Status(words);
        return new(words, meaning, contract.Word(meaning));
    }

    [StepArgumentTransformation("(buy|sell)")]
    public StoredWord ToDirection(string words) => new(words, contract.Word(FeatureWords.Direction(words)));

    [StepArgumentTransformation(AuditEvent)]
    public StoredWord ToAuditEvent(string words) => new(words, contract.Word(FeatureWords.AuditEvent(words)));

    /// <summary>An approval stage as a feature names it (manager, compliance), as the target stores it.</summary>
    public string StageCode(string words) => contract.Word(FeatureWords.Stage(words));

    /// <summary>A decision as a feature names it (approved, rejected), as the target stores it.</summary>
    public string DecisionCode(string words) => contract.Word(FeatureWords.Decision(words));

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
        var (status, ticker, ofTheEmployee) = FeatureWords.ListFilter(words);
        return new ListFilterWords(status is null ? null : ToStatus(status), ticker, ofTheEmployee);
    }

    /// <summary>"3 days", "47 hours 59 minutes", "an hour".</summary>
    [StepArgumentTransformation(Duration)]
    public static TimeSpan ToDuration(string words) => FeatureWords.Duration(words);
}
