using System.Xml;
using System.Xml.Linq;
using PadUat.Support.Allure;

namespace PadUat.Support.SignOff;

/// <summary>
/// Whether a run's results are the run as it ended: every file as its manifest has it (nothing edited, added or
/// removed), the environment the manifest's, each test once, no result passed over a step that failed, and as many
/// tests passed, failed and skipped as dotnet test itself recorded in the TRX files. Each problem in one line.
/// </summary>
public static class RunIntegrity
{
    /// <summary>Environment keys the manifest holds too: which run, of what, against what.</summary>
    private static readonly (string Key, Func<RunManifest, string> Value)[] Bound =
    [
        ("Run.id", m => m.RunId), ("APP_ENV", m => m.Target), ("Database", m => m.Database), ("SUT.version", m => m.SutVersion), ("Harness.commit", m => m.HarnessCommit),
    ];

    public static IReadOnlyList<string> Problems(RunResults run, RunManifest? manifest)
    {
        if (manifest is null)
            return [$"the run has no manifest ({RunManifest.FileName} beside its results): only a run ./uat completed can be signed — run it with ./uat (or ./uat merge for shards)"];
        var problems = new List<string>();
        var folder = RunManifest.Folder(run.Directory);
        if (!File.Exists(Path.Combine(run.Directory, "environment.properties")))
            problems.Add("the run has no environment.properties: which target, run and system version it was is unknown");
        foreach (var (key, value) in Bound)
            if (run.Environment.GetValueOrDefault(key, "") is var actual && actual != value(manifest))
                problems.Add($"environment.properties says {key}={Show(actual)}, the run's manifest {Show(value(manifest))}");
        var listed = manifest.Files.ToDictionary(f => f.Path);
        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(folder, file.Path);
            if (!File.Exists(path)) problems.Add($"{file.Path}: in the run's manifest, now missing");
            else if (RunManifest.Sha256Of(path) != file.Sha256) problems.Add($"{file.Path}: changed since the run ended (its SHA-256 is not the manifest's)");
        }
        foreach (var file in Directory.EnumerateFiles(run.Directory).Select(f => Path.GetRelativePath(folder, f)).Where(f => !listed.ContainsKey(f)).Order(StringComparer.Ordinal))
            problems.Add($"{file}: not part of the run as it ended (not in its manifest)");
        foreach (var twice in run.Tests.GroupBy(RunResults.Identity).Where(g => g.Count() > 1))
            problems.Add($"'{twice.First().Name}' has {twice.Count()} results: each test runs once");
        foreach (var test in run.Tests.Where(t => t.Status == AllureStatus.Passed))
            if (Flatten(test.Steps).FirstOrDefault(s => s.Status is AllureStatus.Failed or AllureStatus.Broken) is { } step)
                problems.Add($"'{test.Name}' says passed but its step '{step.Name}' {step.Status}");
        var trx = manifest.Files.Where(f => f.Path.EndsWith(".trx", StringComparison.OrdinalIgnoreCase)).Select(f => Path.Combine(folder, f.Path)).ToList();
        if (trx.Count == 0) problems.Add("the run's manifest names no TRX file: what dotnet test recorded cannot be compared");
        else if (trx.All(File.Exists))
        {
            var recorded = Outcomes(trx);
            var reported = (Passed: run.Tests.Count(t => t.Status == AllureStatus.Passed), NotPassed: run.Tests.Count(t => t.Status is AllureStatus.Failed or AllureStatus.Broken),
                Skipped: run.Tests.Count(t => t.Status == AllureStatus.Skipped));
            if (recorded != reported)
                problems.Add($"the results say {reported.Passed} passed, {reported.NotPassed} failed or broken, {reported.Skipped} skipped; dotnet test recorded " +
                             $"{recorded.Passed} passed, {recorded.NotPassed} failed, {recorded.Skipped} not executed (TRX): a result was edited, added or lost");
        }
        return problems;
    }

    private static IEnumerable<StepResult> Flatten(IEnumerable<StepResult> steps) => steps.SelectMany(s => Flatten(s.Steps).Prepend(s));

    private static string Show(string value) => value.Length == 0 ? "(nothing)" : value;

    private static (int Passed, int NotPassed, int Skipped) Outcomes(IEnumerable<string> files)
    {
        var (passed, notPassed, skipped) = (0, 0, 0);
        foreach (var file in files)
        {
            XDocument trx;
            try { trx = XDocument.Load(file); }
            catch (XmlException e) { throw new InvalidOperationException($"{file}: not a TRX file — {e.Message}"); }
            foreach (var outcome in trx.Descendants().Where(e => e.Name.LocalName == "UnitTestResult").Select(e => (string?)e.Attribute("outcome")))
            {
                if (outcome == "Passed") passed++;
                else if (outcome == "NotExecuted") skipped++;
                else notPassed++;
            }
        }
        return (passed, notPassed, skipped);
    }
}
