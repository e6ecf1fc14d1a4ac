using PadUat.Support.Mutation;
using Xunit;

namespace PadUat.Tests;

/// <summary>
/// `./uat mutate`'s verdict, computed in C#. Golden/mutation/summary.txt is what the JavaScript summary it replaces
/// printed for the same report: scores per area, survivors declared or not, a stale declaration, the exit.
/// </summary>
public sealed class MutationSummaryTests
{
    private static readonly string Golden = Path.Combine(AppContext.BaseDirectory, "Golden", "mutation");

    [Fact]
    public void The_summary_of_a_report_is_the_one_the_previous_tool_printed()
    {
        var (passed, lines) = MutationSummary.Summarise([File.ReadAllText(Path.Combine(Golden, "report.json"))],
            File.ReadAllText(Path.Combine(Golden, "equivalent-mutants.tsv")), "equivalent-mutants.tsv");
        Assert.False(passed); // two survivors are not declared
        Assert.Equal(File.ReadAllText(Path.Combine(Golden, "summary.txt")).TrimEnd('\n'), string.Join('\n', lines));
    }

    [Fact]
    public void Two_reports_of_disjoint_parts_are_summed()
    {
        var report = File.ReadAllText(Path.Combine(Golden, "report.json"));
        var (_, lines) = MutationSummary.Summarise([report, report.Replace("PadWorkflow.cs", "Other.cs", StringComparison.Ordinal)],
            File.ReadAllText(Path.Combine(Golden, "equivalent-mutants.tsv")), "equivalent-mutants.tsv");
        Assert.Contains("  workflow     66.7 %  (4/6; without the 0 declared equivalent: 66.7 %)", lines);
    }

    [Fact]
    public void A_declaration_without_its_reason_is_refused() =>
        Assert.Contains("every row needs file, source line, mutator, replacement and why",
            Assert.Throws<InvalidOperationException>(() => MutationSummary.Summarise([], "Bot/PadBot.cs\tx;\tString mutation\ty\t\n", "e.tsv")).Message);

    [Fact]
    public void Every_survivor_declared_passes() =>
        Assert.True(MutationSummary.Summarise(["""{"files":{"sandbox/PadSandbox/Bot/B.cs":{"source":"a();","mutants":[{"location":{"start":{"line":1}},"status":"Survived","mutatorName":"M","replacement":"b();"}]}}}"""],
            "Bot/B.cs\ta();\tM\tb();\tno test can see it\n", "e.tsv").Passed);
}
