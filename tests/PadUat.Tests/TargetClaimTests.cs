using Dapper;
using Npgsql;
using PadUat.Support.Configuration;
using PadUat.Support.Lifecycle;
using PadUat.Support.TestData;
using Xunit;

namespace PadUat.Tests;

/// <summary>
/// A shared target's test team is claimed by one run at a time (an advisory lock, nothing written), firm-wide features run alone, and what a run that died
/// left behind is found from the clean-up journal and deleted by the next run — only its rows, nobody else's.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class TargetClaimTests(SandboxFixture f) : IDisposable
{
    private readonly string _journals = Results.NewDirectory();

    private DatabaseSettings Database => new("127.0.0.1", f.Sandbox.DatabasePort, "backoffice_db", "padealing", "pad_app_user", new Secret(f.Sandbox.AppPassword), "Disable");

    private static TestTeam Team(int n, string employee) => new(n, new Cast([
        new TestPerson(Roles.Employee, n, employee), new TestPerson(Roles.Manager, n, $"m{n}@x.example"),
        new TestPerson(Roles.Colleague, n, $"o{n}@x.example"), new TestPerson(Roles.Compliance, 1, "c@x.example")]));

    [Fact]
    public async Task A_second_run_through_the_same_team_waits_a_bounded_time_then_names_the_run_in_the_way()
    {
        var team = Team(2, "e2@x.example");
        await using (var first = await TeamLock.AcquireAsync(Database, team, "20261129-080000-aaaaaaaa", "dev", TimeSpan.Zero))
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            // The same people under another number in another env file are the same team.
            var error = await Assert.ThrowsAsync<UnreachableTargetError>(() => TeamLock.AcquireAsync(Database, Team(5, "E2@x.example"), "20261129-080500-bbbbbbbb", "dev", TimeSpan.FromSeconds(1)));
            Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 5);
            Assert.StartsWith($"Another UAT run is using team 5 (E2@x.example) on the dev target (backoffice_db at 127.0.0.1:{f.Sandbox.DatabasePort}): run 20261129-080000-aaaaaaaa of env dev on host {Environment.MachineName}, started ", error.Message);
        }
        await using var next = await TeamLock.AcquireAsync(Database, team, "20261129-081000-cccccccc", "dev", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Runs_through_different_teams_share_the_target()
    {
        await using var one = await TeamLock.AcquireAsync(Database, Team(1, "e1@x.example"), "20261129-080000-aaaaaaaa", "dev", TimeSpan.Zero);
        await using var two = await TeamLock.AcquireAsync(Database, Team(2, "e2@x.example"), "20261129-080000-bbbbbbbb", "dev", TimeSpan.Zero);
    }

    [Fact]
    public async Task A_firm_wide_feature_waits_for_another_runs_scenarios_and_names_the_run()
    {
        await using var mine = await TeamLock.AcquireAsync(Database, Team(1, "e1@x.example"), "20261129-080000-aaaaaaaa", "dev", TimeSpan.Zero);
        await using var theirs = await TeamLock.AcquireAsync(Database, Team(2, "e2@x.example"), "20261129-080000-bbbbbbbb", "dev", TimeSpan.Zero);
        var their = new FirmLock(TimeSpan.FromSeconds(1));
        their.Enter(alone: false);
        await using (await their.TakeAsync(theirs, alone: false))
        {
            var firm = new FirmLock(TimeSpan.FromSeconds(1));
            firm.Enter(alone: false);
            await (await firm.TakeAsync(mine, alone: false)).DisposeAsync(); // scenarios of two teams run side by side
            firm.Enter(alone: true);
            var error = await Assert.ThrowsAsync<UnreachableTargetError>(() => firm.TakeAsync(mine, alone: true));
            firm.Leave(alone: true);
            Assert.StartsWith("This feature changes or times what every request meets and waited for another run's scenarios to finish: run 20261129-080000-bbbbbbbb of env dev", error.Message);
        }
        var alone = new FirmLock(TimeSpan.FromSeconds(1));
        alone.Enter(alone: true);
        await (await alone.TakeAsync(mine, alone: true)).DisposeAsync(); // once theirs is over
    }

    [Fact]
    public async Task Rows_of_a_run_that_died_are_deleted_by_the_next_run_and_nobody_elses()
    {
        await using var conn = await JournalFixture.OpenAsync(f);
        var since = await conn.ExecuteScalarAsync<DateTime>("SELECT now()");
        var journals = new JournalFixture(f, _journals);

        var dead = journals.Open("run-that-died");
        dead.RunStarted(since);
        dead.WillCreateRequestsAs(dead.NewScope(), JournalFixture.Alex, since);
        var left = await JournalFixture.InsertRequestAsync(conn, JournalFixture.Alex);          // the bot created it; the run was killed before it learned the id
        var someoneElses = await JournalFixture.InsertRequestAsync(conn, JournalFixture.Riley); // another person's request at the same time

        var ended = journals.Open("run-that-ended");
        ended.RunStarted(since);
        ended.RunEnded();

        var reaped = Assert.Single((await journals.ReapAsync(conn, "next-run")).Reaped);
        Assert.Equal(("run-that-died", 2), (reaped.Run, reaped.Rows)); // the request and its audit row
        Assert.Empty(await conn.QueryAsync<int>("SELECT id FROM padealing.pad_request WHERE id = @left", new { left }));
        Assert.Single(await conn.QueryAsync<int>("SELECT id FROM padealing.pad_request WHERE id = @someoneElses", new { someoneElses }));
        Assert.Empty((await journals.ReapAsync(conn, "a-later-run")).Reaped); // reaped once
        await JournalFixture.DeleteRequestAsync(conn, someoneElses);
    }

    [Fact]
    public void A_journal_whose_runs_are_all_over_is_removed()
    {
        var journal = new JournalFixture(f, _journals, Database with { Port = 1 }).Open("only-run");
        journal.RunStarted(DateTime.UtcNow);
        journal.Created(journal.NewScope(), JournalTables.Restriction, 7);
        Assert.True(File.Exists(journal.Path));
        journal.Cleaned(1);
        journal.RunEnded();
        Assert.False(File.Exists(journal.Path));
    }

    public void Dispose() => Directory.Delete(_journals, recursive: true);
}
