using PadUat.Support.Evidence;
using PadUat.Support.Contract;

namespace PadUat.Drivers.Database;

/// <param name="Reason">Why the employee trades, as they gave it (checklist 1.9); <paramref name="Risk"/>: its assessed risk, as stored.</param>
public sealed record PadRequest(int Id, int EmployeeId, string Ticker, string Direction, decimal Quantity, decimal EstimatedValue,
    string Currency, string Status, bool ConflictFlag, string? ConflictDetail, DateTime CreatedAt, DateTime? DeletedAt, int? DeletedById,
    string? Reason, string? Risk);

public sealed record PadApproval(int RequestId, string ApprovalType, int ApproverId, string Decision, string? Comment, DateTime DecidedAt);

/// <param name="ConfirmationNumber">The broker's trade reference the employee gave (checklist 4.5).</param>
public sealed record PadExecution(int RequestId, DateTime ExecutedAt, decimal Price, decimal Quantity, bool ExecutedWithinTwoDays, string? ConfirmationNumber);

/// <param name="Outcome">How the action ended, where the target records it (else null).</param>
public sealed record AuditEntry(long Id, int? RequestId, int ActorId, string Action, string Details, DateTime CreatedAt, string? Outcome = null);

/// <summary>
/// Everything the database holds about one request — its row, approvals, execution and audit trail — written
/// out so two moments can be compared: a refused action must leave it exactly as it was.
/// </summary>
public sealed record RequestTrail(string Text)
{
    public override string ToString() => Text;
}

public sealed record RestrictedListEntry(int Id, string Ticker, string Reason, int AddedById, bool IsActive);

/// <summary>An entry of the restricted list in force, with what its page shows of it (checklist 8.2): the security's name and when it was added.</summary>
public sealed record RestrictedListing(string Ticker, string SecurityName, string Reason, int AddedById, DateTime AddedAt);

/// <summary>
/// The plan's validation queries over the PA-dealing tables: requests, approvals, executions, the audit log, the restricted
/// list — each written in the harness's concepts and translated to the target's tables, columns and values by its contract.
/// </summary>
public sealed class PadRecords(PadDatabase db, TargetContract contract)
{
    private string RequestColumns => contract.Sql("""
        r.[request.id] AS Id, r.[request.person] AS EmployeeId, b.[security.ticker] AS Ticker, r.[request.direction] AS Direction,
        r.[request.quantity] AS Quantity, r.[request.value] AS EstimatedValue, r.[request.currency] AS Currency, r.[request.status] AS Status,
        r.[request.conflict] AS ConflictFlag, r.[request.conflictDetail] AS ConflictDetail, r.[request.createdAt] AS CreatedAt,
        r.[request.deletedAt] AS DeletedAt, r.[request.deletedBy] AS DeletedById, r.[request.reason] AS Reason, r.[request.risk] AS Risk
        FROM [request] r JOIN [security] b ON b.[security.id] = r.[request.security]
        """);

    private string AuditColumns => contract.Sql("""
        [audit.id] AS Id, [audit.request] AS RequestId, [audit.actor] AS ActorId, [audit.action] AS Action, [audit.details]::text AS Details, [audit.at] AS CreatedAt,
        """) + (contract.HasColumn("audit", "outcome") ? contract.Sql("[audit.outcome]::text") : "NULL::text") + contract.Sql(" AS Outcome FROM [audit]");

    /// <summary>An audit row as compliance reads it: its action, and how it ended where the target records that ("pad_request_submitted (blocked)").</summary>
    public static string Recorded(AuditEntry row) => row.Outcome is null ? row.Action : $"{row.Action} ({row.Outcome})";

    /// <summary>What <see cref="Recorded"/> says of an action that ended so, in this target's words.</summary>
    public string Recorded(AuditEvent action, AuditOutcome outcome) =>
        contract.HasColumn("audit", "outcome") ? $"{Word(action)} ({Word(outcome)})" : Word(action);

    /// <summary>The stored word for a status, decision or audit action (e.g. what this target calls "rejected").</summary>
    public string Word(Enum meaning) => contract.Word(meaning);

    public Task<DateTime> DatabaseNowAsync() => db.ScalarAsync<DateTime>("database clock", "SELECT now()");

    public Task<PadRequest?> RequestAsync(int id) =>
        db.SingleOrDefaultAsync<PadRequest>($"request #{id}", $"SELECT {RequestColumns} WHERE r.{contract.Column("request", "id")} = @id", new { id });

    public Task<IReadOnlyList<PadRequest>> RequestsSinceAsync(int employeeId, DateTime since) =>
        db.QueryAsync<PadRequest>("the employee's requests in this scenario", $"SELECT {RequestColumns} " +
            contract.Sql("WHERE r.[request.person] = @employeeId AND r.[request.createdAt] >= @since ORDER BY r.[request.id]"), new { employeeId, since });

    public Task<IReadOnlyList<PadApproval>> ApprovalsAsync(int requestId) =>
        db.QueryAsync<PadApproval>($"approvals of request #{requestId}", contract.Sql("""
            SELECT [approval.request] AS RequestId, [approval.stage] AS ApprovalType, [approval.approver] AS ApproverId, [approval.decision] AS Decision,
                   [approval.comment] AS Comment, [approval.decidedAt] AS DecidedAt
            FROM [approval] WHERE [approval.request] = @requestId ORDER BY [approval.decidedAt]
            """), new { requestId });

    public Task<PadExecution?> ExecutionAsync(int requestId) =>
        db.SingleOrDefaultAsync<PadExecution>($"execution of request #{requestId}", contract.Sql("""
            SELECT [execution.request] AS RequestId, [execution.executedAt] AS ExecutedAt, [execution.price] AS Price, [execution.quantity] AS Quantity,
                   r.[request.executedWithinWindow] AS ExecutedWithinTwoDays, [execution.brokerReference] AS ConfirmationNumber
            FROM [execution] JOIN [request] r ON r.[request.id] = [execution.request] WHERE [execution.request] = @requestId
            """), new { requestId });

    public Task<IReadOnlyList<AuditEntry>> AuditTrailAsync(int requestId) =>
        db.QueryAsync<AuditEntry>($"audit trail of request #{requestId}",
            $"SELECT {AuditColumns} " + contract.Sql("WHERE [audit.request] = @requestId ORDER BY [audit.id]"), new { requestId });

    /// <summary>The audit rows of these requests, whoever wrote them: what a page of the whole audit log may show of them.</summary>
    public Task<IReadOnlyList<AuditEntry>> AuditTrailsAsync(IReadOnlyCollection<int> requestIds) =>
        db.QueryAsync<AuditEntry>($"audit trails of {requestIds.Count} requests",
            $"SELECT {AuditColumns} " + contract.Sql("WHERE [audit.request] = ANY(@requestIds) ORDER BY [audit.id]"), new { requestIds = requestIds.ToArray() });

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
        db.QueryAsync<AuditEntry>("audit rows without a request by this person in this scenario", $"SELECT {AuditColumns} " +
            contract.Sql("WHERE [audit.request] IS NULL AND [audit.actor] = @actorId AND [audit.at] >= @since ORDER BY [audit.id]"), new { actorId, since });

    public async Task<IReadOnlyDictionary<string, long>> StatusCountsAsync(int? employeeId)
    {
        var rows = await db.QueryAsync<(string Status, long Count)>("requests by status", contract.Sql("""
            SELECT [request.status], count(*) FROM [request] WHERE (@employeeId::int IS NULL OR [request.person] = @employeeId)
            GROUP BY [request.status] ORDER BY [request.status]
            """), new { employeeId });
        return rows.ToDictionary(r => r.Status, r => r.Count);
    }

    /// <summary>The figures the dashboard summary shows: the total, each status the contract names, and open conflicts.</summary>
    public IReadOnlyList<string> SummaryFigureNames => ["total", .. contract.Words<PadStatus>().Values, "open-conflicts"];

    /// <summary>The dashboard summary's figures as the database counts them, for the firm or for one employee's requests.</summary>
    public async Task<IReadOnlyDictionary<string, long>> SummaryFiguresAsync(int? employeeId = null)
    {
        var figures = new Dictionary<string, long>(await StatusCountsAsync(employeeId));
        foreach (var status in contract.Words<PadStatus>().Values)
            figures.TryAdd(status, 0);
        figures["total"] = figures.Values.Sum();
        figures["open-conflicts"] = await OpenConflictCountAsync(employeeId);
        return figures;
    }

    /// <summary>The summary's figures with a digest of the rows behind them, so a reader can tell whether anything moved meanwhile.</summary>
    public async Task<Dashboard.SummaryState> SummaryStateAsync(int? employeeId = null) => new(await SummaryFiguresAsync(employeeId),
        await db.ScalarAsync<string>("the rows behind the summary (a digest of ids, statuses, conflict flags and update times)", contract.Sql("""
            SELECT coalesce(md5(string_agg([request.id] || ':' || [request.status] || ':' || [request.conflict] || ':' || [request.updatedAt], ',' ORDER BY [request.id])), '-')
            FROM [request] WHERE (@employeeId::int IS NULL OR [request.person] = @employeeId)
            """), new { employeeId }));

    public Task<long> CountAsync(string? status, int? employeeId, string? ticker = null) =>
        db.ScalarAsync<long>($"requests{(status is null ? "" : $" with status {status}")}{(employeeId is null ? "" : $" of employee {employeeId}")}" +
            $"{(ticker is null ? "" : $" in {ticker}")}", contract.Sql("""
            SELECT count(*) FROM [request] r JOIN [security] b ON b.[security.id] = r.[request.security]
            WHERE (@status::text IS NULL OR r.[request.status] = @status) AND (@employeeId::int IS NULL OR r.[request.person] = @employeeId)
              AND (@ticker::text IS NULL OR b.[security.ticker] = @ticker)
            """), new { status, employeeId, ticker });

    /// <summary>Requests waiting for compliance, firm-wide: the compliance view's queue.</summary>
    public Task<long> ComplianceQueueCountAsync() => CountAsync(contract.Word(PadStatus.WaitingForCompliance), null);

    public Task<long> OpenConflictCountAsync(int? employeeId = null) =>
        db.ScalarAsync<long>("open requests flagged with a conflict", contract.Sql("""
            SELECT count(*) FROM [request] WHERE [request.conflict] AND [request.status] = ANY(@open)
              AND (@employeeId::int IS NULL OR [request.person] = @employeeId)
            """), new { employeeId, open = new[] { contract.Word(PadStatus.WaitingForManager), contract.Word(PadStatus.WaitingForCompliance) } });

    public Task<IReadOnlyList<RestrictedListing>> RestrictedListAsync() =>
        db.QueryAsync<RestrictedListing>("the active restricted list", contract.Sql("""
            SELECT s.[restriction.ticker] AS Ticker, b.[security.description] AS SecurityName, s.[restriction.reason] AS Reason,
                   s.[restriction.addedBy] AS AddedById, s.[restriction.createdAt] AS AddedAt
            FROM [restriction] s JOIN [security] b ON b.[security.id] = s.[restriction.security]
            WHERE s.[restriction.inForce] ORDER BY s.[restriction.ticker]
            """));

    /// <summary>Every restricted-list entry for <paramref name="ticker"/>, in force or not.</summary>
    public Task<IReadOnlyList<RestrictedListEntry>> RestrictionsOfAsync(string ticker) =>
        db.QueryAsync<RestrictedListEntry>($"the restricted-list entries for {ticker}", contract.Sql("""
            SELECT [restriction.id] AS Id, [restriction.ticker] AS Ticker, [restriction.reason] AS Reason, [restriction.addedBy] AS AddedById,
                   [restriction.inForce] AS IsActive
            FROM [restriction] WHERE [restriction.ticker] = @ticker ORDER BY [restriction.id]
            """), new { ticker });

    /// <summary>The risk stored for each of <paramref name="requestIds"/>, as the target's word (null where none is stored).</summary>
    public async Task<IReadOnlyDictionary<int, string?>> RisksAsync(IReadOnlyCollection<int> requestIds) =>
        (await db.QueryAsync<(int Id, string? Risk)>("the stored risk of the listed requests", contract.Sql(
            "SELECT [request.id], [request.risk] FROM [request] WHERE [request.id] = ANY(@ids)"), new { ids = requestIds.ToArray() }))
        .ToDictionary(r => r.Id, r => r.Risk);

    /// <summary>
    /// The days the target's execution deadline does not count besides weekends: the setting the contract names
    /// (rules.executionWindow.holidaysSetting), a comma-separated list of ISO dates.
    /// </summary>
    public async Task<IReadOnlySet<DateOnly>> HolidaysAsync()
    {
        var value = await RequiredSettingAsync("executionWindow.holidaysSetting", "the setting that lists the holidays business days skip",
            "the holidays the execution deadline skips");
        return value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
    }

    /// <summary>
    /// Whether the target declares conflict detection (plan 5.10 "if implemented"): the contract's rule names the setting
    /// and the value that means "on". Returns what was read, for the record, with the verdict.
    /// </summary>
    public async Task<(bool Declared, string Reading)> ConflictDetectionAsync()
    {
        if (contract.Rule("conflictDetection.setting")?.GetString() is not { } key)
            return (false, $"{contract.File} declares no conflict-detection setting");
        var value = await SettingAsync(key);
        return (value == contract.Rule("conflictDetection.enabledWhen")?.GetString(), $"{contract.Table("setting")} {key} = {value ?? "absent"}");
    }

    /// <summary>
    /// The target's risk routing (contract rules.routing): the values from which the manager and compliance, then also the
    /// SMF16 approver, decide, and whether requests below are approved automatically; null where the contract declares no
    /// routing (every request then goes to the manager).
    /// </summary>
    public async Task<RiskBands?> RiskBandsAsync()
    {
        if (contract.Rule("routing") is null) return null;
        Task<string> Read(string rule, string what) => RequiredSettingAsync($"routing.{rule}", what, what);
        decimal Number(string text) => decimal.Parse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);
        return new RiskBands(Number(await Read("mediumThresholdSetting", "the value from which the manager decides")),
            Number(await Read("highThresholdSetting", "the value from which the SMF16 approver also decides")),
            await Read("autoApproveSetting", "whether low-risk requests are approved automatically") == "true");
    }

    /// <summary>
    /// The value of the setting the contract's rule <paramref name="rule"/> names: a contract without the rule, or a target
    /// without the setting, ends the scenario broken, saying which (<paramref name="setting"/>, <paramref name="value"/>).
    /// </summary>
    private async Task<string> RequiredSettingAsync(string rule, string setting, string value)
    {
        var key = contract.Rule(rule)?.GetString() ?? throw contract.Gap($"rules.{rule}", setting);
        return await SettingAsync(key) ?? throw new SetupError($"{contract.Table("setting")} has no {key}: {value}");
    }

    private Task<string?> SettingAsync(string key) => db.SingleOrDefaultAsync<string>($"setting {key}",
        contract.Sql("SELECT [setting.value] FROM [setting] WHERE [setting.key] = @key"), new { key });
}
