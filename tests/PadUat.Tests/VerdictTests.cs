using PadUat.Support.Allure;
using PadUat.Support.Evidence;
using PadUat.Support.Features;
using Xunit;

namespace PadUat.Tests;

/// <summary>The verdicts `./uat test` prints — the fault matrix, the TRX counts — computed in C# and pinned here.</summary>
public sealed class VerdictTests
{
    private static TestResult Test(string status, params string[] tags) => new()
    {
        Name = "t", Uuid = Guid.NewGuid().ToString(), HistoryId = "h", TestCaseId = "c", FullName = "f", Status = status,
        Labels = [.. tags.Select(t => new Label("tag", t))],
    };

    [Fact]
    public void A_fault_is_caught_only_when_a_scenario_carrying_its_tag_failed_as_a_product_defect()
    {
        Assert.True(FaultVerdict.Of([Test(AllureStatus.Passed, "scenario-2"), Test(AllureStatus.Failed, "scenario-2")], "scenario-2").Caught);
        // Broken is the harness or the infrastructure: a fault that only breaks the run is not caught.
        Assert.False(FaultVerdict.Of([Test(AllureStatus.Broken, "scenario-2")], "scenario-2").Caught);
        // Another scenario's failure is not this one's.
        Assert.False(FaultVerdict.Of([Test(AllureStatus.Failed, "scenario-3"), Test(AllureStatus.Passed, "scenario-2")], "scenario-2").Caught);
        Assert.Equal("scenario-2: MISSED failed=0 broken=1 passed=1 of=2",
            FaultVerdict.Of([Test(AllureStatus.Broken, "scenario-2"), Test(AllureStatus.Passed, "scenario-2")], "scenario-2").ToString());
    }

    [Fact]
    public void The_fault_matrix_file_is_read_strictly()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "# a comment\n\nskip-audit\tscenario-2\nslow-bot\tscenario-1, scenario-10\n");
        var rows = FaultMatrix.Read(file);
        Assert.Equal(["skip-audit", "slow-bot"], rows.Select(r => r.Fault));
        Assert.Equal("Category=scenario-1|Category=scenario-10", FaultMatrix.Filter(rows[1]));
        File.WriteAllText(file, "skip-audit scenario-2\n");
        Assert.Contains("line 1: expected '<fault><TAB><tag>", Assert.Throws<InvalidOperationException>(() => FaultMatrix.Read(file)).Message);
        File.Delete(file);
    }

    [Fact]
    public void The_project_s_fault_matrix_names_every_fault_the_sandbox_has_and_no_other()
    {
        var rows = FaultMatrix.Read(Path.Combine(PadUat.Support.RepoRoot.Find(), "features", "fault-matrix.tsv"));
        Assert.Equal(PadSandbox.FaultSet.Catalogue.Select(f => f.Name).Order(), rows.Select(r => r.Fault).Order());
    }

    [Fact]
    public void TRX_counts_are_summed_over_files()
    {
        var (a, b) = (Path.GetTempFileName(), Path.GetTempFileName());
        File.WriteAllText(a, """<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><ResultSummary><Counters total="5" passed="4" failed="1" /></ResultSummary></TestRun>""");
        File.WriteAllText(b, """<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><ResultSummary><Counters total="3" passed="3" failed="0" /></ResultSummary></TestRun>""");
        Assert.Equal((7, 1), TrxCounts.Sum([a, b, "/nonexistent.trx"]));
        File.Delete(a); File.Delete(b);
    }
}
