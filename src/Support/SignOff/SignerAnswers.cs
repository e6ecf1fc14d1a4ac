namespace PadUat.Support.SignOff;

/// <summary>
/// The checklist's sign-off lines a run cannot answer for itself (DV/spec.md, "UAT Sign-Off"): the application's own
/// automated tests ("All automated tests passing (Unit + Integration + E2E = 100%)" — the application's, imported, not
/// this harness's), "No critical bugs identified" as the signer knows them, "Documentation complete". Each becomes a
/// criterion on the record; a shortfall stops the sign-off unless the signer names it as an exception.
/// </summary>
public sealed record SignerAnswers(IReadOnlyList<Criterion> Criteria, IReadOnlyList<(string Key, string Refusal)> Shortfalls)
{
    public const string AppTestsKey = "app-tests";
    public const string CriticalBugsKey = "critical-bugs";
    public const string DocumentationKey = "documentation";
    public const string AppTestsCriterion = "All automated tests passing (Unit + Integration + E2E = 100%)";
    public const string CriticalBugsCriterion = "No critical bugs identified (the signer's answer)";
    public const string DocumentationCriterion = "Documentation complete";

    /// <param name="appResults">--app-results: the application's JUnit XML (files or a folder); null when not given.</param>
    /// <param name="criticalBugs">--critical-bugs: "none", or the bugs "PAD-101: why; PAD-102: why".</param>
    /// <param name="documentation">--documentation: "complete" confirms it.</param>
    public static SignerAnswers From(string? appResults, string? criticalBugs, string? documentation)
    {
        var criteria = new List<Criterion>();
        var shortfalls = new List<(string, string)>();

        var suites = appResults is null ? null : AppTestResults.Load(appResults);
        var red = suites?.Where(s => !s.Green).ToList() ?? [];
        var appDetail = suites is null ? "not imported: no --app-results <the application's JUnit XML>"
            : $"{suites.Sum(s => s.Passed)} passed of {suites.Sum(s => s.Tests)} in {suites.Count} suite(s): {string.Join("; ", suites)}";
        criteria.Add(new(AppTestsCriterion, suites is not null && red.Count == 0, appDetail, [AppTestsKey]));
        if (suites is null)
            shortfalls.Add((AppTestsKey, $"{AppTestsCriterion}: the application's own test results are not imported (--app-results <JUnit XML>…)"));
        foreach (var suite in red)
            shortfalls.Add((AppTestsKey, $"{AppTestsCriterion}: {suite}"));

        if (string.IsNullOrWhiteSpace(criticalBugs))
            throw new ArgumentException("--critical-bugs: say whether you found critical bugs: none, or \"PAD-101: what; PAD-102: what\"");
        var bugs = criticalBugs.Trim().Equals("none", StringComparison.OrdinalIgnoreCase) ? []
            : criticalBugs.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        criteria.Add(new(CriticalBugsCriterion, bugs.Length == 0, bugs.Length == 0 ? "none, says the signer" : $"the signer names {string.Join("; ", bugs)}", [CriticalBugsKey]));
        foreach (var bug in bugs) shortfalls.Add((CriticalBugsKey, $"Critical bug named by the signer: {bug}"));

        if (documentation is not null && documentation.Trim() != "complete")
            throw new ArgumentException($"--documentation: 'complete' confirms the documentation is complete ('{documentation}' does not); leave it out if it is not");
        var documented = documentation is not null;
        criteria.Add(new(DocumentationCriterion, documented, documented ? "confirmed by the signer" : "not confirmed (--documentation complete)", [DocumentationKey]));
        if (!documented) shortfalls.Add((DocumentationKey, $"{DocumentationCriterion}: not confirmed by the signer (--documentation complete)"));

        return new(criteria, shortfalls);
    }
}
