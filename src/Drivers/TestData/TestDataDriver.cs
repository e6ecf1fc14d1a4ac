using Dapper;
using Npgsql;
using PadUat.Drivers.Database;
using PadUat.Drivers.Slack;
using PadUat.Support.Contract;
using PadUat.Support.Evidence;
using PadUat.Support.TestData;

namespace PadUat.Drivers.TestData;

/// <summary>
/// Creates what a scenario needs that the SUT's own interfaces cannot (a restricted-list entry, as the plan's
/// 5.1 does by SQL; a request approved days ago), registers every row, and deletes exactly those afterwards.
/// Writes go through <see cref="WriteGuard"/>: nothing here can touch bo_airflow.
/// </summary>
public sealed class TestDataDriver(PadDatabase db, Evidence evidence, CreatedRows created, Support.ScenarioClock clock, TargetContract contract)
{
    /// <summary>What an executed request of the past was executed at: a market's price, not the estimate's round figure.</summary>
    public const decimal ExecutionPrice = TradeAsk.TypicalPrice + 0.55m;

    /// <summary>A restricted-list entry; <paramref name="inForce"/> false is a restriction compliance has since lifted.</summary>
    public Task<int> RestrictAsync(Security security, string reason, Employee addedBy, bool inForce = true) =>
        evidence.StepAsync($"Test data: put {security.Ticker} on the restricted list{(inForce ? "" : ", lifted")}", async () =>
        {
            created.WillRestrict(security.Ticker, addedBy.Id, clock.Start);
            var id = await WriteAsync<int>($"restrict {security.Ticker}", contract.Sql("""
                INSERT INTO [restriction] ([restriction.security], [restriction.ticker], [restriction.reason], [restriction.addedBy], [restriction.inForce])
                VALUES (@security, @ticker, @reason, @addedBy, @inForce) RETURNING [restriction.id]
                """), new { security = security.Id, ticker = security.Ticker, reason, addedBy = addedBy.Id, inForce });
            created.Row(JournalTables.Restriction, id);
            return id;
        });

    /// <summary>Announced before compliance adds <paramref name="ticker"/> to the restricted list through the target's own page.</summary>
    public void WillRestrictThroughTheTarget(string ticker, Employee by) => created.WillRestrict(ticker, by.Id, clock.Start);

    /// <summary>
    /// The restricted-list entries for <paramref name="ticker"/> the target made for a UAT person during this scenario (as
    /// the dashboard's Add does), registered for clean-up like the harness's own.
    /// </summary>
    public Task<int> AdoptRestrictionsAsync(string ticker, Employee by) => evidence.StepAsync($"Test data: register {ticker}'s new restricted-list entry for clean-up", async () =>
    {
        await using var conn = await db.OpenAsync();
        var ids = (await conn.QueryAsync<long>(contract.Sql("""
            SELECT [restriction.id] FROM [restriction]
            WHERE [restriction.ticker] = @ticker AND [restriction.addedBy] = @by AND [restriction.createdAt] >= @since
            """), new { ticker, by = by.Id, since = clock.Start })).ToList();
        foreach (var id in ids) created.Row(JournalTables.Restriction, id);
        return ids.Count;
    });

    /// <summary>
    /// A request with the past <paramref name="history"/> describes — its approvals, execution, withdrawal and one
    /// audit row per step — so a scenario starts exactly where the rule it checks applies.
    /// </summary>
    public Task<int> RequestAsync(RequestHistory history) =>
        evidence.StepAsync($"Test data: request for {history.Quantity:0.##} {history.Security.Ticker} by employee {history.Owner.Id}, {history.Stage}", async () =>
        {
            // Its created_at lies in the past, so no window of time can find it without taking the person's real requests:
            // its id is drawn first and journalled before the insert, and a run that dies here is cleaned up by that id.
            var id = await WriteAsync<int>("draw the request's id",
                $"SELECT nextval(pg_get_serial_sequence('{contract.Table("request")}', '{contract.Column("request", "id")}'))::int", new { });
            created.WillInsertRequest(id);
            var approvals = history.Approvals;
            var audit = history.AuditTrail;
            await WriteAsync<int>("request with its approvals, execution and audit trail", contract.Sql("""
                WITH r AS (
                    INSERT INTO [request] ([request.id], [request.person], [request.security], [request.direction], [request.quantity], [request.value],
                                           [request.currency], [request.status], [request.insideInformationDeclared], [request.createdAt], [request.updatedAt],
                                           [request.deletedAt], [request.deletedBy], [request.executedWithinWindow], [request.risk])
                    VALUES (@id, @owner, @security, @direction, @quantity, @value, @currency, @status, true, @submittedAt, @changedAt,
                            CASE WHEN @withdrawn THEN @changedAt END, CASE WHEN @withdrawn THEN @owner END, CASE WHEN @executed THEN true END, @risk)
                    RETURNING [request.id] AS id
                ), approvals AS (
                    INSERT INTO [approval] ([approval.request], [approval.stage], [approval.approver], [approval.decision], [approval.decidedAt])
                    SELECT r.id, a.kind, a.approver, a.decision, a.at
                    FROM r, unnest(@kinds::text[], @approvers::int[], @decisions::text[], @decidedAt::timestamptz[]) AS a(kind, approver, decision, at)
                ), execution AS (
                    INSERT INTO [execution] ([execution.request], [execution.executedAt], [execution.price], [execution.quantity])
                    SELECT r.id, @executedAt, @price, @quantity FROM r WHERE @executed
                ), audit AS (
                    INSERT INTO [audit] ([audit.request], [audit.actor], [audit.action], [audit.details], [audit.at])
                    SELECT r.id, a.actor, a.action, '{"source": "uat test data"}'::jsonb, a.at
                    FROM r, unnest(@actors::int[], @actions::text[], @auditAt::timestamptz[]) AS a(actor, action, at)
                )
                SELECT id FROM r
                """), new
            {
                id, owner = history.Owner.Id, security = history.Security.Id, direction = contract.Word(history.Direction), quantity = history.Quantity,
                value = history.Value, risk = history.Risk is { } risk ? contract.Word(risk) : null, currency = history.Security.Currency, status = contract.Word(history.Status),
                submittedAt = history.SubmittedAt, changedAt = history.LastChangeAt, withdrawn = history.Stage == RequestStage.Withdrawn,
                kinds = approvals.Select(a => contract.Word(a.Stage)).ToArray(), approvers = approvals.Select(a => a.Approver).ToArray(),
                decisions = approvals.Select(a => contract.Word(a.Decision)).ToArray(), decidedAt = approvals.Select(a => a.At).ToArray(),
                executed = history.Stage == RequestStage.Executed, executedAt = history.ExecutedAt, price = ExecutionPrice,
                actors = audit.Select(a => a.Actor).ToArray(), actions = audit.Select(a => contract.Word(a.Action)).ToArray(), auditAt = audit.Select(a => a.At).ToArray(),
            });
            return id;
        });

    /// <summary>Deletes every row the scenario registered; returns how many went.</summary>
    public Task<int> CleanUpAsync() => evidence.StepAsync("Test data: delete the rows this scenario created (plan 6.3)", async () =>
    {
        await using var conn = await db.OpenAsync();
        var deleted = await created.DeleteAllAsync(conn, contract);
        evidence.Attach("rows deleted", "text/plain", $"{deleted} row(s) deleted");
        return deleted;
    });

    private async Task<T> WriteAsync<T>(string title, string sql, object args)
    {
        WriteGuard.Check(sql);
        await using var conn = await db.OpenAsync();
        var result = await conn.ExecuteScalarAsync<T>(sql, args);
        evidence.Attach(title, "text/plain", SqlEvidence.Render(sql, args, [result]));
        return result!;
    }
}
