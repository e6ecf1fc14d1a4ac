namespace PadUat.Support.Rehearsal;

/// <summary>What the rehearsal saw around its main run, gathered by `./uat rehearsal` (facts.env), and the run's results.</summary>
/// <param name="ForgedTable">What the forged journal line gave as its table (SQL): it must be refused, naming it.</param>
public sealed record RehearsalFacts(Fingerprint Before, Fingerprint After, IReadOnlyDictionary<string, string> RunEnvironment, long LeftByKilledRun,
    string ForeignEmployee, long ForeignRowsBefore, long ForeignRowsAfter, string ForgedTable, bool SecondRunRefused, string SecondRunOutput);

/// <summary>
/// The rehearsal's verdict on its main run against a deployed target, with the figures that show it: the target left as
/// found, a killed run's rows removed by the next, forged journal lines refused without touching anyone's rows, a second
/// run refused naming the first.
/// </summary>
public static class RehearsalVerdict
{
    public static (bool Passed, IReadOnlyList<string> Lines) Judge(RehearsalFacts f)
    {
        var changed = Fingerprint.Changed(f.Before, f.After);
        var left = f.After.Figure("uat-rows-left");
        var refused = f.RunEnvironment.GetValueOrDefault("Cleanup.journal.not.acted.on", "none");
        var reaped = f.RunEnvironment.GetValueOrDefault("Cleanup.left.by.dead.runs", "none");
        var foreignRefusals = Occurrences(refused, $"employee #{f.ForeignEmployee} is not one of the UAT people");
        var sqlRefusals = f.ForgedTable.Length == 0 ? 0 : Occurrences(refused, $"it names '{f.ForgedTable}'");
        var namedFirstRun = f.SecondRunOutput.Split('\n').FirstOrDefault(l => l.Contains("Another UAT run is using", StringComparison.Ordinal)) is { } named
            ? named[named.IndexOf("Another UAT run is using", StringComparison.Ordinal)..] : null;
        string[] lines =
        [
            $"a run killed with SIGKILL in the middle of scenario 2 left {f.LeftByKilledRun} row(s); the next run: {(reaped == "none" ? "removed nothing" : reaped)}",
            $"the history and the reference data before and after the run: {f.Before.Tables.Count} tables, {f.Before.Tables.Values.Sum(t => t.Rows)} rows, " +
            $"{(changed.Count == 0 ? "none" : string.Join(",", changed))} changed (checksums)",
            $"UAT rows left on the target: {left}; requests other employees made meanwhile: {f.After.Figures.GetValueOrDefault("background-requests", "?")} (not touched)",
            $"a forged journal naming employee #{f.ForeignEmployee} (not a UAT person): {foreignRefusals} line(s) refused; their rows before and after the next run: " +
            $"{f.ForeignRowsBefore}, {f.ForeignRowsAfter}",
            $"a journal line whose table carries SQL: {sqlRefusals} refused, the reference data {(changed.Count == 0 ? "unchanged" : "CHANGED")}",
            $"a second run started during the first: {(f.SecondRunRefused ? "refused" : "ran")} — {namedFirstRun ?? "naming no run"}",
        ];
        var passed = changed.Count == 0 && left == 0 && f.LeftByKilledRun > 0 && reaped != "none"
                     && f.ForeignEmployee.Length > 0 && foreignRefusals > 0 && f.ForeignRowsBefore == f.ForeignRowsAfter && sqlRefusals > 0
                     && f.SecondRunRefused && namedFirstRun is not null;
        return (passed, lines);
    }

    /// <summary>
    /// A hang or a stop in the middle of a scenario: the scenario under way at that moment must end broken (never failed)
    /// within <paramref name="limit"/>. Returns the verdict and one line saying what happened.
    /// </summary>
    public static (bool Passed, string Line) UnderWay(IEnumerable<Allure.TestResult> results, long atEpochMs, string what, TimeSpan limit)
    {
        var hit = results.FirstOrDefault(r => r.Start <= atEpochMs && r.Stop >= atEpochMs);
        if (hit is null) return (false, $"FAIL: no scenario was under way when {what}");
        var seconds = (hit.Stop - atEpochMs) / 1000.0;
        return (hit.Status == Allure.AllureStatus.Broken && hit.Stop - atEpochMs <= limit.TotalMilliseconds,
            $"'{hit.Name}' ended {hit.Status} {seconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s after {what}: " +
            $"{(hit.StatusDetails?.Message ?? "").Split('\n')[0]}");
    }

    /// <summary>
    /// The target's database hung in the middle of a scenario: the scenario under way ended broken within a minute, the run
    /// left the rows it could not clean (kept in its journal), and the next run, once the database answered, deleted them all.
    /// </summary>
    public static (bool Passed, string Line) DatabaseHang(IEnumerable<Allure.TestResult> hungRun, long hungAtMs, long runEndedMs,
        long? rowsLeftByHungRun, IReadOnlyDictionary<string, string> nextRunEnvironment, long? rowsLeftAfterNextRun)
    {
        var (brokenInTime, underWay) = UnderWay(hungRun, hungAtMs, "the database hung", TimeSpan.FromMinutes(1));
        var reaped = nextRunEnvironment.GetValueOrDefault("Cleanup.left.by.dead.runs", "none");
        return (brokenInTime && rowsLeftByHungRun > 0 && reaped != "none" && rowsLeftAfterNextRun == 0,
            $"the database hung in the middle of scenario 3: {underWay}; the run ended {(runEndedMs - hungAtMs) / 1000} s after; it left " +
            $"{rowsLeftByHungRun?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"} row(s); once the database answered, the next run: {reaped}; " +
            $"rows left after it: {rowsLeftAfterNextRun?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}");
    }

    private static int Occurrences(string text, string what)
    {
        var (count, at) = (0, 0);
        while ((at = text.IndexOf(what, at, StringComparison.Ordinal)) >= 0) { count++; at += what.Length; }
        return count;
    }
}
