using PadUat.Support.Checklist;
using PadUat.Support.Report;
using PadUat.Support.SignOff;

namespace PadUat.Cli;

/// <summary>
/// Writes the checklist's coverage page for the last run beside its Allure report (reports/allure-report/checklist/),
/// each test linked to its page in the report, and prints the counts: the line the product owner reads first.
/// </summary>
public static class ChecklistCommand
{
    public static int Write(string root, string resultsDir, string pageDir)
    {
        var run = RunResults.Load(resultsDir);
        var coverage = ChecklistCoverage.Load(root, run);
        // Once this run is signed, the sign-off's own lines show how it answered them.
        if (SignOffDesk.RecordOfRun(run) is { } record)
            coverage = coverage.WithSignOff(SignOffAnswers.Of(record));
        Directory.CreateDirectory(pageDir);
        var page = Path.Combine(pageDir, "index.html");
        var links = ReportLinks.From(Path.GetDirectoryName(Path.GetFullPath(pageDir))!, pageDir);
        File.WriteAllText(page, ChecklistPage.Render(coverage, run.RunId, links.Test));
        Console.WriteLine(ChecklistPage.Counts(coverage) + $" — {Path.GetRelativePath(root, page)}");
        return 0;
    }
}
