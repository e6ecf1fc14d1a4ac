namespace PadUat.Drivers.Database;

public sealed record PadRequest(int Id, int EmployeeId, string Ticker, string Direction, decimal Quantity, decimal EstimatedValue,
    string Currency, string Status, bool ConflictFlag, string? ConflictDetail, DateTime CreatedAt, DateTime? DeletedAt, int? DeletedById);

public sealed record PadApproval(int RequestId, string ApprovalType, int ApproverId, string Decision, string? Comment, DateTime DecidedAt);

public sealed record PadExecution(int RequestId, DateTime ExecutedAt, decimal Price, decimal Quantity, bool ExecutedWithinTwoDays);

public sealed record AuditEntry(long Id, int? RequestId, int ActorId, string Action, string Details, DateTime CreatedAt);

/// <summary>
/// Everything the database holds about one request — its row, approvals, execution and audit trail — written
/// out so two moments can be compared: a refused action must leave it exactly as it was.
/// </summary>
public sealed record RequestTrail(string Text)
{
    public override string ToString() => Text;
}

public sealed record RestrictedListEntry(int Id, string Ticker, string Reason, int AddedById, bool IsActive);

/// <summary>The plan's validation queries over padealing: requests, approvals, executions, the audit log, the restricted list.</summary>
public sealed class PadRecords(PadDatabase db)
{
    private const string RequestColumns = """
        r.id, r.employee_id, b.ticker, r.direction, r.quantity, r.estimated_value, r.currency, r.status, r.conflict_flag,
        r.conflict_detail, r.created_at, r.deleted_at, r.deleted_by_id
        FROM padealing.pad_request r JOIN bo_airflow.oracle_bloomberg b ON b.id = r.security_id
        """;

    public Task<DateTime> DatabaseNowAsync() => db.ScalarAsync<DateTime>("database clock", "SELECT now()");

    public Task<PadRequest?> RequestAsync(int id) =>
        db.SingleOrDefaultAsync<PadRequest>($"pad_request #{id}", $"SELECT {RequestColumns} WHERE r.id = @id", new { id });

    public Task<IReadOnlyList<PadRequest>> RequestsSinceAsync(int employeeId, DateTime since) =>
        db.QueryAsync<PadRequest>("the employee's requests in this scenario",
            $"SELECT {RequestColumns} WHERE r.employee_id = @employeeId AND r.created_at >= @since ORDER BY r.id", new { employeeId, since });

    public Task<IReadOnlyList<PadApproval>> ApprovalsAsync(int requestId) =>
        db.QueryAsync<PadApproval>($"pad_approval rows of request #{requestId}", """
            SELECT request_id, approval_type, approver_id, decision, comment, decided_at
            FROM padealing.pad_approval WHERE request_id = @requestId ORDER BY decided_at
            """, new { requestId });

    public Task<PadExecution?> ExecutionAsync(int requestId) =>
        db.SingleOrDefaultAsync<PadExecution>($"pad_execution of request #{requestId}", """
            SELECT request_id, executed_at, price, quantity, executed_within_two_days
            FROM padealing.pad_execution WHERE request_id = @requestId
            """, new { requestId });

    public Task<IReadOnlyList<AuditEntry>> AuditTrailAsync(int requestId) =>
        db.QueryAsync<AuditEntry>($"audit_log of request #{requestId}", """
            SELECT id, request_id, actor_id, action, details::text AS details, created_at
            FROM padealing.audit_log WHERE request_id = @requestId ORDER BY id
            """, new { requestId });

    public async Task<RequestTrail> TrailAsync(int requestId)
    {
        var request = await RequestAsync(requestId);
        var approvals = await ApprovalsAsync(requestId);
        var execution = await ExecutionAsync(requestId);
        var audit = await AuditTrailAsync(requestId);
        return new RequestTrail(string.Join("\n",
        [
            request is null ? "no request" : $"status {request.Status}, quantity {request.Quantity:0.##}, deleted {request.DeletedAt:o} by {request.DeletedById}",
            .. approvals.Select(a => $"{a.ApprovalType} approval: {a.Decision} by {a.ApproverId} at {a.DecidedAt:o}"),
            execution is null ? "no execution" : $"execution: {execution.Quantity:0.##} @ {execution.Price:0.####} at {execution.ExecutedAt:o}",
            .. audit.Select(a => $"audit: {a.Action} by {a.ActorId}"),
        ]));
    }

    /// <summary>Audit rows with no request (refusals happen before a request exists) by one person since a moment.</summary>
    public Task<IReadOnlyList<AuditEntry>> AuditWithoutRequestAsync(int actorId, DateTime since) =>
        db.QueryAsync<AuditEntry>("audit_log rows without a request by this person in this scenario", """
            SELECT id, request_id, actor_id, action, details::text AS details, created_at
            FROM padealing.audit_log WHERE request_id IS NULL AND actor_id = @actorId AND created_at >= @since ORDER BY id
            """, new { actorId, since });

    public async Task<IReadOnlyDictionary<string, long>> StatusCountsAsync(int? employeeId)
    {
        var rows = await db.QueryAsync<(string Status, long Count)>("requests by status", """
            SELECT status, count(*) FROM padealing.pad_request WHERE (@employeeId::int IS NULL OR employee_id = @employeeId) GROUP BY status ORDER BY status
            """, new { employeeId });
        return rows.ToDictionary(r => r.Status, r => r.Count);
    }

    /// <summary>What the dashboard summary should show: the total, each status, and open conflicts.</summary>
    /// <summary>The dashboard summary's figures as the database counts them, for the firm or for one employee's requests.</summary>
    public async Task<IReadOnlyDictionary<string, long>> SummaryFiguresAsync(int? employeeId = null)
    {
        var figures = new Dictionary<string, long>(await StatusCountsAsync(employeeId));
        foreach (var status in new[] { "pending_manager", "pending_compliance", "approved", "executed", "rejected", "withdrawn" })
            figures.TryAdd(status, 0);
        figures["total"] = figures.Values.Sum();
        figures["open-conflicts"] = await OpenConflictCountAsync(employeeId);
        return figures;
    }

    /// <summary>The summary's figures with a digest of the rows behind them, so a reader can tell whether anything moved meanwhile.</summary>
    public async Task<Dashboard.SummaryState> SummaryStateAsync(int? employeeId = null) => new(await SummaryFiguresAsync(employeeId),
        await db.ScalarAsync<string>("the rows behind the summary (a digest of ids, statuses, conflict flags and update times)", """
            SELECT coalesce(md5(string_agg(id || ':' || status || ':' || conflict_flag || ':' || updated_at, ',' ORDER BY id)), '-')
            FROM padealing.pad_request WHERE (@employeeId::int IS NULL OR employee_id = @employeeId)
            """, new { employeeId }));

    public Task<long> CountAsync(string? status, int? employeeId, string? ticker = null) =>
        db.ScalarAsync<long>($"requests{(status is null ? "" : $" with status {status}")}{(employeeId is null ? "" : $" of employee {employeeId}")}" +
            $"{(ticker is null ? "" : $" in {ticker}")}", """
            SELECT count(*) FROM padealing.pad_request r JOIN bo_airflow.oracle_bloomberg b ON b.id = r.security_id
            WHERE (@status::text IS NULL OR r.status = @status) AND (@employeeId::int IS NULL OR r.employee_id = @employeeId)
              AND (@ticker::text IS NULL OR b.ticker = @ticker)
            """, new { status, employeeId, ticker });

    public Task<long> OpenConflictCountAsync(int? employeeId = null) =>
        db.ScalarAsync<long>("open requests flagged with a conflict", """
            SELECT count(*) FROM padealing.pad_request WHERE conflict_flag AND status IN ('pending_manager', 'pending_compliance')
              AND (@employeeId::int IS NULL OR employee_id = @employeeId)
            """, new { employeeId });

    public Task<IReadOnlyList<RestrictedListEntry>> RestrictedListAsync() =>
        db.QueryAsync<RestrictedListEntry>("the active restricted list", """
            SELECT id, ticker, reason, added_by_id, is_active FROM padealing.restricted_security WHERE is_active ORDER BY ticker
            """);

    public Task<string?> ComplianceSettingAsync(string key) =>
        db.SingleOrDefaultAsync<string>($"compliance_config {key}",
            "SELECT config_value FROM padealing.compliance_config WHERE config_key = @key", new { key });
}
