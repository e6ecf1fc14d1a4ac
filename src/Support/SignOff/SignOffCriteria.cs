using PadUat.Support.Allure;

namespace PadUat.Support.SignOff;

public sealed record Criterion(string Name, bool Met, string Detail);

/// <summary>Plan 5.12's sign-off checklist, each box computed from the run's results instead of ticked by hand.</summary>
public static class SignOffCriteria
{
    public const int UatScenarios = 10;
    private static readonly string[] Serious = ["blocker", "critical"];

    public static IReadOnlyList<Criterion> Evaluate(RunResults run)
    {
        var tests = run.Tests;
        var byScenario = Enumerable.Range(1, UatScenarios).ToDictionary(n => n,
            n => tests.Where(t => RunResults.Tags(t).Contains($"scenario-{n}")).ToList());
        var incomplete = byScenario.Where(s => s.Value.Count == 0 || s.Value.Any(t => t.Status is not (AllureStatus.Passed or AllureStatus.Skipped)))
            .Select(s => s.Value.Count == 0 ? $"scenario {s.Key} did not run" : $"scenario {s.Key} did not pass").ToList();
        var skipped = byScenario.Where(s => s.Value.Count > 0 && s.Value.All(t => t.Status == AllureStatus.Skipped))
            .Select(s => $"scenario {s.Key} not applicable: {s.Value[0].StatusDetails?.Message}").ToList();
        var notPassing = tests.Where(t => t.Status is AllureStatus.Failed or AllureStatus.Broken).ToList();
        var serious = notPassing.Where(t => Serious.Contains(RunResults.Label(t, "severity"))).ToList();
        var performance = byScenario[10];

        return
        [
            new("All 10 UAT scenarios completed", incomplete.Count == 0,
                incomplete.Count == 0 ? $"all {UatScenarios} ran and passed{(skipped.Count > 0 ? $" ({string.Join("; ", skipped)})" : "")}" : string.Join("; ", incomplete)),
            new("All automated tests passing (100%)", notPassing.Count == 0,
                $"{tests.Count(t => t.Status == AllureStatus.Passed)} passed, {notPassing.Count} failed or broken, {tests.Count(t => t.Status == AllureStatus.Skipped)} skipped of {tests.Count}"
                + (notPassing.Count > 0 ? ": " + string.Join("; ", notPassing.Select(t => t.FullName)) : "")),
            new("No critical bugs identified", serious.Count == 0,
                serious.Count == 0 ? "no blocker or critical check failed" : string.Join("; ", serious.Select(t => $"{RunResults.Label(t, "severity")}: {t.FullName}"))),
            new("Performance meets requirements", performance.Count > 0 && performance.All(t => t.Status == AllureStatus.Passed),
                performance.Count == 0 ? "scenario 10 did not run" : string.Join("; ", performance.Select(t => $"{t.Name}: {t.Status}"))),
        ];
    }
}
