using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("PadUat.Hooks.FeatureOrder", "PadUat.StepDefinitions")]

namespace PadUat.Hooks;

/// <summary>
/// Features run in the plan's order — preflight 1.1 to 3.4, then scenarios 1 to 10 — so the report lists them as
/// the plan does (xUnit's default order reads 9, 8, 10, 7…), and the examples of an outline run top to bottom. With
/// test teams side by side (PAD_TEAMS), the scenarios with the most tests start first and the preflight's quick checks
/// fill in last, so that no long feature starts when the others are ending.
/// </summary>
public sealed partial class FeatureOrder : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> collections)
    {
        var inPlanOrder = collections.OrderBy(c => Key(c.DisplayName)).ThenBy(c => c.DisplayName, StringComparer.Ordinal);
        if (!int.TryParse(Environment.GetEnvironmentVariable("PAD_TEAMS"), out var teams) || teams < 2) return inPlanOrder;
        var tests = PadUat.Support.Shards.ShardPlan.Features(Path.Combine(PadUat.Support.RepoRoot.Find(), "features"))
            .ToDictionary(f => f.Class, f => f.Tests);
        int TestsOf(ITestCollection c) => tests.FirstOrDefault(t => c.DisplayName.Contains($".{t.Key}", StringComparison.Ordinal)).Value;
        return inPlanOrder.OrderBy(c => Key(c.DisplayName).Item1 == 0).ThenByDescending(TestsOf);
    }

    /// <summary>"…Preflight2_3And3_4…" → (0, 2, 3); "…Scenario10…" → (1, 10, 0).</summary>
    private static (int, int, int) Key(string name) =>
        Preflight().Match(name) is { Success: true } p ? (0, int.Parse(p.Groups[1].Value), int.Parse(p.Groups[2].Value))
        : Scenario().Match(name) is { Success: true } s ? (1, int.Parse(s.Groups[1].Value), 0)
        : (2, 0, 0);

    [GeneratedRegex(@"\.Preflight(\d+)_(\d+)")]
    private static partial Regex Preflight();

    [GeneratedRegex(@"\.Scenario(\d+)")]
    private static partial Regex Scenario();
}
