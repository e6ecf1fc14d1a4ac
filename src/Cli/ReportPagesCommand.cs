using PadUat.Support.Checklist;
using PadUat.Support.Features;
using PadUat.Support.Report;
using PadUat.Support.SignOff;

namespace PadUat.Cli;

/// <summary>
/// `paduat report-pages`: the two pages the harness adds to the run's Allure report, from one reading of the run — the
/// page the report opens on (index.html: a product owner's minute) and the checklist line by line (checklist/index.html,
/// each test linked to its page in the report). Prints the checklist's counts: the line the product owner reads first.
/// </summary>
public static class ReportPagesCommand
{
    public static int Write(string root, string resultsDir, string reportDir)
    {
        var run = RunResults.Load(resultsDir);
        var expected = FeatureCatalogue.Load(root);
        var coverage = ChecklistCoverage.Load(root, expected, run);
        var record = SignOffDesk.RecordOfRun(run);

        var checklistDir = Path.Combine(reportDir, "checklist");
        Directory.CreateDirectory(checklistDir);
        var checklistPage = Path.Combine(checklistDir, "index.html");
        // Once this run is signed, the sign-off's own lines show how it answered them.
        var answered = record is null ? coverage : coverage.WithSignOff(SignOffAnswers.Of(record));
        File.WriteAllText(checklistPage, ChecklistPage.Render(answered, run.RunId, ReportLinks.From(reportDir, checklistDir).Test));

        var links = ReportLinks.From(reportDir, reportDir);
        var signOffDir = SignOffDesk.DirFor(resultsDir);
        var validity = Path.Combine(signOffDir, SignOffDesk.ValidityFile);
        var signOff = new SignOffState(record, record is not null && File.Exists(validity) ? File.ReadAllText(validity) : null,
            Path.Combine(Path.GetRelativePath(reportDir, signOffDir), SignOffDesk.PageFile).Replace('\\', '/'));
        File.WriteAllText(Path.Combine(reportDir, "index.html"), SummaryPage.Render(run, SignOffCriteria.Evaluate(run, expected, coverage),
            n => links.Scenario(run, expected, n), links, PerformanceTable.Of(run, expected), RunSeal.Check(resultsDir, AllowedSigners.For(root)), signOff));

        Console.WriteLine(ChecklistPage.Counts(answered) + $" — {Path.GetRelativePath(root, checklistPage)}");
        return 0;
    }
}
