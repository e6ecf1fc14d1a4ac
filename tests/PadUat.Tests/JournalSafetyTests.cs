using PadUat.Support.Configuration;
using Dapper;
using PadUat.Support.TestData;
using Xunit;

namespace PadUat.Tests;

/// <summary>
/// The clean-up journal on a shared database (issue 23): it can only ever name what this harness made for these test
/// people. Each test reproduces a way it once deleted, or would delete, what was not its own — or forgot what it left.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class JournalSafetyTests(SandboxFixture f) : IDisposable
{
    private readonly string _dir = Results.NewDirectory();
    private JournalFixture Journals => new(f, _dir);

    [Fact]
    public async Task A_sealed_line_naming_someone_who_is_not_a_UAT_person_is_refused_and_none_of_their_rows_are_touched()
    {
        await using var conn = await JournalFixture.OpenAsync(f);
        var start = await conn.ExecuteScalarAsync<DateTime>("SELECT now()");
        var theirs = await JournalFixture.InsertRequestAsync(conn, JournalFixture.Charlie);
        var j = Journals;
        j.Forge(new("dead", JournalKinds.RunStarted, DateTime.UtcNow, j.Identity.Fingerprint, Since: start));
        j.Forge(new("dead", JournalKinds.RequestsBy, DateTime.UtcNow, j.Identity.Fingerprint, 1, ActorId: JournalFixture.Charlie, Since: start));
        j.Forge(new("dead", JournalKinds.Created, DateTime.UtcNow, j.Identity.Fingerprint, 1, Table: JournalTables.Request, Id: theirs));

        var review = await j.ReapAsync(conn, "next");

        Assert.Equal(0, Assert.Single(review.Reaped).Rows);
        Assert.Contains(review.NotActedOn, r => r.Contains("line 2: employee #1012 is not one of the UAT people"));
        Assert.Contains(review.NotActedOn, r => r.Contains($"request #{theirs}: named by the journal but not a UAT person's row"));
        Assert.Equal(2, await JournalFixture.RowsOfRequestAsync(conn, theirs));
        await JournalFixture.DeleteRequestAsync(conn, theirs);
    }

    [Theory]
    [InlineData("padealing.pad_request WHERE false; DELETE FROM bo_airflow.oracle_contact")]
    [InlineData("padealing.audit_log")]
    public async Task A_line_naming_a_table_the_harness_does_not_create_rows_in_is_refused_even_when_sealed(string table)
    {
        await using var conn = await JournalFixture.OpenAsync(f);
        var contacts = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM bo_airflow.oracle_contact");
        var j = Journals;
        j.Forge(new("dead", JournalKinds.RunStarted, DateTime.UtcNow, j.Identity.Fingerprint, Since: DateTime.UtcNow));
        j.Forge(new("dead", JournalKinds.Created, DateTime.UtcNow, j.Identity.Fingerprint, 1, Table: table, Id: 1));

        var review = await j.ReapAsync(conn, "next");

        Assert.Contains(review.NotActedOn, r => r.Contains("line 2: a 'created' line without a table the harness creates rows in"));
        Assert.Equal(contacts, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM bo_airflow.oracle_contact"));
        Assert.Throws<ArgumentException>(() => j.Open("writer").Created(1, table, 1));
    }

    [Fact]
    public async Task Lines_edited_cut_short_unsealed_or_missing_their_id_are_named_and_never_acted_on()
    {
        await using var conn = await JournalFixture.OpenAsync(f);
        var j = Journals;
        var run = j.Open("killed");
        run.RunStarted(DateTime.UtcNow);
        var sealedLine = File.ReadAllLines(run.Path)[0];
        j.AppendRaw(sealedLine.Replace("killed", "k1lled") + "\n");                                   // edited after sealing
        j.AppendRaw("""{"run":"x","kind":"created","table":"padealing.pad_request","scope":1}""" + "\n"); // no id, no seal
        j.AppendRaw(sealedLine[..20]);                                                                 // cut short by a kill
        run.Cleaned(run.NewScope());                                                                   // the next line is not glued onto it

        var review = await j.ReapAsync(conn, "next");

        Assert.Collection(review.NotActedOn,
            r => Assert.Contains("line 2: its seal does not match", r),
            r => Assert.Contains("line 3: cut short or not sealed", r),
            r => Assert.Contains("line 4: cut short or not sealed", r));
        Assert.Equal(0, Assert.Single(review.Reaped).Rows); // line 5, the cleaned line after the cut, is read as its own line
        Assert.Equal(6, File.ReadAllLines(run.Path).Length); // nothing removed: left for a person
    }

    [Fact]
    public async Task A_window_never_reaches_before_the_dead_run_began()
    {
        await using var conn = await JournalFixture.OpenAsync(f);
        var threeDaysAgo = (await conn.ExecuteScalarAsync<DateTime>("SELECT now()")).AddDays(-3);
        var byHand = await JournalFixture.InsertRequestAsync(conn, JournalFixture.Alex, threeDaysAgo.AddHours(1)); // the UAT employee, by hand, two days before the run
        var runStart = await conn.ExecuteScalarAsync<DateTime>("SELECT now()");
        var j = Journals;
        var dead = j.Open("dead");
        dead.RunStarted(runStart);
        dead.WillCreateRequestsAs(dead.NewScope(), JournalFixture.Alex, threeDaysAgo);
        var ours = await JournalFixture.InsertRequestAsync(conn, JournalFixture.Alex);

        var reaped = Assert.Single((await j.ReapAsync(conn, "next")).Reaped);

        Assert.Equal(2, reaped.Rows);
        Assert.Equal(0, await JournalFixture.RowsOfRequestAsync(conn, ours));
        Assert.Equal(2, await JournalFixture.RowsOfRequestAsync(conn, byHand));
        await JournalFixture.DeleteRequestAsync(conn, byHand);
    }

    [Fact]
    public async Task A_scenario_whose_clean_up_failed_is_kept_open_past_later_scenarios_and_the_end_of_the_run_and_the_next_run_deletes_it()
    {
        await using var conn = await JournalFixture.OpenAsync(f);
        var j = Journals;
        var run = j.Open("hung");
        run.RunStarted(await conn.ExecuteScalarAsync<DateTime>("SELECT now()"));
        var left = await JournalFixture.InsertRequestAsync(conn, JournalFixture.Alex);
        run.Created(run.NewScope(), JournalTables.Request, left); // scenario 1: its clean-up failed (the database hung)
        run.Cleaned(run.NewScope());                                 // scenario 2 cleaned up its own rows only

        run.RunEnded("the database did not answer");

        Assert.Equal(1, run.ScopesLeft);
        Assert.Contains("run-left", File.ReadAllLines(run.Path)[^1]);
        var reaped = Assert.Single((await j.ReapAsync(conn, "next")).Reaped);
        Assert.Equal(("hung", 2), (reaped.Run, reaped.Rows));
        Assert.Equal(0, await JournalFixture.RowsOfRequestAsync(conn, left));
    }

    [Fact]
    public async Task A_journal_written_for_other_test_people_is_named_and_not_acted_on()
    {
        await using var conn = await JournalFixture.OpenAsync(f);
        var j = Journals;
        var others = j.Identity with { Cast = new(JournalFixture.People.People.Select(p => p.Role == Roles.Employee ? p with { Email = "casey.lindqvist@paduat.example" } : p)) };
        var theirs = await JournalFixture.InsertRequestAsync(conn, JournalFixture.Alex);
        var old = j.Open("before-the-people-changed", others);
        old.RunStarted(DateTime.UtcNow.AddMinutes(-1));
        old.Created(old.NewScope(), JournalTables.Request, theirs);
        File.Copy(old.Path, Path.Combine(_dir, j.Identity.FileName)); // and one copied over this identity's file

        var review = await j.ReapAsync(conn, "next");

        Assert.Empty(review.Reaped);
        Assert.Contains(review.NotActedOn, r => r.Contains("line 1: written for another target or other test people"));
        Assert.Contains(review.NotActedOn, r => r.StartsWith(others.FileName) && r.Contains("another env or other test people"));
        Assert.Equal(2, await JournalFixture.RowsOfRequestAsync(conn, theirs));
        await JournalFixture.DeleteRequestAsync(conn, theirs);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
