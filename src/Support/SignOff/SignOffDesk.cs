using System.Text.Json;
using System.Text.RegularExpressions;
using PadUat.Support.Allure;
using PadUat.Support.Checklist;
using PadUat.Support.Features;
using PadUat.Support.Report;

namespace PadUat.Support.SignOff;

/// <summary>What the signer says: their key, their notes, which scenarios they confirm, the exceptions they accept, the release.</summary>
/// <param name="SshKey">The signer's private SSH key; its principal in the allowed signers is the name on the record.</param>
/// <param name="Confirm">"all", or scenario numbers and ranges: "1-8,10".</param>
/// <param name="Exceptions">"N: why" per scenario (or "preflight: why", "checklist: why", "app-tests: why", …), separated by ';'.</param>
/// <param name="AppResults">The application's own test results, JUnit XML: files separated by commas, or a folder.</param>
/// <param name="CriticalBugs">"none", or the critical bugs the signer knows of: "PAD-101: what; …".</param>
/// <param name="Documentation">"complete" when the signer confirms the documentation is.</param>
/// <param name="Release">The release signed off ("PAD 2.3"); without it the sign-off is a rehearsal.</param>
public sealed record SignOffRequest(string? SshKey, string Notes, string? Confirm, string? Exceptions = null,
    string? AppResults = null, string? CriticalBugs = null, string? Documentation = null, string? Release = null);

public sealed record SignOffOutcome(SignOffRecord? Record, IReadOnlyList<string> Refusals);

/// <summary>
/// Signs a run: holds its results to the run's manifest and TRX files (<see cref="RunIntegrity"/>), judges it against plan
/// 5.12 and the features (<see cref="SignOffCriteria"/>), refuses with the reasons unless every shortfall of every criterion
/// is covered by an exception naming it, and writes the record, SSH-signed by the signer, to reports/signoff/ (page,
/// record, chained log). A release sign-off needs the pipeline's seal on the run, a release name, the real system and
/// the repository's allowed signers; anything less is a rehearsal, and says so. Verifies later that all of it still holds.
/// </summary>
public static partial class SignOffDesk
{
    public const string RecordFile = "signoff.json";
    public const string PageFile = "index.html";

    public static SignOffOutcome Sign(string repoRoot, string resultsDir, string signOffDir, SignOffRequest request, AllowedSigners signers, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(request.SshKey))
            throw new ArgumentException($"--ssh-key: a sign-off is signed with your SSH key, one {signers.Name} lists for you (the name on the record is its principal there)");
        if (string.IsNullOrWhiteSpace(request.Notes)) throw new ArgumentException("--notes: notes are required (what was accepted, on which release)");
        if (request.Release is { } named && string.IsNullOrWhiteSpace(named)) throw new ArgumentException("--release: name the release signed off, e.g. \"PAD 2.3\"");
        var confirmed = ParseConfirm(request.Confirm);
        var exceptions = ParseExceptions(request.Exceptions);
        var answers = SignerAnswers.From(request.AppResults, request.CriticalBugs, request.Documentation);
        var signer = Principal(request.SshKey, signers);
        if (signer.Name is null) return new(null, [signer.Says]);
        var run = RunResults.Load(resultsDir);
        var manifest = RunManifest.Read(resultsDir);
        var integrity = RunIntegrity.Problems(run, manifest);
        if (integrity.Count > 0) return new(null, integrity.Select(p => $"The run's results: {p}").ToList());
        var seal = RunSeal.Check(resultsDir, signers);
        var expected = FeatureCatalogue.Load(repoRoot);
        var assessment = SignOffCriteria.Evaluate(run, expected, ChecklistCoverage.Load(repoRoot, expected, run));

        var refusals = ReleaseRefusals(request.Release, seal, signers, run).ToList();
        if (seal.Kind == SealKind.Broken) refusals.Add($"The run's seal: {seal.Says} — sign the run as the pipeline left it");
        foreach (var outcome in new[] { assessment.Preflight }.Concat(assessment.Scenarios))
        {
            var name = SignOffCriteria.ScenarioKey(outcome.Number);
            if (!outcome.Complete && !exceptions.ContainsKey(name)) refusals.AddRange(outcome.Problems);
            if (outcome.Complete && exceptions.ContainsKey(name)) refusals.Add($"The exception for {name} names a {(outcome.Number == 0 ? "preflight" : "scenario")} that passed: remove it");
            if (outcome.Number > 0 && !confirmed.Contains(outcome.Number))
                refusals.Add($"{outcome.Title} is not confirmed by the signer (the plan: each scenario MUST be completed and user-confirmed): add it to --confirm once you have reviewed it");
        }
        // The checklist line by line: a line neither checked nor declared stops the sign-off unless the signer accepts it as
        // an exception naming the checklist.
        var checklistComplete = !assessment.ChecklistUnaccounted.Any();
        if (!checklistComplete && !exceptions.ContainsKey(SignOffCriteria.ChecklistKey)) refusals.AddRange(assessment.ChecklistUnaccounted);
        if (checklistComplete && exceptions.ContainsKey(SignOffCriteria.ChecklistKey)) refusals.Add("The exception for the checklist names a checklist whose every line is accounted for: remove it");
        // The sign-off lines only the signer can answer: the application's own tests, critical bugs, documentation.
        refusals.AddRange(answers.Shortfalls.Where(s => !exceptions.ContainsKey(s.Key)).Select(s => s.Refusal));
        foreach (var answer in new[] { SignerAnswers.AppTestsKey, SignerAnswers.CriticalBugsKey, SignerAnswers.DocumentationKey })
            if (exceptions.ContainsKey(answer) && answers.Shortfalls.All(s => s.Key != answer)) refusals.Add($"The exception for {answer} names what holds: remove it");
        // The verdict follows every criterion: a ✘ the reasons above did not already name is refused in its own words.
        var criteria = (IReadOnlyList<Criterion>)[.. assessment.Criteria, .. answers.Criteria];
        if (refusals.Count == 0)
            foreach (var unmet in criteria.Where(c => !c.Met && !c.ExceptionKeys.All(exceptions.ContainsKey)))
                refusals.Add($"✘ {unmet.Name}: {unmet.Detail} — " + (unmet.ExceptionKeys.Contains(SignOffCriteria.NoExceptionKey)
                    ? "no exception can accept a result of a test the features do not define: run the UAT again with ./uat"
                    : $"fix the run, or accept it knowingly: --accept-with-exceptions \"{string.Join("; ", unmet.ExceptionKeys.Select(k => $"{k}: <why>"))}\""));
        if (refusals.Count > 0) return new(null, refusals);

        var report = ReportLinks.From(Path.Combine(signOffDir, "..", "allure-report"), signOffDir);
        var record = new SignOffRecord(request.Release?.Trim(), run.RunId, signer.Name, nowUtc, request.Notes.Trim(), run.Environment, criteria,
            assessment.Scenarios.Select(s => new ScenarioConfirmation(s.Number, s.Title, s.Result, s.NotApplicable,
                report.Scenario(run, expected, s.Number), confirmed.Contains(s.Number), exceptions.GetValueOrDefault(SignOffCriteria.ScenarioKey(s.Number)))).ToList(),
            exceptions, run.Tests.Count, RunManifest.Sha256OfFile(resultsDir), seal.Pipeline, seal.Sealed ? manifest!.Pipeline : null, signers.Name).Sealed();
        record = record with { SshSignature = SshSignature.Sign(record.Canonical(), request.SshKey, SshSignature.SignOffNamespace) };
        SignOffLog.Append(signOffDir, record);
        Write(record, signOffDir, Verify(record, run, signOffDir, signers));
        return new(record, []);
    }

    /// <summary>
    /// "VALID …" when the record, its signature, the run's results, its seal and the log all still hold; "INVALID …" with
    /// each reason otherwise; "No sign-off …" when there is none, or it belongs to another run. Re-writes the page.
    /// </summary>
    public static string Verify(string resultsDir, string signOffDir, AllowedSigners signers)
    {
        if (RecordOf(signOffDir) is not { } record) return "No sign-off recorded.";
        var run = RunResults.Load(resultsDir);
        if (record.RunId != run.RunId)
            return $"No sign-off for this run (run {Show(run.RunId)}): the last sign-off, by {record.SignedBy} on {record.SignedAtUtc:yyyy-MM-dd HH:mm} UTC, was for run {Show(record.RunId)}.";
        var validity = Verify(record, run, signOffDir, signers);
        Write(record, signOffDir, validity);
        return validity;
    }

    /// <summary>Where the sign-off of the results in <paramref name="resultsDir"/> is kept: beside them (reports/signoff for reports/allure-results).</summary>
    public static string DirFor(string resultsDir) => Path.Combine(RunManifest.Folder(resultsDir), "signoff");

    /// <summary>The sign-off of this run, or null where the last one is another run's or there is none.</summary>
    public static SignOffRecord? RecordOfRun(RunResults run) => RecordOf(DirFor(run.Directory)) is { } record && record.RunId == run.RunId ? record : null;

    /// <summary>The last sign-off's record, or null where there is none; a file that is not one ends in one line naming it.</summary>
    public static SignOffRecord? RecordOf(string signOffDir)
    {
        var path = Path.Combine(signOffDir, RecordFile);
        if (!File.Exists(path)) return null;
        SignOffRecord? record;
        try { record = JsonSerializer.Deserialize<SignOffRecord>(File.ReadAllText(path), AllureResultsWriter.Json); }
        catch (JsonException e) { throw new InvalidOperationException($"{path}: not a sign-off record — {e.Message.Split('.')[0]}"); }
        if (record is null || record.RunId is null || record.Criteria is null || record.Scenarios is null || record.Exceptions is null || record.Environment is null)
            throw new InvalidOperationException($"{path}: not a sign-off record — fields are missing");
        return record;
    }

    /// <summary>Who the key belongs to, by the allowed signers — checked when signing, not only later.</summary>
    private static (string? Name, string Says) Principal(string key, AllowedSigners signers)
    {
        var probe = "paduat: who signs"u8.ToArray();
        var (principal, says) = SshSignature.Verify(probe, SshSignature.Sign(probe, key, SshSignature.SignOffNamespace), signers.Path, SshSignature.SignOffNamespace);
        return principal is not null ? (principal, says)
            : (null, $"--ssh-key: {key} is not a signer's key — {says}. A person signs with a key {signers.Name} lists for them, " +
                     $"added by review: you@firm.example namespaces=\"{SshSignature.SignOffNamespace}\" ssh-ed25519 AAAA…");
    }

    /// <summary>What a release sign-off needs beyond a rehearsal's: the pipeline's seal, the reviewed allowed signers, the real system.</summary>
    private static IEnumerable<string> ReleaseRefusals(string? release, SealState seal, AllowedSigners signers, RunResults run)
    {
        if (release is null) yield break;
        if (!seal.Sealed) yield return $"A release sign-off is of a run the pipeline sealed; this one is {seal.Says}: sign the nightly's sealed run, or leave out --release to sign this one as a rehearsal";
        if (!signers.TrustedForRelease) yield return $"A release sign-off is checked against env/allowed_signers only, not {signers.Path} ({AllowedSigners.Variable}): unset it";
        if (run.IsStandIn) yield return $"A release sign-off is of the real system; this run was against the stand-in (SUT.version {run.Environment.GetValueOrDefault("SUT.version")}): leave out --release";
    }

    private static string Verify(SignOffRecord record, RunResults run, string signOffDir, AllowedSigners signers)
    {
        var problems = new List<string>();
        var notes = new List<string>();
        if (record.ComputeHash() != record.RecordSha256) problems.Add("the sign-off record was edited after signing (its SHA-256 no longer matches)");
        if (record.SshSignature is not { } signature) problems.Add("the record carries no signature of its signer: anyone could have written it");
        else
        {
            var (principal, says) = SshSignature.Verify(record.Canonical(), signature, signers.Path, SshSignature.SignOffNamespace);
            if (principal is null) problems.Add(says);
            else if (principal != record.SignedBy) problems.Add($"the record names {record.SignedBy} but {principal}'s key signed it");
            else notes.Add(says);
        }
        if (record.IsRelease && !signers.TrustedForRelease) problems.Add($"a release sign-off verifies against env/allowed_signers only, not {signers.Path}");
        var manifest = File.Exists(RunManifest.PathFor(run.Directory)) ? RunManifest.Sha256OfFile(run.Directory) : "";
        if (manifest != record.ManifestSha256) problems.Add("the run's manifest is not the one signed");
        problems.AddRange(RunIntegrity.Problems(run, RunManifest.Read(run.Directory)));
        var seal = RunSeal.Check(run.Directory, signers);
        if (seal.Kind == SealKind.Broken || (record.SealedBy is not null && seal.Pipeline != record.SealedBy)) problems.Add($"the run's seal: {seal.Says}");
        else if (record.IsRelease && !seal.Sealed) problems.Add("a release sign-off of a run not sealed by the CI");
        else notes.Add(seal.Sealed ? $"{seal.Says}{(record.Pipeline is { } p ? $" in {p.Name}{(p.Url is { } url ? $" ({url})" : "")}" : "")}" : seal.Says);
        var (entries, broken) = SignOffLog.Read(signOffDir);
        if (broken is not null) problems.Add($"the sign-off log is broken: {broken}");
        else if (entries.All(e => e.RecordSha256 != record.RecordSha256)) problems.Add("the sign-off log has no entry for this record");
        else notes.Add($"log of {entries.Count} sign-off(s) intact");
        var kind = record.IsRelease ? "" : $" (not a release sign-off: {record.NotARelease})";
        return problems.Count == 0
            ? $"VALID: {record.Verdict}{kind} by {record.SignedBy} on {record.SignedAtUtc:yyyy-MM-dd HH:mm} UTC for run {Show(record.RunId)} against {record.Environment.GetValueOrDefault("APP_ENV", "?")}" +
              $"{(run.IsStandIn ? " (the stand-in)" : "")}; the {record.TestCount} results are the run as it ended (manifest SHA-256 {record.ManifestSha256[..12]}…); {string.Join("; ", notes)}."
            : $"INVALID: {string.Join("; ", problems)}.";
    }

    private static void Write(SignOffRecord record, string signOffDir, string validity)
    {
        Directory.CreateDirectory(signOffDir);
        File.WriteAllText(Path.Combine(signOffDir, RecordFile), JsonSerializer.Serialize(record, AllureResultsWriter.Json));
        File.WriteAllText(Path.Combine(signOffDir, PageFile), record.ToHtml(validity));
        File.WriteAllText(Path.Combine(signOffDir, ValidityFile), validity);
    }

    /// <summary>What the last --verify said, for the report's summary page.</summary>
    public const string ValidityFile = "validity.txt";

    private static string Show(string runId) => runId.Length == 0 ? "(unknown)" : runId;

    private static HashSet<int> ParseConfirm(string? confirm)
    {
        const string usage = "--confirm: confirm the scenarios you reviewed: all, or numbers and ranges such as 1-8,10";
        if (string.IsNullOrWhiteSpace(confirm)) throw new ArgumentException(usage);
        if (confirm.Trim() == "all") return Enumerable.Range(1, SignOffCriteria.UatScenarios).ToHashSet();
        var numbers = new HashSet<int>();
        foreach (var part in confirm.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var m = ConfirmPart().Match(part);
            if (!m.Success) throw new ArgumentException($"{usage} ('{part}' is neither)");
            var from = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var to = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : from;
            if (from < 1 || to > SignOffCriteria.UatScenarios || from > to) throw new ArgumentException($"{usage} ('{part}' is not within 1-10)");
            for (var n = from; n <= to; n++) numbers.Add(n);
        }
        return numbers;
    }

    private static Dictionary<string, string> ParseExceptions(string? text)
    {
        var exceptions = new Dictionary<string, string>();
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var m = ExceptionPart().Match(part);
            if (!m.Success)
                throw new ArgumentException("--accept-with-exceptions: each exception names what it accepts — a scenario's number, preflight, checklist, app-tests, critical-bugs or documentation — " +
                    $"e.g. \"10: page loads accepted until the index release; app-tests: e2e suite re-run after the fix\" ('{part}' does not)");
            var named = m.Groups[1].Value.ToLowerInvariant();
            var key = int.TryParse(named, System.Globalization.CultureInfo.InvariantCulture, out var number) ? $"scenario {number}" : named;
            if (key.StartsWith("scenario ", StringComparison.Ordinal) && int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is < 1 or > SignOffCriteria.UatScenarios)
                throw new ArgumentException($"--accept-with-exceptions: there is no scenario {m.Groups[1].Value}");
            if (!exceptions.TryAdd(key, m.Groups[2].Value.Trim())) throw new ArgumentException($"--accept-with-exceptions: {key} is named twice");
        }
        return exceptions;
    }

    [GeneratedRegex(@"^(\d+)(?:-(\d+))?$")]
    private static partial Regex ConfirmPart();

    [GeneratedRegex(@"^(?:scenario\s*)?(preflight|checklist|app-tests|critical-bugs|documentation|\d+)\s*:\s*(\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ExceptionPart();
}
