namespace PadSandbox.Workflow;

public static class Status
{
    public const string PendingManager = "pending_manager";
    public const string PendingCompliance = "pending_compliance";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Executed = "executed";
    public const string Withdrawn = "withdrawn";
}

public sealed record Employee(int Id, string Forename, string Surname, string Email, int? ManagerId, bool IsCompliance)
{
    public string Name => $"{Forename} {Surname}";
}

public sealed record Security(int Id, string Ticker, string Description, string Currency);

/// <summary>What the employee asked the bot for, before it becomes a pad_request.</summary>
public sealed record TradeDraft(string Ticker, string Direction, decimal Quantity, decimal EstimatedValue, string Currency,
    bool NoInsideInformation);

public sealed record PadRequestRow(int Id, int EmployeeId, int SecurityId, string Ticker, string Direction, decimal Quantity,
    decimal EstimatedValue, string Currency, string Status, bool ConflictFlag, string? ConflictDetail, DateTime CreatedAt,
    DateTime UpdatedAt, DateTime? DeletedAt, int? DeletedById);

/// <summary>The result of a workflow action: done, or refused with a reason a person can act on. Nothing changes on refusal.</summary>
public sealed record Outcome<T>(T? Value, string? Refusal)
{
    public bool Ok => Refusal is null;
    public static Outcome<T> Done(T value) => new(value, null);
    public static Outcome<T> Refused(string reason) => new(default, reason);
}

public sealed record Submission(int RequestId, Security Security, bool ConflictFlag, string? ConflictDetail);

public sealed record Decision(PadRequestRow Request, string NewStatus);

public sealed record ExecutionRecord(int RequestId, DateTime ExecutedAt, bool WithinTwoDays);
