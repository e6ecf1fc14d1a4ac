namespace PadUat.Support.Contract;

// The workflow's concepts in the harness's own words. What each is called in a target's database is that target's
// contract's business (targets/<name>.json, "vocabulary"): the sandbox says "rejected" where the real system says "declined".

/// <summary>Where a request stands.</summary>
public enum PadStatus { WaitingForManager, WaitingForCompliance, WaitingForSmf16, Approved, Rejected, Executed, Withdrawn }

/// <summary>An approver's decision.</summary>
public enum Decision { Approved, Rejected }

/// <summary>Whose approval a decision is.</summary>
public enum ApprovalStage { Manager, Compliance, Smf16 }

/// <summary>Buy or sell.</summary>
public enum TradeDirection { Buy, Sell }

/// <summary>What an audit row records.</summary>
public enum AuditEvent
{
    Submitted, ManagerApproved, ManagerRejected, ComplianceApproved, ComplianceRejected, ExecutionRecorded, Withdrawn, RestrictedRefused,
}

/// <summary>How an audited action ended: done, or blocked (a refused submission is audited as a blocked one on the real system).</summary>
public enum AuditOutcome { Succeeded, Blocked }

/// <summary>A request's assessed risk, lowest first (the order compliance sorts by, highest first: checklist 7.4).</summary>
public enum RiskLevel { Low, Medium, High }

/// <summary>A role the application records for a person (compliance officers are known by it).</summary>
public enum PersonRole { Compliance, Smf16, Admin }

public static class VocabularySections
{
    /// <summary>Each concept's section in the contract's "vocabulary".</summary>
    public static string Of(Type concept) => concept.Name switch
    {
        nameof(PadStatus) => "status",
        nameof(Decision) => "decision",
        nameof(ApprovalStage) => "approvalStage",
        nameof(TradeDirection) => "direction",
        nameof(AuditEvent) => "auditAction",
        nameof(AuditOutcome) => "auditOutcome",
        nameof(PersonRole) => "role",
        nameof(RiskLevel) => "riskLevel",
        _ => throw new ArgumentException($"{concept.Name} is not a vocabulary of the contract"),
    };

    /// <summary>Each vocabulary with the concept column that stores it.</summary>
    public static readonly (Type Meanings, string Concept, string Field)[] StoredIn =
    [
        (typeof(PadStatus), "request", "status"), (typeof(TradeDirection), "request", "direction"), (typeof(ApprovalStage), "approval", "stage"),
        (typeof(Decision), "approval", "decision"), (typeof(AuditEvent), "audit", "action"), (typeof(AuditOutcome), "audit", "outcome"),
        (typeof(PersonRole), "role", "role"), (typeof(RiskLevel), "request", "risk"),
    ];

    public static string Key(Enum value) => char.ToLowerInvariant(value.ToString()[0]) + value.ToString()[1..];
}
