using PadUat.Support.Allure;
using PadUat.Support.Features;
using PadUat.Support.SignOff;

namespace PadUat.Support.Report;

/// <summary>
/// Where a test's evidence is in the rendered report, from a page beside it. The report opens on the summary page
/// (index.html); Allure's own pages are tests.html, where a result has the id MD5(uuid) and its page is tests.html#id.
/// </summary>
public sealed class ReportLinks(string prefix)
{
    public const string TestsPage = "tests.html";

    /// <summary>Links from a page in <paramref name="fromDir"/> into the report in <paramref name="reportDir"/>.</summary>
    public static ReportLinks From(string reportDir, string fromDir)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(fromDir), Path.GetFullPath(reportDir)).Replace('\\', '/');
        return new ReportLinks(relative == "." ? "" : relative + "/");
    }

    public string Tests => prefix + TestsPage;

    public string Test(string uuid) => $"{Tests}#{ExpectedTest.Md5(uuid)}";

    /// <summary>A scenario's evidence: its first test that did not pass, else its first test; the report's tests when none ran.</summary>
    public string Scenario(RunResults run, IReadOnlyList<ExpectedTest> expected, int number)
    {
        var results = expected.Where(e => number == 0 ? e.IsPreflight : e.Scenario == number).Select(run.Find).OfType<TestResult>().ToList();
        var shown = results.FirstOrDefault(t => t.Status is AllureStatus.Failed or AllureStatus.Broken) ?? results.FirstOrDefault();
        return shown is null ? Tests : Test(shown.Uuid);
    }
}
