using PadUat.Support.Allure;
using PadUat.Support.Checklist;
using PadUat.Support.Features;

namespace PadUat.Support.SignOff;

/// <param name="ExceptionKeys">What an exception must name to accept a shortfall of this criterion ("scenario 10",
/// "checklist", "app-tests", …): all of them. A shortfall no exception can name (a result of no defined test) is never accepted.</param>
public sealed record Criterion(string Name, bool Met, string Detail, IReadOnlyList<string> ExceptionKeys);

/// <summary>How one of the ten UAT scenarios (or the preflight, as scenario 0) came out in the run, test by test.</summary>
public sealed record ScenarioOutcome(int Number, string Title, string Result, IReadOnlyList<string> Problems, string? NotApplicable, int Tests)
{
    public const string Passed = "passed";
    public const string NotApplicableResult = "not applicable";
    public const string NotPassed = "not passed";

    public bool Complete => Result is Passed or NotApplicableResult;
}

/// <summary>The run judged against plan 5.12, criterion by criterion and scenario by scenario, and the checklist line by line.</summary>
public sealed record Assessment(IReadOnlyList<Criterion> Criteria, ScenarioOutcome Preflight, IReadOnlyList<ScenarioOutcome> Scenarios, ChecklistCoverage Checklist)
{
    public const string ChecklistCriterion = "Every line of the UAT checklist checked and passed, or answered by the signer or at sign-off";

    /// <summary>
    /// The checklist's lines neither checked by a step nor declared: they stop a sign-off unless excepted. A line checked
    /// and not passed needs nothing more: its test did not pass, and its scenario stops the sign-off already.
    /// </summary>
    public IEnumerable<string> ChecklistUnaccounted => Checklist.Unaccounted
        .Select(r => $"Checklist {r.Line.Id} \"{r.Line.Words}\": no step checks it and none is declared to answer it");

    public IEnumerable<string> Unmet => Criteria.Where(c => !c.Met).Select(c => $"{c.Name}: {c.Detail}");
}

/// <summary>
/// Plan 5.12's sign-off checklist, each box computed from the run's results against what features/ defines — every
/// preflight check and every scenario of the ten, every example of every outline — instead of ticked by hand. A
/// skipped test counts only where the target declared the feature absent (the declaration is quoted).
/// </summary>
public static class SignOffCriteria
{
    public const int UatScenarios = 10;
    public const string PreflightKey = "preflight";
    public const string ChecklistKey = "checklist";
    /// <summary>What a shortfall no exception can accept names: a result of a test no feature defines (--accept-with-exceptions cannot name it).</summary>
    public const string NoExceptionKey = "(a test no feature defines)";

    /// <summary>How an exception names a scenario: "scenario 4".</summary>
    public static string ScenarioKey(int number) => number == 0 ? PreflightKey : $"scenario {number}";
    /// <summary>The label a test carries when the target declares its feature absent; its value is the declaration.</summary>
    public const string NotApplicableLabel = "notApplicable";
    private static readonly string[] Serious = ["blocker", "critical"];

    public static Assessment Evaluate(RunResults run, IReadOnlyList<ExpectedTest> expected, ChecklistCoverage checklist)
    {
        var preflight = Outcome(0, "Preflight (plan phases 1–3)", expected.Where(e => e.IsPreflight).ToList(), run);
        var scenarios = Enumerable.Range(1, UatScenarios).Select(n =>
        {
            var tests = expected.Where(e => e.Scenario == n).ToList();
            return Outcome(n, tests.FirstOrDefault()?.FeatureTitle ?? $"Scenario {n}", tests, run);
        }).ToList();
        var notPassing = run.Tests.Where(t => t.Status is AllureStatus.Failed or AllureStatus.Broken).ToList();
        var serious = notPassing.Where(t => Serious.Contains(RunResults.Label(t, "severity"))).ToList();
        var performance = scenarios[9];
        var incomplete = scenarios.Where(s => !s.Complete).ToList();
        var notApplicable = scenarios.Where(s => s.NotApplicable is not null).ToList();

        var shortfalls = checklist.Rows.Count(r => r.State is LineState.Unaccounted or LineState.Failed or LineState.NotRun);
        string Owner(TestResult t) => expected.FirstOrDefault(e => RunResults.IsResultOf(t, e)) is { } test
            ? test.IsPreflight ? PreflightKey : ScenarioKey(test.Scenario!.Value) : NoExceptionKey;
        var incompleteKeys = incomplete.Select(s => ScenarioKey(s.Number)).Concat(preflight.Complete ? [] : [PreflightKey]);
        return new Assessment(
        [
            new("All preflight checks passed (plan phases 1–3)", preflight.Complete,
                preflight.Complete ? $"all {preflight.Tests} ran and passed" : string.Join("; ", preflight.Problems), [PreflightKey]),
            new("All 10 UAT scenarios completed", incomplete.Count == 0,
                incomplete.Count == 0
                    ? $"all {UatScenarios} ran and passed, every example{(notApplicable.Count > 0 ? $" ({string.Join("; ", notApplicable.Select(s => $"scenario {s.Number} not applicable — the target declares: \"{s.NotApplicable}\""))})" : "")}"
                    : string.Join("; ", incomplete.SelectMany(s => s.Problems)), incomplete.Select(s => ScenarioKey(s.Number)).ToList()),
            new("Every test of this UAT run passed (100%)", notPassing.Count == 0 && preflight.Complete && incomplete.Count == 0,
                $"{run.Tests.Count(t => t.Status == AllureStatus.Passed)} passed, {notPassing.Count} failed or broken, {run.Tests.Count(t => t.Status == AllureStatus.Skipped)} skipped of {run.Tests.Count} (the features define {expected.Count})"
                + (notPassing.Count > 0 ? ": " + string.Join("; ", notPassing.Select(t => $"'{t.Name}' {t.Status}")) : ""),
                notPassing.Select(Owner).Concat(incompleteKeys).Distinct().ToList()),
            new("No critical bugs identified", serious.Count == 0,
                serious.Count == 0 ? "no blocker or critical check failed" : string.Join("; ", serious.Select(t => $"{RunResults.Label(t, "severity")}: '{t.Name}' {t.Status}")),
                serious.Select(Owner).Distinct().ToList()),
            new("Performance meets requirements", performance.Result == ScenarioOutcome.Passed,
                performance.Result == ScenarioOutcome.Passed ? $"scenario 10: all {performance.Tests} checks passed" : string.Join("; ", performance.Problems),
                [ScenarioKey(UatScenarios)]),
            // A line unaccounted for is the checklist's to accept; a line whose step failed or did not run, the scenario of that step's test.
            new(Assessment.ChecklistCriterion, shortfalls == 0, ChecklistPage.Counts(checklist), checklist.Rows
                .Where(r => r.State is LineState.Unaccounted or LineState.Failed or LineState.NotRun)
                .SelectMany(r => r.State == LineState.Unaccounted ? [ChecklistKey] : r.Steps.Where(s => s.Status != AllureStatus.Passed)
                    .Select(s => run.Tests.FirstOrDefault(t => t.Uuid == s.ResultUuid) is { } test ? Owner(test)
                        : r.Line.Scenario is { } n ? ScenarioKey(n) : ChecklistKey))
                .Distinct().ToList()),
        ], preflight, scenarios, checklist);
    }

    private static ScenarioOutcome Outcome(int number, string title, IReadOnlyList<ExpectedTest> tests, RunResults run)
    {
        var name = number == 0 ? "Preflight" : $"Scenario {number}";
        if (tests.Count == 0) return new(number, title, ScenarioOutcome.NotPassed, [$"{name}: the features define no test for it"], null, 0);
        var problems = new List<string>();
        string? declared = null;
        foreach (var test in tests)
        {
            var result = run.Find(test);
            switch (result?.Status)
            {
                case null: problems.Add($"{name}: '{test.Title}' did not run"); break;
                case AllureStatus.Passed: break;
                case AllureStatus.Skipped when result.Labels.FirstOrDefault(l => l.Name == NotApplicableLabel)?.Value is { } declaration:
                    declared = declaration; break;
                case AllureStatus.Skipped: problems.Add($"{name}: '{test.Title}' was skipped without the target declaring it absent ({result.StatusDetails?.Message})"); break;
                default: problems.Add($"{name}: '{test.Title}' {result.Status} — {result.StatusDetails?.Message?.Split('\n')[0]}"); break;
            }
        }
        var outcome = problems.Count > 0 ? ScenarioOutcome.NotPassed : declared is not null ? ScenarioOutcome.NotApplicableResult : ScenarioOutcome.Passed;
        return new(number, title, outcome, problems, problems.Count == 0 ? declared : null, tests.Count);
    }
}
