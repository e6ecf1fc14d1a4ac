using PadUat.Support.Checklist;
using PadUat.Support.Features;
using PadUat.Support.Report;
using PadUat.Support.SignOff;

namespace PadUat.Cli;

/// <summary>`paduat report-summary`: writes the page the report opens on (index.html) for the run in the results folder.</summary>
public static class ReportSummaryCommand
{
    public static int Write(string root, string resultsDir, string reportDir)
    {
        var run = RunResults.Load(resultsDir);
        var expected = FeatureCatalogue.Load(root);
        var assessment = SignOffCriteria.Evaluate(run, expected, ChecklistCoverage.Load(root, expected, run));
        var links = ReportLinks.From(reportDir, reportDir);
        var signOffDir = SignOffDesk.DirFor(resultsDir);
        var record = SignOffDesk.RecordOfRun(run);
        var validity = Path.Combine(signOffDir, SignOffDesk.ValidityFile);
        var signOff = new SignOffState(record, record is not null && File.Exists(validity) ? File.ReadAllText(validity) : null,
            Path.Combine(Path.GetRelativePath(reportDir, signOffDir), SignOffDesk.PageFile).Replace('\\', '/'));
        var page = Path.Combine(reportDir, "index.html");
        File.WriteAllText(page, SummaryPage.Render(run, assessment, n => links.Scenario(run, expected, n), links, PerformanceTable.Of(run, expected),
            RunSeal.Check(resultsDir, AllowedSigners.For(root)), signOff));
        Console.WriteLine(page);
        return 0;
    }
}
