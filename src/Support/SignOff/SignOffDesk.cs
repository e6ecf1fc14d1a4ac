using System.Text.Json;
using System.Text.RegularExpressions;
using PadUat.Support.Allure;
using PadUat.Support.Checklist;
using PadUat.Support.Features;

namespace PadUat.Support.SignOff;

/// <summary>What the signer says: who, their notes, which scenarios they confirm, the exceptions they accept, their key.</summary>
/// <param name="Confirm">"all", or scenario numbers and ranges: "1-8,10".</param>
/// <param name="Exceptions">"N: why" per scenario (or "preflight: why", "checklist: why", "app-tests: why", …), separated by ';'.</param>
/// <param name="AppResults">The application's own test results, JUnit XML: files separated by commas, or a folder.</param>
/// <param name="CriticalBugs">"none", or the critical bugs the signer knows of: "PAD-101: what; …".</param>
/// <param name="Documentation">"complete" when the signer confirms the documentation is.</param>
public sealed record SignOffRequest(string SignedBy, string Notes, string? Confirm, string? Exceptions = null, string? SshKey = null,
    string? AppResults = null, string? CriticalBugs = null, string? Documentation = null);

public sealed record SignOffOutcome(SignOffRecord? Record, IReadOnlyList<string> Refusals);

/// <summary>
/// Signs a run: judges it against plan 5.12 and the features (<see cref="SignOffCriteria"/>), refuses with the
/// reasons unless every shortfall is covered by an exception naming its scenario, and writes the sealed record to
/// reports/signoff/ (page, record, chained log) and as its own entry in that run's Allure results. Verifies later
/// that the record, the results, the signature and the log all still hold — and that the sign-off is this run's.
/// </summary>
public static partial class SignOffDesk
{
    public const string RecordFile = "signoff.json";
    public const string PageFile = "index.html";

    public static SignOffOutcome Sign(string repoRoot, string resultsDir, string signOffDir, SignOffRequest request, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(request.SignedBy)) throw new ArgumentException("--by: the signer's name is required");
        if (string.IsNullOrWhiteSpace(request.Notes)) throw new ArgumentException("--notes: notes are required (what was accepted, on which release)");
        var confirmed = ParseConfirm(request.Confirm);
        var exceptions = ParseExceptions(request.Exceptions);
        var answers = SignerAnswers.From(request.AppResults, request.CriticalBugs, request.Documentation);
        RemoveSignOffEntries(resultsDir);
        var run = RunResults.Load(resultsDir);
        var expected = FeatureCatalogue.Load(repoRoot);
        var assessment = SignOffCriteria.Evaluate(run, expected, ChecklistCoverage.Load(repoRoot, expected, run));

        var refusals = new List<string>();
        foreach (var outcome in new[] { assessment.Preflight }.Concat(assessment.Scenarios))
        {
            var name = Key(outcome.Number);
            if (!outcome.Complete && !exceptions.ContainsKey(name)) refusals.AddRange(outcome.Problems);
            if (outcome.Complete && exceptions.ContainsKey(name)) refusals.Add($"The exception for {name} names a {(outcome.Number == 0 ? "preflight" : "scenario")} that passed: remove it");
            if (outcome.Number > 0 && !confirmed.Contains(outcome.Number))
                refusals.Add($"{outcome.Title} is not confirmed by the signer (the plan: each scenario MUST be completed and user-confirmed)");
        }
        // The checklist line by line: a line neither checked nor declared stops the sign-off unless the signer accepts it as
        // an exception naming the checklist.
        var checklistComplete = !assessment.ChecklistUnaccounted.Any();
        if (!checklistComplete && !exceptions.ContainsKey(ChecklistKey)) refusals.AddRange(assessment.ChecklistUnaccounted);
        if (checklistComplete && exceptions.ContainsKey(ChecklistKey)) refusals.Add("The exception for the checklist names a checklist whose every line is accounted for: remove it");
        // The sign-off lines only the signer can answer: the application's own tests, critical bugs, documentation.
        refusals.AddRange(answers.Shortfalls.Where(s => !exceptions.ContainsKey(s.Key)).Select(s => s.Refusal));
        foreach (var answer in new[] { SignerAnswers.AppTestsKey, SignerAnswers.CriticalBugsKey, SignerAnswers.DocumentationKey })
            if (exceptions.ContainsKey(answer) && answers.Shortfalls.All(s => s.Key != answer)) refusals.Add($"The exception for {answer} names what holds: remove it");
        if (refusals.Count > 0) return new(null, refusals);

        var record = new SignOffRecord(run.RunId, request.SignedBy.Trim(), nowUtc, request.Notes.Trim(), run.Environment, [.. assessment.Criteria, .. answers.Criteria],
            assessment.Scenarios.Select(s => new ScenarioConfirmation(s.Number, s.Title, s.Result, s.NotApplicable,
                $"../allure-report/index.html", confirmed.Contains(s.Number), exceptions.GetValueOrDefault(Key(s.Number)))).ToList(),
            exceptions, run.Tests.Count, run.Digest()).Sealed();
        if (request.SshKey is { } key) record = record with { SshSignature = SshSignature.Sign(record.Canonical(), key) };
        SignOffLog.Append(signOffDir, record);
        Write(record, resultsDir, signOffDir, Verify(record, run, signOffDir, AllowedSigners(repoRoot)));
        return new(record, []);
    }

    /// <summary>
    /// "VALID …" when the record, the results, the SSH signature and the log all still hold; "INVALID …" with each reason
    /// otherwise; "No sign-off …" when there is none, or it belongs to another run. Re-writes the page, and the report entry
    /// of this run's sign-off only.
    /// </summary>
    public static string Verify(string repoRoot, string resultsDir, string signOffDir)
    {
        if (RecordOf(signOffDir) is not { } record) return "No sign-off recorded.";
        RemoveSignOffEntries(resultsDir);
        var run = RunResults.Load(resultsDir);
        if (record.RunId != run.RunId)
            return $"No sign-off for this run (run {Show(run.RunId)}): the last sign-off, by {record.SignedBy} on {record.SignedAtUtc:yyyy-MM-dd HH:mm} UTC, was for run {Show(record.RunId)}.";
        var validity = Verify(record, run, signOffDir, AllowedSigners(repoRoot));
        Write(record, resultsDir, signOffDir, validity);
        return validity;
    }

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

    public static string AllowedSigners(string repoRoot) => Path.Combine(repoRoot, "env", "allowed_signers");

    private static string Verify(SignOffRecord record, RunResults run, string signOffDir, string allowedSigners)
    {
        var problems = new List<string>();
        var notes = new List<string>();
        if (record.ComputeHash() != record.RecordSha256) problems.Add("the sign-off record was edited after signing (its SHA-256 no longer matches)");
        var digest = run.Digest();
        if (digest != record.ResultsSha256) problems.Add($"the results have changed since they were signed (signed SHA-256 {record.ResultsSha256[..Math.Min(12, record.ResultsSha256.Length)]}…, now {digest[..12]}…)");
        if (record.SshSignature is { } signature)
        {
            var (valid, says) = SshSignature.Verify(record.Canonical(), signature, allowedSigners);
            (valid ? notes : problems).Add(says);
        }
        else notes.Add("not SSH-signed");
        var (entries, broken) = SignOffLog.Read(signOffDir);
        if (broken is not null) problems.Add($"the sign-off log is broken: {broken}");
        else if (entries.All(e => e.RecordSha256 != record.RecordSha256)) problems.Add("the sign-off log has no entry for this record");
        else notes.Add($"log of {entries.Count} sign-off(s) intact");
        return problems.Count == 0
            ? $"VALID: {record.Verdict} by {record.SignedBy} on {record.SignedAtUtc:yyyy-MM-dd HH:mm} UTC for run {Show(record.RunId)}; the {record.TestCount} results and the record are as signed (SHA-256 {record.ResultsSha256[..12]}…); {string.Join("; ", notes)}."
            : $"INVALID: {string.Join("; ", problems)}.";
    }

    private static void Write(SignOffRecord record, string resultsDir, string signOffDir, string validity)
    {
        Directory.CreateDirectory(signOffDir);
        var json = JsonSerializer.Serialize(record, AllureResultsWriter.Json);
        File.WriteAllText(Path.Combine(signOffDir, RecordFile), json);
        File.WriteAllText(Path.Combine(signOffDir, PageFile), record.ToHtml(validity));
        var uuid = Guid.NewGuid().ToString();
        var valid = validity.StartsWith("VALID", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(resultsDir, $"{RunResults.SignOffPrefix}{uuid}-record.json"), json);
        File.WriteAllText(Path.Combine(resultsDir, $"{RunResults.SignOffPrefix}{uuid}-page.html"), record.ToHtml(validity));
        var stamp = new DateTimeOffset(record.SignedAtUtc, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var result = new TestResult
        {
            Uuid = uuid,
            Name = $"UAT sign-off (plan 5.12): {record.Verdict} by {record.SignedBy}",
            FullName = "signoff/UAT sign-off (plan 5.12)",
            TestCaseId = "uat-signoff-5.12",
            HistoryId = "uat-signoff-5.12",
            // Green only for a clean, valid sign-off; accepted exceptions show amber (broken), an invalid one red.
            Status = !valid ? AllureStatus.Failed : record.WithExceptions ? AllureStatus.Broken : AllureStatus.Passed,
            StatusDetails = new StatusDetails(record.WithExceptions && valid
                ? $"{validity} Accepted with exceptions: {string.Join("; ", record.Exceptions.Select(e => $"{e.Key}: {e.Value}"))}" : validity, null),
            Stage = "finished",
            Start = stamp,
            Stop = stamp,
            Description = $"{record.Verdict} by {record.SignedBy} on {record.SignedAtUtc:yyyy-MM-dd HH:mm} UTC. Notes: {record.Notes}",
            Labels =
            [
                new("epic", ScenarioResults.Epic), new("parentSuite", "Sign-off"), new("suite", "UAT sign-off (plan 5.12)"),
                new("feature", "UAT sign-off"), new("severity", "blocker"), new("owner", record.SignedBy),
            ],
            Steps = record.Criteria.Select(c => new StepResult
            {
                Name = $"{c.Name}: {c.Detail}", Status = c.Met ? AllureStatus.Passed : AllureStatus.Broken, Stage = "finished", Start = stamp, Stop = stamp,
            }).Concat(record.Scenarios.Select(s => new StepResult
            {
                Name = $"Scenario {s.Number} — {s.Title}: {s.Result}{(s.Exception is { } ex ? $", accepted as an exception: {ex}" : "")}; {(s.Confirmed ? "confirmed" : "not confirmed")} by {record.SignedBy}",
                Status = s.Exception is not null ? AllureStatus.Broken : s.Confirmed && s.Result != ScenarioOutcome.NotPassed ? AllureStatus.Passed : AllureStatus.Failed,
                Stage = "finished", Start = stamp, Stop = stamp,
            })).ToList(),
            Attachments =
            [
                new("sign-off record (JSON)", $"{RunResults.SignOffPrefix}{uuid}-record.json", "application/json"),
                new("sign-off page", $"{RunResults.SignOffPrefix}{uuid}-page.html", "text/html"),
            ],
        };
        File.WriteAllText(Path.Combine(resultsDir, $"{RunResults.SignOffPrefix}{uuid}-result.json"), JsonSerializer.Serialize(result, AllureResultsWriter.Json));
    }

    private const string ChecklistKey = "checklist";

    private static string Key(int scenario) => scenario == 0 ? "preflight" : $"scenario {scenario}";

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

    private static void RemoveSignOffEntries(string resultsDir)
    {
        if (!Directory.Exists(resultsDir)) return;
        foreach (var file in Directory.EnumerateFiles(resultsDir, RunResults.SignOffPrefix + "*")) File.Delete(file);
    }

    [GeneratedRegex(@"^(\d+)(?:-(\d+))?$")]
    private static partial Regex ConfirmPart();

    [GeneratedRegex(@"^(?:scenario\s*)?(preflight|checklist|app-tests|critical-bugs|documentation|\d+)\s*:\s*(\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ExceptionPart();
}
