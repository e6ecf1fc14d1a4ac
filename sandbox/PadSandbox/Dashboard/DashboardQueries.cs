using Dapper;
using Npgsql;
using PadSandbox.Workflow;

namespace PadSandbox.Dashboard;

public sealed record RequestListItem(int Id, string Employee, string Ticker, string Direction, decimal Quantity, decimal EstimatedValue,
    string Currency, string Status, bool ConflictFlag, DateTime CreatedAt, string? RiskLevel = null);

public sealed record RequestDetail(int Id, int EmployeeId, string Employee, string Ticker, string Direction, decimal Quantity,
    decimal EstimatedValue, string Currency, string Status, bool ConflictFlag, string? ConflictDetail, DateTime CreatedAt,
    DateTime? DeletedAt, string? DeletedBy, string? Description = null, string? Reason = null, string? RiskLevel = null);

public sealed record ApprovalItem(string ApprovalType, string Approver, string Decision, string? Comment, DateTime DecidedAt);

public sealed record ExecutionItem(DateTime ExecutedAt, decimal Price, decimal Quantity, bool ExecutedWithinTwoDays);

public sealed record AuditItem(long Id, int? RequestId, string Actor, string Action, string Details, DateTime CreatedAt);

public sealed record RestrictedItem(int Id, string Ticker, string Description, string Reason, string AddedBy, DateTime CreatedAt, bool IsActive);

public sealed record RequestFilter(string? Status, int? EmployeeId, string? Ticker);

/// <summary>The dashboard's reads. Every list is bounded and ordered newest first; scope limits an employee to their own rows.</summary>
public sealed class DashboardQueries(NpgsqlDataSource db)
{
    // Names are in the work e-mail contact (People.WorkContact): oracle_employee has none.
    private const string Name = "e.forename || ' ' || e.surname";

    private static readonly string ListSelect = $"""
        SELECT r.id, {Name} AS employee, b.ticker, r.direction, r.quantity, r.estimated_value AS estimatedvalue, r.currency,
               r.status, r.has_conflict AS conflictflag, r.created_at AS createdat, r.risk_level AS risklevel
        FROM padealing.pad_request r
        JOIN {People.WorkContact("e", "r.employee_id")}
        JOIN bo_airflow.oracle_bloomberg b ON b.id = r.security_id
        """;

    public async Task<Dictionary<string, long>> StatusCountsAsync(int? scopeEmployeeId)
    {
        await using var conn = await db.OpenConnectionAsync();
        var rows = await conn.QueryAsync<(string Status, long Count)>("""
            SELECT status, count(*) FROM padealing.pad_request
            WHERE (@scope::int IS NULL OR employee_id = @scope) GROUP BY status
            """, new { scope = scopeEmployeeId });
        return rows.ToDictionary(r => r.Status, r => r.Count);
    }

    public async Task<long> OpenConflictsAsync(int? scopeEmployeeId)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM padealing.pad_request
            WHERE has_conflict AND status IN ('pending_manager', 'pending_compliance') AND (@scope::int IS NULL OR employee_id = @scope)
            """, new { scope = scopeEmployeeId });
    }

    /// <param name="withReports">Whether the scope's direct reports' requests are listed too (a manager's list).</param>
    public async Task<(IReadOnlyList<RequestListItem> Rows, long Total)> ListAsync(RequestFilter filter, int? scopeEmployeeId, int limit, bool withReports = true)
    {
        await using var conn = await db.OpenConnectionAsync();
        var args = new { filter.Status, employee = filter.EmployeeId, ticker = filter.Ticker?.ToUpperInvariant(), scope = scopeEmployeeId, limit, withReports };
        const string where = """
            WHERE (@status::text IS NULL OR r.status = @status) AND (@employee::int IS NULL OR r.employee_id = @employee)
              AND (@ticker::text IS NULL OR b.ticker = @ticker)
              AND (@scope::int IS NULL OR r.employee_id = @scope
                   OR (@withReports AND r.employee_id IN (SELECT id FROM bo_airflow.oracle_employee WHERE manager_id = @scope)))
            """;
        var rows = await conn.QueryAsync<RequestListItem>($"""
            {ListSelect}
            {where}
            ORDER BY r.id DESC LIMIT @limit
            """, args);
        var total = await conn.ExecuteScalarAsync<long>($"""
            SELECT count(*) FROM padealing.pad_request r JOIN bo_airflow.oracle_bloomberg b ON b.id = r.security_id {where}
            """, args);
        return (rows.ToList(), total);
    }

    public async Task<RequestDetail?> DetailAsync(int id)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QueryFirstOrDefaultAsync<RequestDetail>($"""
            SELECT r.id, r.employee_id AS employeeid, {Name} AS employee, b.ticker, r.direction, r.quantity,
                   r.estimated_value AS estimatedvalue, r.currency, r.status, r.has_conflict AS conflictflag,
                   r.conflict_comments AS conflictdetail, r.created_at AS createdat, r.deleted_at AS deletedat,
                   d.forename || ' ' || d.surname AS deletedby, b.description, r.justification AS reason, r.risk_level AS risklevel
            FROM padealing.pad_request r
            JOIN {People.WorkContact("e", "r.employee_id")}
            JOIN bo_airflow.oracle_bloomberg b ON b.id = r.security_id
            LEFT JOIN {People.WorkContact("d", "r.deleted_by_id")}
            WHERE r.id = @id
            """, new { id });
    }

    public async Task<IReadOnlyList<ApprovalItem>> ApprovalsAsync(int requestId)
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<ApprovalItem>($"""
            SELECT a.approval_type AS approvaltype, {Name} AS approver, a.decision, a.comments AS comment, a.decided_at AS decidedat
            FROM padealing.pad_approval a JOIN {People.WorkContact("e", "a.approver_id")}
            WHERE a.request_id = @requestId ORDER BY a.decided_at
            """, new { requestId })).ToList();
    }

    public async Task<ExecutionItem?> ExecutionAsync(int requestId)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QueryFirstOrDefaultAsync<ExecutionItem>("""
            SELECT x.executed_at AS executedat, x.execution_price AS price, x.execution_quantity AS quantity,
                   r.executed_within_two_days AS executedwithintwodays
            FROM padealing.pad_execution x JOIN padealing.pad_request r ON r.id = x.request_id WHERE x.request_id = @requestId
            """, new { requestId });
    }

    public async Task<IReadOnlyList<AuditItem>> AuditAsync(int? requestId, int limit)
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<AuditItem>($"""
            SELECT a.id, a.request_id AS requestid, {Name} AS actor, a.action_type AS action, a.details::text AS details, a."timestamp" AS createdat
            FROM padealing.audit_log a JOIN {People.WorkContact("e", "a.actor_id")}
            WHERE (@requestId::int IS NULL OR a.request_id = @requestId)
            ORDER BY a."timestamp" DESC, a.id DESC LIMIT @limit
            """, new { requestId, limit })).ToList();
    }

    public async Task<IReadOnlyList<RequestListItem>> OpenConflictListAsync(int limit)
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<RequestListItem>($"""
            {ListSelect}
            WHERE r.has_conflict AND r.status IN ('pending_manager', 'pending_compliance')
            ORDER BY r.id DESC LIMIT @limit
            """, new { limit })).ToList();
    }

    /// <summary>
    /// The requests waiting for compliance's decision (the pending-approvals page, conductor/archive/legacy_plans_20251230/
    /// ORIGINAL_IMPORVEMENT_PLAN.md:138,323), newest first or, as compliance sorts them, the highest risk first (checklist 7.4).
    /// </summary>
    public async Task<(IReadOnlyList<RequestListItem> Rows, long Total)> PendingAsync(bool byRisk, int limit)
    {
        await using var conn = await db.OpenConnectionAsync();
        var order = byRisk ? "CASE r.risk_level WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 WHEN 'LOW' THEN 2 ELSE 3 END, r.id DESC" : "r.id DESC";
        const string pending = "r.status = 'pending_compliance'";
        var rows = await conn.QueryAsync<RequestListItem>($"{ListSelect} WHERE {pending} ORDER BY {order} LIMIT @limit", new { limit });
        var total = await conn.ExecuteScalarAsync<long>($"SELECT count(*) FROM padealing.pad_request r WHERE {pending}");
        return (rows.ToList(), total);
    }

    /// <summary>The restricted list as its page shows it: the entries in force, or all of them (T/ui_overhaul_bug_fixes_20260203/spec.md 5b).</summary>
    public async Task<IReadOnlyList<RestrictedItem>> RestrictedAsync(bool includeInactive = false)
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<RestrictedItem>($"""
            SELECT s.id, s.ticker, b.description, s.reason, {Name} AS addedby, s.created_at AS createdat, s.is_active AS isactive
            FROM padealing.restricted_security s JOIN {People.WorkContact("e", "s.added_by_id")}
            JOIN bo_airflow.oracle_bloomberg b ON b.id = s.security_id
            WHERE s.is_active OR @includeInactive ORDER BY s.ticker, s.id
            """, new { includeInactive })).ToList();
    }
}
