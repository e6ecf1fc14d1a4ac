using Dapper;
using Npgsql;
using PadUat.Support.Configuration;
using PadUat.Support.Lifecycle;
using PadUat.Support.TestData;
using Xunit;

namespace PadUat.Tests;

/// <summary>
/// A shared target is claimed by one run at a time (an advisory lock, nothing written), and what a run that died
/// left behind is found from the clean-up journal and deleted by the next run — only its rows, nobody else's.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class TargetClaimTests(SandboxFixture f) : IDisposable
{
    private const int Alex = 1010, Riley = 1011;
    private readonly string _journals = Results.NewDirectory();

    private DatabaseSettings Database => new("127.0.0.1", f.Sandbox.DatabasePort, "backoffice_db", "padealing", "pad_app_user", new Secret(f.Sandbox.AppPassword), "Disable");

    [Fact]
    public async Task A_second_run_waits_a_bounded_time_then_names_the_run_in_the_way()
    {
        await using (var first = await RunLock.AcquireAsync(Database, "20261129-080000-aaaaaaaa", "dev", TimeSpan.Zero))
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<UnreachableTargetError>(() => RunLock.AcquireAsync(Database, "20261129-080500-bbbbbbbb", "dev", TimeSpan.FromSeconds(1)));
            Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 5);
            Assert.StartsWith($"Another UAT run is using the dev target (backoffice_db at 127.0.0.1:{f.Sandbox.DatabasePort}): run 20261129-080000-aaaaaaaa of env dev on host {Environment.MachineName}, started ", error.Message);
        }
        await using var next = await RunLock.AcquireAsync(Database, "20261129-081000-cccccccc", "dev", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Rows_of_a_run_that_died_are_deleted_by_the_next_run_and_nobody_elses()
    {
        await using var conn = new NpgsqlConnection(f.Sandbox.AppConnectionString);
        await conn.OpenAsync();
        var since = await conn.ExecuteScalarAsync<DateTime>("SELECT now()");

        var dead = CleanupJournal.Open(_journals, Database, "run-that-died");
        dead.RunStarted();
        dead.WillCreateRequestsAs(Alex, since);
        var left = await InsertRequestAsync(conn, Alex);          // the bot created it; the run was killed before it learned the id
        var someoneElses = await InsertRequestAsync(conn, Riley); // another person's request at the same time

        var ended = CleanupJournal.Open(_journals, Database, "run-that-ended");
        ended.RunStarted();
        ended.RunEnded();

        var next = CleanupJournal.Open(_journals, Database, "next-run");
        var reaped = Assert.Single(await next.ReapDeadRunsAsync(conn));
        Assert.Equal(("run-that-died", 2), (reaped.Run, reaped.Rows)); // the request and its audit row
        Assert.Empty(await conn.QueryAsync<int>("SELECT id FROM padealing.pad_request WHERE id = @left", new { left }));
        Assert.Single(await conn.QueryAsync<int>("SELECT id FROM padealing.pad_request WHERE id = @someoneElses", new { someoneElses }));
        Assert.Empty(await CleanupJournal.Open(_journals, Database, "a-later-run").ReapDeadRunsAsync(conn)); // reaped once
        await conn.ExecuteAsync("DELETE FROM padealing.audit_log WHERE request_id = @someoneElses; DELETE FROM padealing.pad_request WHERE id = @someoneElses", new { someoneElses });
    }

    [Fact]
    public void A_journal_whose_runs_are_all_over_is_removed()
    {
        var journal = CleanupJournal.Open(_journals, Database with { Port = 1 }, "only-run");
        journal.RunStarted();
        Assert.True(File.Exists(journal.Path));
        journal.RunEnded();
        Assert.False(File.Exists(journal.Path));
    }

    private static Task<int> InsertRequestAsync(NpgsqlConnection conn, int employee) => conn.ExecuteScalarAsync<int>("""
        WITH r AS (
            INSERT INTO padealing.pad_request (employee_id, security_id, direction, quantity, estimated_value, currency, status, no_inside_information)
            VALUES (@employee, 2001, 'buy', 1, 1, 'USD', 'pending_manager', true) RETURNING id
        ), a AS (INSERT INTO padealing.audit_log (request_id, actor_id, action) SELECT id, @employee, 'request_submitted' FROM r)
        SELECT id FROM r
        """, new { employee });

    public void Dispose() => Directory.Delete(_journals, recursive: true);
}
