using System.Text.Json;
using Dapper;
using Npgsql;

namespace PadSandbox.Workflow;

/// <summary>
/// The PA-dealing rules. Each action runs in one transaction that locks the request, checks who may do
/// what, changes the state and writes exactly one audit_log row; a refusal changes nothing.
/// Two-day rule: an execution is "within two days" when executed_at is at most two business days after the final
/// approval's decided_at (<see cref="ExecutionDeadline"/>).
/// </summary>
public sealed class PadWorkflow(NpgsqlDataSource db, People people, FaultSet faults, TimeProvider clock)
{
    private const string RequestSelect = """
        SELECT r.id, r.employee_id AS employeeid, r.security_id AS securityid, b.ticker, r.direction, r.quantity,
               r.estimated_value AS estimatedvalue, r.currency, r.status, r.has_conflict AS conflictflag,
               r.conflict_comments AS conflictdetail, r.created_at AS createdat, r.updated_at AS updatedat,
               r.deleted_at AS deletedat, r.deleted_by_id AS deletedbyid, r.risk_level AS risklevel,
               b.description, r.justification
        FROM padealing.pad_request r JOIN bo_airflow.oracle_bloomberg b ON b.id = r.security_id
        """;

    /// <summary>
    /// The security lookup of a conversation (checklist 1.2, 8.1): the security the person named, or null; a restricted one is
    /// refused there, with its reason, and the refused attempt audited as a blocked submission with no request
    /// (e2e_test_scenarios.md:164-179) — before a single further question is asked.
    /// </summary>
    public async Task<LookedUp> LookUpAsync(Employee employee, Security? security)
    {
        if (security is null) return new LookedUp(null, null);
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        if (await RestrictionAsync(conn, tx, security) is not { } reason) return new LookedUp(security, null);
        await AuditAsync(conn, tx, null, employee.Id, AuditAction.Submitted, new { ticker = security.Ticker, reason }, blocked: true);
        await tx.CommitAsync();
        return new LookedUp(security, reason);
    }

    public async Task<Outcome<Submission>> SubmitAsync(Employee employee, TradeDraft draft)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var security = await conn.QueryFirstOrDefaultAsync<Security>(
            "SELECT id, ticker, description, trade_currency AS currency, bloomberg FROM bo_airflow.oracle_bloomberg WHERE upper(ticker) = upper(@t) AND is_deleted_yn = 'N'",
            new { t = draft.Ticker }, tx);
        if (security is null)
            return Outcome<Submission>.Refused($"I don't know the security '{draft.Ticker}'. Please use its ticker, e.g. AAPL.");
        if (!draft.NoInsideInformation)
            return Outcome<Submission>.Refused("A request can only be submitted if you hold no inside information.");

        // Checked again at submission: the list may have changed since the lookup, and the API submits without one.
        if (await RestrictionAsync(conn, tx, security) is { } reason)
        {
            await AuditAsync(conn, tx, null, employee.Id, AuditAction.Submitted,
                new { ticker = security.Ticker, reason, draft.Direction, draft.Quantity }, blocked: true);
            await tx.CommitAsync();
            return Outcome<Submission>.Refused($"{security.Ticker} is on the restricted list ({reason}). Your request was not submitted.");
        }

        var conflict = await ConflictAsync(conn, tx, security);
        // Stryker disable once all : the conflict-blocks fault's own refusal, never reached without the fault
        if (conflict is not null && faults.Has("conflict-blocks"))
            return Outcome<Submission>.Refused($"{security.Ticker} conflicts with firm trading ({conflict}). Your request was not submitted.");

        var routing = await RiskRouting.ReadAsync(conn, tx, faults);
        var risk = routing.RiskOf(draft.EstimatedValue);
        var status = routing.FirstStatus(risk);
        var id = await conn.ExecuteScalarAsync<int>("""
            INSERT INTO padealing.pad_request (employee_id, security_id, ticker, direction, quantity, estimated_value, currency, status,
                                               insider_info_declaration, insider_info_declared_at, has_conflict, conflict_comments,
                                               reference_id, justification, risk_level, created_at, updated_at)
            VALUES (@employee, @security, @ticker, @direction, @quantity, @value, @currency, @status, true, @now, @flag, @conflict,
                    @reference, @reason, @risk, @now, @now)
            RETURNING id
            """, new
        {
            employee = employee.Id, security = security.Id, ticker = security.Ticker, direction = draft.Direction.ToUpperInvariant(),
            quantity = draft.Quantity, value = draft.EstimatedValue, currency = draft.Currency, flag = conflict is not null, conflict,
            now = Now, reference = $"{employee.MakoId}-{Now:yyMMdd}-{security.Ticker}", reason = draft.Reason, status, risk,
        }, tx);
        await AuditAsync(conn, tx, id, employee.Id, AuditAction.Submitted,
            new { ticker = security.Ticker, draft.Direction, draft.Quantity, draft.EstimatedValue, draft.Currency, conflict_flag = conflict is not null, risk_level = risk, status });
        await tx.CommitAsync();
        return Outcome<Submission>.Done(new Submission(id, security, conflict is not null, conflict, status, risk));
    }

    public Task<Outcome<Decision>> DecideAsManagerAsync(int requestId, Employee manager, bool approve, string? comment = null)
    {
        var approvedTo = Status.PendingCompliance;
        // Stryker disable once all : the approval-skips-compliance fault, never reached without the fault
        if (faults.Has("approval-skips-compliance")) approvedTo = Status.Approved;
        return DecideAsync(requestId, manager, approve, comment, "manager", async (conn, tx, request) =>
        {
            if (request.Status != Status.PendingManager)
                return $"Request #{request.Id} is not waiting for a manager decision (it is {request.Status}).";
            var employee = await people.ByIdAsync(request.EmployeeId);
            return employee?.ManagerId == manager.Id ? null : $"You are not the manager of the employee who made request #{request.Id}.";
        }, _ => approve ? approvedTo : Status.Declined);
    }

    public Task<Outcome<Decision>> DecideAsComplianceAsync(int requestId, Employee officer, bool approve, string? comment = null) =>
        DecideAsync(requestId, officer, approve, comment, "compliance", (_, _, request) => Task.FromResult(
            !officer.IsCompliance ? "Only compliance can make the compliance decision."
            : request.EmployeeId == officer.Id ? "Compliance cannot decide on their own request."
            : request.Status != Status.PendingCompliance ? $"Request #{request.Id} is not waiting for compliance (it is {request.Status})."
            : null), request => approve ? RiskRouting.AfterCompliance(request.RiskLevel, faults) : Status.Declined);

    /// <summary>The SMF16 approver's decision on a high-risk request compliance has approved (e2e_test_scenarios.md:103-145).</summary>
    public Task<Outcome<Decision>> DecideAsSmf16Async(int requestId, Employee approver, bool approve, string? comment = null) =>
        DecideAsync(requestId, approver, approve, comment, "smf16", (_, _, request) => Task.FromResult(
            !approver.IsSmf16 ? "Only the SMF16 approver can make the SMF16 decision."
            : request.EmployeeId == approver.Id ? "The SMF16 approver cannot decide on their own request."
            : request.Status != Status.PendingSmf16 ? $"Request #{request.Id} is not waiting for the SMF16 approver (it is {request.Status})."
            : null), _ => approve ? Status.Approved : Status.Declined);

    /// <remarks>
    /// A decline needs a reason (checklist 5.2 "rejection reason (required)"; the decline API's reason,
    /// T/e2e_uat_audit_20251229/e2e_test_scenarios.md:413-420), kept as the decision's comments, as an approval's are.
    /// </remarks>
    private async Task<Outcome<Decision>> DecideAsync(int requestId, Employee approver, bool approve, string? comment, string approvalType,
        Func<NpgsqlConnection, NpgsqlTransaction, PadRequestRow, Task<string?>> refusal, Func<PadRequestRow, string> nextStatus)
    {
        if (!approve && string.IsNullOrWhiteSpace(comment) && !faults.Has("decline-without-reason"))
            return Outcome<Decision>.Refused($"A reason is required to decline request #{requestId}: write it in the comments box, then click Decline.");
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var request = await LockAsync(conn, tx, requestId);
        if (request is null) return Outcome<Decision>.Refused($"There is no request #{requestId}.");
        if (await refusal(conn, tx, request) is { } reason) return Outcome<Decision>.Refused(reason);
        var newStatus = nextStatus(request);

        var decision = approve ? "approved" : "declined";
        await conn.ExecuteAsync("""
            INSERT INTO padealing.pad_approval (request_id, approval_type, approver_id, decision, comments, decided_at)
            VALUES (@requestId, @approvalType, @approver, @decision, @comment, @now)
            """, new { requestId, approvalType, approver = approver.Id, decision, comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), now = Now }, tx);
        await SetStatusAsync(conn, tx, requestId, newStatus);
        if (!faults.Has("skip-audit"))
            await AuditAsync(conn, tx, requestId, approver.Id, AuditAction.Decided(approvalType, decision), new { from = request.Status, to = newStatus });
        await tx.CommitAsync();
        return Outcome<Decision>.Done(new Decision(request, newStatus, comment));
    }

    /// <summary>
    /// Whether the person may record an execution of the request, as far as it is known yet: asked at each turn of the
    /// execution conversation (checklist 4.1-4.3: the request's details, then the date "validated", then the quantity), and
    /// once more when it is recorded. Returns the request and when it was approved.
    /// </summary>
    public async Task<Outcome<Executable>> ExecutableAsync(int requestId, Employee employee, DateTime? executedAt = null, decimal? quantity = null)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        return await ExecutableAsync(conn, tx, requestId, employee, executedAt, quantity);
    }

    /// <param name="confirmationNumber">The broker's trade reference (checklist 4.5), kept as pad_execution.broker_reference.</param>
    public async Task<Outcome<ExecutionRecord>> RecordExecutionAsync(int requestId, Employee employee, DateTime executedAt,
        decimal price, decimal quantity, string? confirmationNumber = null)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var executable = await ExecutableAsync(conn, tx, requestId, employee, executedAt, quantity);
        if (!executable.Ok) return Outcome<ExecutionRecord>.Refused(executable.Refusal!);
        var within = executedAt <= (await ExecutionDeadline.ReadAsync(conn, tx, faults)).After(executable.Value!.ApprovedAt);

        await conn.ExecuteAsync("""
            INSERT INTO padealing.pad_execution (request_id, executed_at, execution_price, execution_quantity, broker_reference, recorded_by_id)
            VALUES (@requestId, @executedAt, @price, @quantity, @confirmationNumber, @by);
            UPDATE padealing.pad_request SET executed_within_two_days = @within WHERE id = @requestId;
            """, new { requestId, executedAt, price, quantity, confirmationNumber, within, by = employee.Id }, tx);
        await SetStatusAsync(conn, tx, requestId, Status.Executed);
        await AuditAsync(conn, tx, requestId, employee.Id, AuditAction.ExecutionRecorded,
            new { price, quantity, confirmation_number = confirmationNumber, executed_within_two_days = within });
        await tx.CommitAsync();
        return Outcome<ExecutionRecord>.Done(new ExecutionRecord(executable.Value.Request, executedAt, price, quantity, within));
    }

    private async Task<Outcome<Executable>> ExecutableAsync(NpgsqlConnection conn, NpgsqlTransaction tx, int requestId, Employee employee,
        DateTime? executedAt, decimal? quantity)
    {
        var request = await LockAsync(conn, tx, requestId);
        if (request is null || request.EmployeeId != employee.Id)
            return Outcome<Executable>.Refused($"You have no request #{requestId}.");
        if (request.Status != Status.Approved)
            return Outcome<Executable>.Refused($"Request #{requestId} cannot be executed: it is {request.Status}, not approved.");
        // Approved by the last decision, or at submission when auto-approved (no approval row).
        var approvedAt = await conn.ExecuteScalarAsync<DateTime>(
            "SELECT coalesce((SELECT max(decided_at) FROM padealing.pad_approval WHERE request_id = @requestId), @created)",
            new { requestId, created = request.CreatedAt }, tx);
        if (executedAt < approvedAt)
            return Outcome<Executable>.Refused($"The execution time is before request #{requestId} was approved.");
        if (executedAt > Now.AddMinutes(5))
            return Outcome<Executable>.Refused("The execution time is in the future.");
        if (quantity > request.Quantity)
            return Outcome<Executable>.Refused($"You were approved for {request.Quantity:0.##}, not {quantity:0.##}.");
        return Outcome<Executable>.Done(new Executable(request, approvedAt));
    }

    /// <summary>Whether the person may withdraw the request (checklist 6.1: "confirms request can be withdrawn (not yet executed)").</summary>
    public async Task<Outcome<PadRequestRow>> WithdrawableAsync(int requestId, Employee employee)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        return await WithdrawableAsync(conn, tx, requestId, employee);
    }

    /// <param name="reason">Why, when the person gave a reason (optional: checklist 6.1), kept in the audit row's details.</param>
    public async Task<Outcome<PadRequestRow>> WithdrawAsync(int requestId, Employee employee, string? reason = null)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var withdrawable = await WithdrawableAsync(conn, tx, requestId, employee);
        if (!withdrawable.Ok) return withdrawable;
        var request = withdrawable.Value!;

        var softDelete = ", deleted_at = @now, deleted_by_id = @by";
        // Stryker disable once all : the withdraw-without-soft-delete fault, never reached without the fault
        if (faults.Has("withdraw-without-soft-delete")) softDelete = "";
        await conn.ExecuteAsync($"UPDATE padealing.pad_request SET status = 'withdrawn', updated_at = @now{softDelete} WHERE id = @requestId",
            new { requestId, now = Now, by = employee.Id }, tx);
        await AuditAsync(conn, tx, requestId, employee.Id, AuditAction.Withdrawn, new { from = request.Status, reason });
        await tx.CommitAsync();
        return withdrawable;
    }

    private static async Task<Outcome<PadRequestRow>> WithdrawableAsync(NpgsqlConnection conn, NpgsqlTransaction tx, int requestId, Employee employee)
    {
        var request = await LockAsync(conn, tx, requestId);
        if (request is null || request.EmployeeId != employee.Id)
            return Outcome<PadRequestRow>.Refused($"You have no request #{requestId}.");
        return request.Status is Status.PendingManager or Status.PendingCompliance or Status.PendingSmf16 or Status.Approved
            ? Outcome<PadRequestRow>.Done(request)
            : Outcome<PadRequestRow>.Refused($"Request #{requestId} cannot be withdrawn: it is {request.Status}.");
    }

    private static Task<PadRequestRow?> LockAsync(NpgsqlConnection conn, NpgsqlTransaction tx, int requestId) =>
        conn.QueryFirstOrDefaultAsync<PadRequestRow>(RequestSelect + " WHERE r.id = @requestId AND r.deleted_at IS NULL FOR UPDATE OF r",
            new { requestId }, tx);

    private Task SetStatusAsync(NpgsqlConnection conn, NpgsqlTransaction tx, int requestId, string status) =>
        conn.ExecuteAsync("UPDATE padealing.pad_request SET status = @status, updated_at = @now WHERE id = @requestId",
            new { requestId, status, now = Now }, tx);

    /// <summary>Why the security is restricted, while a restriction is in force; null otherwise (or with the allow-restricted fault).</summary>
    private async Task<string?> RestrictionAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Security security) =>
        faults.Has("allow-restricted") ? null : await conn.QueryFirstOrDefaultAsync<string>(
            "SELECT reason FROM padealing.restricted_security WHERE security_id = @id AND is_active LIMIT 1", new { id = security.Id }, tx);

    /// <summary>The advisory firm-trading check: the firm holds a position in the security. Off when compliance_config says so.</summary>
    private static async Task<string?> ConflictAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Security security)
    {
        if ((await ComplianceConfig.ReadAsync(conn, tx, "conflict_detection")).GetValueOrDefault("conflict_detection") != "enabled") return null;
        var group = await conn.QueryFirstOrDefaultAsync<string>("""
            SELECT g.name FROM bo_airflow.oracle_position p JOIN bo_airflow.oracle_portfolio_group g ON g.id = p.portfolio_group_id
            WHERE p.security_id = @id AND p.quantity <> 0 ORDER BY abs(p.quantity) DESC LIMIT 1
            """, new { id = security.Id }, tx);
        return group is null ? null : $"the firm holds a position in {security.Ticker} ({group})";
    }

    private Task AuditAsync(NpgsqlConnection conn, NpgsqlTransaction tx, int? requestId, int actorId, string action, object details,
        bool blocked = false) =>
        conn.ExecuteAsync("""
            INSERT INTO padealing.audit_log ("timestamp", action_type, action_status, actor_type, actor_id, entity_type, entity_id, request_id, details)
            VALUES (@now, @action, @status, 'user', @actorId, 'pad_request', @requestId, @requestId, @details::jsonb)
            """, new { requestId, actorId, action, status = blocked ? "blocked" : "success", details = JsonSerializer.Serialize(details), now = Now }, tx);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
