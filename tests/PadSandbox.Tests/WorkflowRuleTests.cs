using Dapper;
using PadSandbox.Workflow;
using Xunit;

namespace PadSandbox.Tests;

/// <summary>Every workflow rule and every illegal action of the PA-dealing process, against the real database.</summary>
[Collection(SandboxCollection.Name)]
public sealed class WorkflowRuleTests(SandboxFixture f)
{
    private const string Employee = "alex.morgan@paduat.example";      // manager: sam.rivera
    private const string Manager = "sam.rivera@paduat.example";
    private const string Compliance = "jordan.blake@paduat.example";
    private const string Colleague = "riley.fenwick@paduat.example";   // same manager, not a manager

    private const string Smf16 = "morgan.ashdown@paduat.example";

    /// <summary>10 shares at 1 500: 15 000, a medium-risk value (the manager, then compliance) under the seeded thresholds.</summary>
    private static TradeDraft Draft(string ticker = "AAPL", decimal price = 1500) =>
        new(ticker, "BUY", 10, price, "USD", "Portfolio diversification", NoInsideInformation: true);

    private async Task<int> SubmitAsync(string ticker = "AAPL", decimal price = 1500) =>
        (await f.Workflow.SubmitAsync(await f.PersonAsync(Employee), Draft(ticker, price))).Value!.RequestId;

    [Theory]
    [InlineData(999.999, "approved", 0L)]       // 9 999.99: low risk, approved with no approval row
    [InlineData(1000, "pending_manager", 0L)]    // exactly the medium threshold: the manager decides
    public async Task Below_the_medium_threshold_a_request_is_approved_at_once_from_it_the_manager_decides(decimal price, string status, long approvals)
    {
        var (actual, _, rows) = await StateAsync(await SubmitAsync(price: price));
        Assert.Equal((status, approvals), (actual, rows));
    }

    [Fact]
    public async Task From_the_high_threshold_compliances_approval_is_followed_by_the_smf16_approvers()
    {
        var id = await SubmitAsync(price: 5000); // 50 000: high
        Assert.True((await f.Workflow.DecideAsManagerAsync(id, await f.PersonAsync(Manager), true)).Ok);
        Assert.True((await f.Workflow.DecideAsComplianceAsync(id, await f.PersonAsync(Compliance), true)).Ok);
        Assert.Equal(Status.PendingSmf16, (await StateAsync(id)).Status);
        Assert.Contains("Only the SMF16 approver", (await f.Workflow.DecideAsSmf16Async(id, await f.PersonAsync(Compliance), true)).Refusal);
        Assert.True((await f.Workflow.DecideAsSmf16Async(id, await f.PersonAsync(Smf16), true)).Ok);
        Assert.Equal((Status.Approved, 4L, 3L), await StateAsync(id));
    }

    private async Task<int> ApprovedAsync()
    {
        var id = await SubmitAsync();
        Assert.True((await f.Workflow.DecideAsManagerAsync(id, await f.PersonAsync(Manager), true)).Ok);
        Assert.True((await f.Workflow.DecideAsComplianceAsync(id, await f.PersonAsync(Compliance), true)).Ok);
        return id;
    }

    private async Task<(string Status, long Audit, long Approvals)> StateAsync(int id)
    {
        await using var conn = await f.Db.OpenConnectionAsync();
        return await conn.QuerySingleAsync<(string, long, long)>("""
            SELECT status, (SELECT count(*) FROM padealing.audit_log WHERE request_id = r.id),
                   (SELECT count(*) FROM padealing.pad_approval WHERE request_id = r.id)
            FROM padealing.pad_request r WHERE id = @id
            """, new { id });
    }

    [Fact]
    public async Task Submission_waits_for_the_manager_and_writes_one_audit_row() =>
        Assert.Equal((Status.PendingManager, 1L, 0L), await StateAsync(await SubmitAsync()));

    [Fact]
    public async Task Manager_then_compliance_approval_makes_it_approved_with_one_audit_row_each()
    {
        var id = await ApprovedAsync();
        Assert.Equal((Status.Approved, 3L, 2L), await StateAsync(id));
    }

    [Fact]
    public async Task A_restricted_security_is_refused_with_one_audit_row_and_no_request()
    {
        await using var conn = await f.Db.OpenConnectionAsync();
        var before = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM padealing.pad_request");
        var auditBefore = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM padealing.audit_log WHERE request_id IS NULL");
        var outcome = await f.Workflow.SubmitAsync(await f.PersonAsync(Employee), Draft("BARC"));
        Assert.Contains("restricted list", outcome.Refusal);
        Assert.Equal(before, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM padealing.pad_request"));
        Assert.Equal(auditBefore + 1, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM padealing.audit_log WHERE request_id IS NULL"));
    }

    [Fact]
    public async Task A_conflict_is_flagged_and_not_blocked()
    {
        var outcome = await f.Workflow.SubmitAsync(await f.PersonAsync(Employee), Draft("NVDA"));
        Assert.True(outcome.Ok);
        Assert.True(outcome.Value!.ConflictFlag);
    }

    [Fact]
    public async Task Executing_before_approval_is_refused_and_changes_nothing()
    {
        var id = await SubmitAsync();
        var outcome = await f.Workflow.RecordExecutionAsync(id, await f.PersonAsync(Employee), DateTime.UtcNow, 180, 10);
        Assert.Contains("not approved", outcome.Refusal);
        Assert.Equal((Status.PendingManager, 1L, 0L), await StateAsync(id));
    }

    [Theory]
    [InlineData("2026-11-16 10:00", "2026-11-18 10:00", true)]   // Monday → Wednesday, to the minute
    [InlineData("2026-11-16 10:00", "2026-11-18 10:01", false)]
    [InlineData("2026-11-19 16:00", "2026-11-23 16:00", true)]   // Thursday → over the weekend → Monday
    [InlineData("2026-11-20 09:00", "2026-11-22 23:59", true)]   // Friday → Sunday night: 62 hours, still within
    [InlineData("2026-08-28 10:00", "2026-09-02 10:00", true)]   // Friday before the August bank holiday → Wednesday
    [InlineData("2026-08-28 10:00", "2026-09-02 10:01", false)]
    public async Task Executed_within_two_days_counts_two_business_days_from_the_compliance_approval(string approved, string executed, bool within)
    {
        var id = await ApprovedAsync();
        var at = DateTime.SpecifyKind(DateTime.Parse(approved, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        await using (var conn = await f.Db.OpenConnectionAsync())
            await conn.ExecuteAsync("UPDATE padealing.pad_approval SET decided_at = @at WHERE request_id = @id", new { id, at });
        var outcome = await f.Workflow.RecordExecutionAsync(id, await f.PersonAsync(Employee),
            DateTime.SpecifyKind(DateTime.Parse(executed, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc), 180, 10);
        Assert.Equal(within, outcome.Value!.WithinTwoDays);
        Assert.Equal(Status.Executed, (await StateAsync(id)).Status);
    }

    [Fact]
    public void A_deadline_from_a_weekend_approval_counts_from_the_next_business_day() =>
        Assert.Equal(new DateTime(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc),
            new ExecutionDeadline(2, new HashSet<DateOnly>(), CountsWeekends: false).After(new DateTime(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc)));

    [Fact]
    public async Task Deciding_twice_is_refused()
    {
        var id = await SubmitAsync();
        var manager = await f.PersonAsync(Manager);
        Assert.True((await f.Workflow.DecideAsManagerAsync(id, manager, false, "Too large")).Ok);
        Assert.Contains("not waiting", (await f.Workflow.DecideAsManagerAsync(id, manager, true)).Refusal);
        Assert.Equal((Status.Declined, 2L, 1L), await StateAsync(id));
    }

    [Fact]
    public async Task A_decline_needs_a_reason_and_keeps_it_as_its_comments()
    {
        var id = await SubmitAsync();
        var manager = await f.PersonAsync(Manager);
        Assert.Contains("reason is required", (await f.Workflow.DecideAsManagerAsync(id, manager, false, "  ")).Refusal);
        Assert.Equal((Status.PendingManager, 1L, 0L), await StateAsync(id));
        Assert.True((await f.Workflow.DecideAsManagerAsync(id, manager, false, " Too large for now ")).Ok);
        await using var conn = await f.Db.OpenConnectionAsync();
        Assert.Equal("Too large for now", await conn.ExecuteScalarAsync<string>(
            "SELECT comments FROM padealing.pad_approval WHERE request_id = @id", new { id }));
    }

    [Fact]
    public async Task Withdrawal_soft_deletes_and_is_refused_after_execution()
    {
        var id = await SubmitAsync();
        var employee = await f.PersonAsync(Employee);
        Assert.True((await f.Workflow.WithdrawAsync(id, employee)).Ok);
        await using var conn = await f.Db.OpenConnectionAsync();
        Assert.Equal(employee.Id, await conn.ExecuteScalarAsync<int?>("SELECT deleted_by_id FROM padealing.pad_request WHERE id = @id AND deleted_at IS NOT NULL", new { id }));

        var executed = await ApprovedAsync();
        Assert.True((await f.Workflow.RecordExecutionAsync(executed, employee, DateTime.UtcNow, 180, 10)).Ok);
        Assert.Contains("cannot be withdrawn", (await f.Workflow.WithdrawAsync(executed, employee)).Refusal);
    }

    [Fact]
    public async Task Acting_on_someone_elses_request_is_refused()
    {
        var id = await SubmitAsync();
        var colleague = await f.PersonAsync(Colleague);
        Assert.Contains("no request", (await f.Workflow.WithdrawAsync(id, colleague)).Refusal);
        Assert.Contains("not the manager", (await f.Workflow.DecideAsManagerAsync(id, colleague, true)).Refusal);
        Assert.Equal((Status.PendingManager, 1L, 0L), await StateAsync(id));
    }

    [Fact]
    public async Task Compliance_decisions_need_the_compliance_role_and_come_after_the_manager()
    {
        var id = await SubmitAsync();
        Assert.Contains("not waiting for compliance", (await f.Workflow.DecideAsComplianceAsync(id, await f.PersonAsync(Compliance), true)).Refusal);
        Assert.True((await f.Workflow.DecideAsManagerAsync(id, await f.PersonAsync(Manager), true)).Ok);
        Assert.Contains("Only compliance", (await f.Workflow.DecideAsComplianceAsync(id, await f.PersonAsync(Manager), true)).Refusal);
        Assert.Equal((Status.PendingCompliance, 2L, 1L), await StateAsync(id));
    }
}
