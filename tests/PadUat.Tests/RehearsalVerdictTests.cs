using PadUat.Support.Allure;
using PadUat.Support.Rehearsal;
using Xunit;

namespace PadUat.Tests;

/// <summary>The rehearsal's verdicts, computed in C# from what `./uat rehearsal` gathered: each condition can fail it.</summary>
public sealed class RehearsalVerdictTests
{
    private static Fingerprint Print(string history, long left) => Fingerprint.Parse(
    [
        "bo_airflow.contact\t12\tabc", $"padealing.pad_request\t40\t{history}", $"uat-rows-left\t{left}\t-", "background-requests\t7\t-", "background-actor\t1020\t-",
    ]);

    private const string Forged = "a table WHERE false; DELETE FROM elsewhere";

    private static RehearsalFacts Held() => new(Print("h1", 0), Print("h1", 0),
        new Dictionary<string, string>
        {
            ["Cleanup.left.by.dead.runs"] = "3 row(s) left by run x (started …), deleted",
            ["Cleanup.journal.not.acted.on"] = $"2: line 1: employee #1020 is not one of the UAT people — their rows are not touched; line 4: it names '{Forged}'",
        },
        LeftByKilledRun: 3, ForeignEmployee: "1020", ForeignRowsBefore: 5, ForeignRowsAfter: 5, ForgedTable: Forged, SecondRunRefused: true,
        SecondRunOutput: "Settings error — Another UAT run is using the rehearsal target …, started 2026-11-30 10:00:00 UTC.");

    [Fact]
    public void A_rehearsal_that_left_the_target_as_found_passes_with_its_figures()
    {
        var (passed, lines) = RehearsalVerdict.Judge(Held());
        Assert.True(passed, string.Join('\n', lines));
        Assert.Contains("the history and the reference data before and after the run: 2 tables, 52 rows, none changed (checksums)", lines);
        Assert.Contains("a forged journal naming employee #1020 (not a UAT person): 1 line(s) refused; their rows before and after the next run: 5, 5", lines);
    }

    public static TheoryData<string, Func<RehearsalFacts, RehearsalFacts>> Breaches => new()
    {
        { "history changed", f => f with { After = Print("h2", 0) } },
        { "UAT rows left", f => f with { After = Print("h1", 1) } },
        { "the killed run left nothing to prove the reap", f => f with { LeftByKilledRun = 0 } },
        { "no dead run reaped", f => f with { RunEnvironment = new Dictionary<string, string>(f.RunEnvironment) { ["Cleanup.left.by.dead.runs"] = "none" } } },
        { "another employee's rows touched", f => f with { ForeignRowsAfter = 4 } },
        { "the forged line acted on", f => f with { RunEnvironment = new Dictionary<string, string>(f.RunEnvironment) { ["Cleanup.journal.not.acted.on"] = "none" } } },
        { "a second run ran", f => f with { SecondRunRefused = false } },
        { "the refusal names no run", f => f with { SecondRunOutput = "it timed out" } },
    };

    [Theory]
    [MemberData(nameof(Breaches))]
    public void Each_breach_fails_the_rehearsal(string breach, Func<RehearsalFacts, RehearsalFacts> change) =>
        Assert.False(RehearsalVerdict.Judge(change(Held())).Passed, breach);

    private static TestResult Ran(string status, long start, long stop) => new()
    {
        Name = "Compliance approves", Uuid = "u", HistoryId = "h", TestCaseId = "c", FullName = "f", Status = status, Start = start, Stop = stop,
        StatusDetails = new StatusDetails("The target stopped answering: the database", null),
    };

    [Theory]
    [InlineData(AllureStatus.Broken, 40_000, true)]
    [InlineData(AllureStatus.Broken, 75_000, false)] // broken, but not within the bound
    [InlineData(AllureStatus.Failed, 40_000, false)] // a hang is never a product defect
    public void A_hang_must_end_the_scenario_under_way_broken_within_its_bound(string status, long stop, bool passes)
    {
        var (passed, line) = RehearsalVerdict.UnderWay([Ran(status, 0, stop)], 10_000, "the database hung", TimeSpan.FromSeconds(60));
        Assert.Equal(passes, passed);
        Assert.StartsWith($"'Compliance approves' ended {status} {(stop - 10_000) / 1000}.0 s after the database hung", line);
    }

    [Fact]
    public void A_hang_while_no_scenario_ran_proves_nothing() =>
        Assert.False(RehearsalVerdict.UnderWay([Ran(AllureStatus.Broken, 0, 5_000)], 10_000, "the database hung", TimeSpan.FromSeconds(60)).Passed);

    [Theory]
    [InlineData(2L, "1 run(s), 2 row(s)", 0L, true)]
    [InlineData(0L, "1 run(s), 2 row(s)", 0L, false)]   // the hung run left nothing: the hang came too late to prove the clean-up's recovery
    [InlineData(2L, "none", 0L, false)]                 // the next run reaped nothing
    [InlineData(2L, "1 run(s), 2 row(s)", 1L, false)]   // something is still left
    [InlineData(2L, "1 run(s), 2 row(s)", null, false)] // no figure after the next run is not "none left"
    public void After_a_database_hang_the_rows_left_are_reaped_by_the_next_run(long? left, string reaped, long? after, bool passes)
    {
        var (passed, line) = RehearsalVerdict.DatabaseHang([Ran(AllureStatus.Broken, 0, 40_000)], 10_000, 41_000, left,
            new Dictionary<string, string> { ["Cleanup.left.by.dead.runs"] = reaped }, after);
        Assert.Equal(passes, passed);
        Assert.Contains($"the run ended 31 s after; it left {left} row(s); once the database answered, the next run: {reaped}; rows left after it: {after?.ToString() ?? "unknown"}", line);
    }
}
