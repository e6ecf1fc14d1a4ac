using PadUat.Drivers.Database;

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
public sealed record RequestHistory(Employee Owner, Employee Manager, Employee Officer, Security Security, string Direction,
    decimal Quantity, RequestStage Stage, DateTime FinalDecisionAt, TimeSpan ManagerBeforeCompliance)
{
    public static readonly TimeSpan SubmittedBeforeManager = TimeSpan.FromHours(1);

    /// <summary>The request's number once it is stored.</summary>
    public int Id { get; init; }

    public DateTime ManagerDecidedAt => Stage is RequestStage.RejectedByManager ? FinalDecisionAt : FinalDecisionAt - ManagerBeforeCompliance;
    public DateTime SubmittedAt => ManagerDecidedAt - SubmittedBeforeManager;
    public DateTime ExecutedAt => FinalDecisionAt + TimeSpan.FromHours(1);
    public DateTime WithdrawnAt => SubmittedAt + TimeSpan.FromMinutes(30);

    public string Status => Stage switch
    {
        RequestStage.WaitingForManager => "pending_manager",
        RequestStage.WaitingForCompliance => "pending_compliance",
        RequestStage.Approved => "approved",
        RequestStage.RejectedByManager or RequestStage.RejectedByCompliance => "rejected",
        RequestStage.Executed => "executed",
        _ => "withdrawn",
    };

    /// <summary>The pad_approval rows: the manager's once the request left them, compliance's once it left compliance.</summary>
    public IReadOnlyList<(string Type, int Approver, string Decision, DateTime At)> Approvals =>
    [
        .. Stage is RequestStage.WaitingForManager or RequestStage.Withdrawn ? [] : new[]
        {
            ("manager", Manager.Id, Stage is RequestStage.RejectedByManager ? "rejected" : "approved", ManagerDecidedAt),
        },
        .. Stage is RequestStage.Approved or RequestStage.Executed or RequestStage.RejectedByCompliance ? new[]
        {
            ("compliance", Officer.Id, Stage is RequestStage.RejectedByCompliance ? "rejected" : "approved", FinalDecisionAt),
        } : [],
    ];

    /// <summary>One audit row per transition, as the workflow writes them.</summary>
    public IReadOnlyList<(int Actor, string Action, DateTime At)> AuditTrail =>
    [
        (Owner.Id, "request_submitted", SubmittedAt),
        .. Approvals.Select(a => (a.Approver, $"{a.Type}_{a.Decision}", a.At)),
        .. Stage is RequestStage.Executed ? new[] { (Owner.Id, "execution_recorded", ExecutedAt) } : [],
        .. Stage is RequestStage.Withdrawn ? new[] { (Owner.Id, "request_withdrawn", WithdrawnAt) } : [],
    ];

    public DateTime LastChangeAt => AuditTrail.Max(a => a.At);
}
