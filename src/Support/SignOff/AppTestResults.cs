using System.Xml;
using System.Xml.Linq;

namespace PadUat.Support.SignOff;

/// <summary>One suite of the application's own automated tests, as its JUnit XML counts them.</summary>
/// <param name="Source">The file it was read from, as given.</param>
public sealed record AppSuite(string Name, string Source, int Tests, int Failures, int Errors, int Skipped)
{
    public int Passed => Tests - Failures - Errors - Skipped;

    /// <summary>Ran tests and none failed or erred: the checklist's "100%" for this suite.</summary>
    public bool Green => Tests > Skipped && Failures == 0 && Errors == 0;

    public override string ToString() => $"{Name} ({Source}): {Passed} passed, {Failures} failed, {Errors} errors, {Skipped} skipped of {Tests}";
}

/// <summary>
/// The application's own automated test results — the checklist's sign-off line "All automated tests passing (Unit +
/// Integration + E2E = 100%)" (DV/spec.md TR-3: pytest's unit, integration and e2e suites; Playwright's) — imported from
/// the JUnit XML its CI writes (pytest --junitxml, Playwright's junit reporter): a file, several separated by commas, or
/// a folder of them. A file that is not JUnit XML ends in one line naming it.
/// </summary>
public static class AppTestResults
{
    public static IReadOnlyList<AppSuite> Load(string given)
    {
        var files = given.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .SelectMany<string, string>(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*.xml").Order(StringComparer.Ordinal) : [p]).ToList();
        if (files.Count == 0) throw new ArgumentException($"--app-results: no JUnit XML in '{given}'");
        return files.SelectMany(Read).ToList();
    }

    private static IEnumerable<AppSuite> Read(string file)
    {
        if (!File.Exists(file)) throw new ArgumentException($"--app-results: {file} does not exist");
        XDocument xml;
        try { xml = XDocument.Load(file); }
        catch (XmlException e) { throw new ArgumentException($"--app-results: {file} is not XML — {e.Message.Split('.')[0]}"); }
        var suites = xml.Root?.Name.LocalName switch
        {
            "testsuites" => xml.Root.Elements("testsuite").ToList(),
            "testsuite" => [xml.Root],
            _ => throw new ArgumentException($"--app-results: {file} is not JUnit XML (its root is <{xml.Root?.Name.LocalName}>, not <testsuites> or <testsuite>)"),
        };
        if (suites.Count == 0) throw new ArgumentException($"--app-results: {file} holds no <testsuite>");
        return suites.Select(s => Suite(s, file));
    }

    /// <summary>The suite's own counts where it gives them; otherwise counted from its test cases.</summary>
    private static AppSuite Suite(XElement suite, string file)
    {
        var cases = suite.Descendants("testcase").ToList();
        int Count(string attribute, params string[] child) => (int?)suite.Attribute(attribute) is { } n ? n
            : cases.Count(c => child.Any(name => c.Element(name) is not null));
        var tests = (int?)suite.Attribute("tests") ?? cases.Count;
        return new((string?)suite.Attribute("name") ?? Path.GetFileNameWithoutExtension(file), file, tests,
            Count("failures", "failure"), Count("errors", "error"), Count("skipped", "skipped"));
    }
}
