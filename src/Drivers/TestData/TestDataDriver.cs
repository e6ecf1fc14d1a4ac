using Dapper;
using Npgsql;
using PadUat.Drivers.Database;
using PadUat.Support.Evidence;
using PadUat.Support.TestData;

namespace PadUat.Drivers.TestData;

/// <summary>
/// Creates what a scenario needs that the SUT's own interfaces cannot (a restricted-list entry, as the plan's
/// 5.1 does by SQL; a request approved days ago), registers every row, and deletes exactly those afterwards.
/// Writes go through <see cref="WriteGuard"/>: nothing here can touch bo_airflow.
/// </summary>
public sealed class TestDataDriver(PadDatabase db, Evidence evidence, CreatedRows created, Support.ScenarioClock clock)
{
    public Task<int> RestrictAsync(Security security, string reason, Employee addedBy) =>
        evidence.StepAsync($"Test data: put {security.Ticker} on the restricted list", async () =>
        {
            created.WillRestrict(security.Ticker, addedBy.Id, clock.Start);
            var id = await WriteAsync<int>($"restrict {security.Ticker}", """
                INSERT INTO padealing.restricted_security (security_id, ticker, reason, added_by_id, is_active)
                VALUES (@security, @ticker, @reason, @addedBy, true) RETURNING id
                """, new { security = security.Id, ticker = security.Ticker, reason, addedBy = addedBy.Id });
            created.Row("padealing.restricted_security", id);
            return id;
        });

    /// <summary>A request that went through manager and compliance approval <paramref name="approvedAgo"/> ago, with its audit trail.</summary>
    public Task<int> ApprovedRequestAsync(Employee employee, Employee manager, Employee officer, Security security, decimal quantity,
        decimal estimatedValue, TimeSpan approvedAgo) =>
        evidence.StepAsync($"Test data: request for {quantity:0.##} {security.Ticker} approved {approvedAgo.TotalHours:0.#} hours ago", async () =>
        {
            // Its created_at lies in the past: announced from then, so a run that dies here is still cleaned up.
            created.WillCreateRequestsAs(employee.Id, clock.Start - approvedAgo - TimeSpan.FromHours(3));
            var id = await WriteAsync<int>("approved request with its approvals and audit trail", """
                WITH r AS (
                    INSERT INTO padealing.pad_request (employee_id, security_id, direction, quantity, estimated_value, currency, status,
                                                       no_inside_information, created_at, updated_at)
                    VALUES (@employee, @security, 'buy', @quantity, @value, @currency, 'approved', true,
                            now() - @ago - interval '2 hours', now() - @ago)
                    RETURNING id
                ), approvals AS (
                    INSERT INTO padealing.pad_approval (request_id, approval_type, approver_id, decision, decided_at)
                    SELECT r.id, a.kind, a.approver, 'approved', now() - @ago - a.before
                    FROM r, (VALUES ('manager', @manager, interval '1 hour'), ('compliance', @officer, interval '0')) AS a(kind, approver, before)
                ), audit AS (
                    INSERT INTO padealing.audit_log (request_id, actor_id, action, details, created_at)
                    SELECT r.id, a.actor, a.action, '{"source": "uat test data"}'::jsonb, now() - @ago - a.before
                    FROM r, (VALUES (@employee, 'request_submitted', interval '2 hours'), (@manager, 'manager_approved', interval '1 hour'),
                                    (@officer, 'compliance_approved', interval '0')) AS a(actor, action, before)
                )
                SELECT id FROM r
                """, new
            {
                employee = employee.Id, manager = manager.Id, officer = officer.Id, security = security.Id, quantity,
                value = estimatedValue, currency = security.Currency, ago = approvedAgo,
            });
            created.Request(id);
            return id;
        });

    /// <summary>Deletes every row the scenario registered; returns how many went.</summary>
    public Task<int> CleanUpAsync() => evidence.StepAsync("Test data: delete the rows this scenario created (plan 6.3)", async () =>
    {
        await using var conn = await db.OpenAsync();
        var deleted = await created.DeleteAllAsync(conn);
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
