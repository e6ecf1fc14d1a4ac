namespace PadSandbox.Workflow;

public static class Status
{
    public const string PendingManager = "pending_manager";
    public const string PendingCompliance = "pending_compliance";
    public const string PendingSmf16 = "pending_smf16";
    public const string Approved = "approved";
    public const string Declined = "declined";
    public const string Executed = "executed";
    public const string Withdrawn = "withdrawn";
}

/// <summary>
/// A status as people are shown it (the dashboard, the bot), never the stored code. "Pending Manager Approval" and "Approved -
/// Ready for Execution" are the UAT guide's (conductor/tracks/dev_db_migration_validation_20260120/UAT_GUIDE.md:279,681); the
/// others are not documented at the UAT and follow them.
/// </summary>
public static class StatusLabels
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        [Status.PendingManager] = "Pending Manager Approval", [Status.PendingCompliance] = "Pending Compliance Approval",
        [Status.PendingSmf16] = "Pending SMF16 Approval", [Status.Approved] = "Approved - Ready for Execution",
        [Status.Executed] = "Executed", [Status.Declined] = "Declined", [Status.Withdrawn] = "Withdrawn",
    };

    public static string Of(string status) => Labels.GetValueOrDefault(status, status);
}

/// <summary>
/// audit_log.action_type as the implementation writes it (conductor/tracks/e2e_uat_audit_20251229/e2e_test_scenarios.md:
/// 50,94,144,320,439). Compliance's decline and a withdrawal are not documented: named the same way.
/// </summary>
public static class AuditAction
{
    public const string Submitted = "pad_request_submitted";
    public const string ExecutionRecorded = "pad_execution_recorded";
    public const string Withdrawn = "pad_request_withdrawn";

    /// <summary>pad_request_manager_approved, pad_request_compliance_declined, …</summary>
    public static string Decided(string approvalType, string decision) => $"pad_request_{approvalType}_{decision}";
}

public sealed record Employee(int Id, string Forename, string Surname, string Email, int? ManagerId, bool IsCompliance, string MakoId, bool IsSmf16)
{
    public string Name => $"{Forename} {Surname}";
}

/// <summary>A security of bo_airflow.oracle_bloomberg: its ticker, name (description), trade currency and Bloomberg code.</summary>
public sealed record Security(int Id, string Ticker, string Description, string Currency, string Bloomberg);

/// <summary>
/// What the employee asked the bot for, before it becomes a pad_request: the checklist's answers (1.2-1.9). The estimated
/// value is quantity × price, as the bot works it out (checklist 1.5); the reason is stored as the justification.
/// </summary>
public sealed record TradeDraft(string Ticker, string Direction, decimal Quantity, decimal Price, string Currency, string Reason,
    bool NoInsideInformation)
{
    public decimal EstimatedValue => Quantity * Price;
}

/// <summary>What the security lookup found for a person: the security, unless restricted (then the reason) or unknown (null).</summary>
public sealed record LookedUp(Security? Security, string? Restriction);

public sealed record PadRequestRow(int Id, int EmployeeId, int SecurityId, string Ticker, string Direction, decimal Quantity,
    decimal EstimatedValue, string Currency, string Status, bool ConflictFlag, string? ConflictDetail, DateTime CreatedAt,
    DateTime UpdatedAt, DateTime? DeletedAt, int? DeletedById, string? RiskLevel, string? Description = null, string? Justification = null);

/// <summary>The result of a workflow action: done, or refused with a reason a person can act on. Nothing changes on refusal.</summary>
public sealed record Outcome<T>(T? Value, string? Refusal)
{
    public bool Ok => Refusal is null;
    public static Outcome<T> Done(T value) => new(value, null);
    public static Outcome<T> Refused(string reason) => new(default, reason);
}

/// <param name="Status">Where the request starts: with the manager, or approved (low risk, auto-approved).</param>
public sealed record Submission(int RequestId, Security Security, bool ConflictFlag, string? ConflictDetail, string Status, string Risk);

/// <param name="Comment">What the decider wrote with it: a decline's reason, which the employee is told (checklist 5.V: "rejection notification with reason").</param>
public sealed record Decision(PadRequestRow Request, string NewStatus, string? Comment = null);

/// <summary>An approved request the person may record an execution of, and when its final approval was given.</summary>
public sealed record Executable(PadRequestRow Request, DateTime ApprovedAt);

public sealed record ExecutionRecord(PadRequestRow Request, DateTime ExecutedAt, decimal Price, decimal Quantity, bool WithinTwoDays)
{
    public decimal Value => Price * Quantity;
}
