using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCaseOrderer("PadUat.Hooks.ScenarioOrder", "PadUat.StepDefinitions")]

namespace PadUat.Hooks;

/// <summary>
/// Within a feature, its scenarios run as the feature file has them, in the plan's order, and an outline's examples
/// top to bottom — and so the report lists them (Allure orders a feature's tests by when they started). xUnit's own
/// order is a hash of each test's id: scenario 7's 7.1–7.5 came 25th to 33rd of its tests.
/// </summary>
public sealed class ScenarioOrder : ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.ToRuntimeMethod().MetadataToken).ThenBy(t => Row(t)).ToList();

    /// <summary>An example's row in its outline: the place of the InlineData its arguments came from (SpecFlow writes them in order).</summary>
    private static int Row(ITestCase test)
    {
        if (test.TestMethodArguments is not { Length: > 0 } arguments) return 0;
        var rows = test.TestMethod.Method.GetCustomAttributes(typeof(InlineDataAttribute))
            .Select(a => a.GetConstructorArguments().FirstOrDefault() as object[]).ToList();
        var row = rows.FindIndex(data => data is not null && data.Length > 0 && Equals(data[0], arguments[0])
            && data.Zip(arguments).All(p => p.First is string[] || Equals(p.First, p.Second)));
        return row < 0 ? int.MaxValue : row;
    }
}
