using PadUat.Drivers.Database;
using PadUat.Support.Contract;

namespace PadUat.Drivers.TestData;

/// <summary>How far a request got through the workflow, in the words the features use.</summary>
public enum RequestStage
{
    WaitingForManager, WaitingForCompliance, Approved, RejectedByManager, RejectedByCompliance, Executed, Withdrawn,
}

/// <summary>
/// A request's past, laid down as test data so a scenario can start where the rule it checks applies: who asked,
/// how far it got, when compliance decided (whole minutes, so "48 hours after" is exact) and how long before that
/// the manager did. Each step of the past has its approval row and its one audit row, as the workflow writes them.
/// </summary>
public sealed record RequestHistory(Employee Owner, Employee Manager, Employee Officer, Security Security, TradeDirection Direction,
    decimal Quantity, RequestStage Stage, DateTime FinalDecisionAt, TimeSpan ManagerBeforeCompliance)
{
    public static readonly TimeSpan SubmittedBeforeManager = TimeSpan.FromHours(1);

    /// <summary>Its estimated value: a typical price times the quantity, unless the scenario needs a value at a given risk.</summary>
    public decimal Value { get; init; } = Slack.TradeAsk.TypicalValue(Quantity);

    /// <summary>The risk the target assesses that value at (its own thresholds), where it declares its routing.</summary>
    public RiskLevel? Risk { get; init; }

    /// <summary>The request's number once it is stored.</summary>
    public int Id { get; init; }

    public DateTime ManagerDecidedAt => Stage is RequestStage.RejectedByManager ? FinalDecisionAt : FinalDecisionAt - ManagerBeforeCompliance;
    public DateTime SubmittedAt => ManagerDecidedAt - SubmittedBeforeManager;
    public DateTime ExecutedAt => FinalDecisionAt + TimeSpan.FromHours(1);
    public DateTime WithdrawnAt => SubmittedAt + TimeSpan.FromMinutes(30);

    public PadStatus Status => Stage switch
    {
        RequestStage.WaitingForManager => PadStatus.WaitingForManager,
        RequestStage.WaitingForCompliance => PadStatus.WaitingForCompliance,
        RequestStage.Approved => PadStatus.Approved,
        RequestStage.RejectedByManager or RequestStage.RejectedByCompliance => PadStatus.Rejected,
        RequestStage.Executed => PadStatus.Executed,
        _ => PadStatus.Withdrawn,
    };

    /// <summary>The approval rows: the manager's once the request left them, compliance's once it left compliance.</summary>
    public IReadOnlyList<(ApprovalStage Stage, int Approver, Decision Decision, DateTime At)> Approvals =>
    [
        .. Stage is RequestStage.WaitingForManager or RequestStage.Withdrawn ? [] : new[]
        {
            (ApprovalStage.Manager, Manager.Id, Stage is RequestStage.RejectedByManager ? Decision.Rejected : Decision.Approved, ManagerDecidedAt),
        },
        .. Stage is RequestStage.Approved or RequestStage.Executed or RequestStage.RejectedByCompliance ? new[]
        {
            (ApprovalStage.Compliance, Officer.Id, Stage is RequestStage.RejectedByCompliance ? Decision.Rejected : Decision.Approved, FinalDecisionAt),
        } : [],
    ];

    /// <summary>One audit row per transition, as the workflow writes them.</summary>
    public IReadOnlyList<(int Actor, AuditEvent Action, DateTime At)> AuditTrail =>
    [
        (Owner.Id, AuditEvent.Submitted, SubmittedAt),
        .. Approvals.Select(a => (a.Approver, AuditOf(a.Stage, a.Decision), a.At)),
        .. Stage is RequestStage.Executed ? new[] { (Owner.Id, AuditEvent.ExecutionRecorded, ExecutedAt) } : [],
        .. Stage is RequestStage.Withdrawn ? new[] { (Owner.Id, AuditEvent.Withdrawn, WithdrawnAt) } : [],
    ];

    public static AuditEvent AuditOf(ApprovalStage stage, Decision decision) => (stage, decision) switch
    {
        (ApprovalStage.Manager, Decision.Approved) => AuditEvent.ManagerApproved,
        (ApprovalStage.Manager, _) => AuditEvent.ManagerRejected,
        (_, Decision.Approved) => AuditEvent.ComplianceApproved,
        _ => AuditEvent.ComplianceRejected,
    };

    public DateTime LastChangeAt => AuditTrail.Max(a => a.At);
}
