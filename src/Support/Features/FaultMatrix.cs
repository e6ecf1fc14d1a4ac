using PadUat.Support.Allure;
using PadUat.Support.SignOff;

namespace PadUat.Support.Features;

/// <summary>One sandbox fault and the tags of the scenarios that exist to catch it (features/fault-matrix.tsv).</summary>
public sealed record FaultRow(string Fault, IReadOnlyList<string> Tags);

/// <summary>How the scenarios carrying one tag ended with a fault injected. Caught = at least one failed as a product defect.</summary>
public sealed record FaultVerdict(string Tag, int Failed, int Broken, int Passed, int Total)
{
    public bool Caught => Failed > 0;

    /// <summary>Broken is the harness or the infrastructure, not a verdict on the product: it never counts as catching a fault.</summary>
    public static FaultVerdict Of(IEnumerable<TestResult> results, string tag)
    {
        var tests = results.Where(t => RunResults.Tags(t).Contains(tag)).ToList();
        return new(tag, tests.Count(t => t.Status == AllureStatus.Failed), tests.Count(t => t.Status == AllureStatus.Broken),
            tests.Count(t => t.Status == AllureStatus.Passed), tests.Count);
    }

    public override string ToString() => $"{Tag}: {(Caught ? "caught" : "MISSED")} failed={Failed} broken={Broken} passed={Passed} of={Total}";
}

/// <summary>Every sandbox fault must turn red the scenario(s) that exist to catch it; a fault nothing catches is a missing check.</summary>
public static class FaultMatrix
{
    public static IReadOnlyList<FaultRow> Read(string path) =>
        File.ReadAllLines(path).Select((line, i) => (line, number: i + 1))
            .Where(l => l.line.Trim().Length > 0 && !l.line.StartsWith('#'))
            .Select(l => l.line.Split('\t') is [var fault, var tags] && fault.Trim().Length > 0 && tags.Trim().Length > 0
                ? new FaultRow(fault.Trim(), tags.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                : throw new InvalidOperationException($"{Path.GetFileName(path)} line {l.number}: expected '<fault><TAB><tag>[,<tag>…]', got '{l.line}'"))
            .ToList();

    /// <summary>The filter that runs exactly the scenarios of a row: any of its tags.</summary>
    public static string Filter(FaultRow row) => string.Join('|', row.Tags.Select(t => $"Category={t}"));
}
