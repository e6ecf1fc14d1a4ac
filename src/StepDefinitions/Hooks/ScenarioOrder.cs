using PadUat.Support.Features;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCaseOrderer("PadUat.Hooks.ScenarioOrder", "PadUat.StepDefinitions")]

namespace PadUat.Hooks;

/// <summary>
/// Within a feature, its scenarios run as the feature file has them, in the plan's order, and an outline's examples
/// top to bottom — and so the report lists them (Allure orders a feature's tests by when they started). xUnit's own
/// order is a hash of each test's id: scenario 7's 7.1–7.5 came 25th to 33rd of its tests. The order is the feature
/// files' own, read by <see cref="FeatureCatalogue"/>: a test is found there by its title as written and its example's values.
/// </summary>
public sealed class ScenarioOrder : ITestCaseOrderer
{
    private static readonly Lazy<IReadOnlyList<ExpectedTest>> Catalogue = new(() => FeatureCatalogue.Load(PadUat.Support.RepoRoot.Find()));

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(t => Place(t)).ToList();

    private static int Place(ITestCase test)
    {
        var title = test.TestMethod.Method.GetCustomAttributes(typeof(FactAttribute)).FirstOrDefault()?.GetNamedArgument<string>("DisplayName");
        var names = test.TestMethod.Method.GetParameters().Select(p => p.Name).ToList();
        var values = (test.TestMethodArguments ?? []).Select(a => a as string).ToList();
        var place = Catalogue.Value.ToList().FindIndex(e => e.TitleTemplate == title
            && e.Arguments.All(a => names.IndexOf(a.Key) is var i && i >= 0 && i < values.Count && values[i] == a.Value));
        return place < 0 ? int.MaxValue : place;
    }
}
