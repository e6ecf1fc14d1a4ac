using System.Text.Json;
using PadUat.Support.Allure;

namespace PadUat.Support.SignOff;

public sealed record SignOffOutcome(SignOffRecord? Record, IReadOnlyList<string> Refusals);

/// <summary>
/// Signs a run: computes plan 5.12's checklist from the results, refuses (with reasons) a run that misses a
/// criterion unless the signer accepts it with exceptions, and writes the record to reports/signoff/ and as its
/// own entry in the Allure results. Verifies later that the run still matches what was signed.
/// </summary>
public static class SignOffDesk
{
    public const string RecordFile = "signoff.json";
    public const string PageFile = "index.html";

    public static SignOffOutcome Sign(string resultsDir, string signOffDir, string signedBy, string notes, string? acceptWithExceptions, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(signedBy)) return new(null, ["--by: the signer's name is required"]);
        RemovePreviousSignOff(resultsDir);
        var run = RunResults.Load(resultsDir);
        var criteria = SignOffCriteria.Evaluate(run);
        var unmet = criteria.Where(c => !c.Met).Select(c => $"{c.Name}: {c.Detail}").ToList();
        if (unmet.Count > 0 && string.IsNullOrWhiteSpace(acceptWithExceptions)) return new(null, unmet);

        var record = new SignOffRecord(signedBy.Trim(), nowUtc, notes, run.Environment, criteria,
            unmet.Count > 0 ? acceptWithExceptions : null, run.Tests.Count, run.Digest());
        Write(record, resultsDir, signOffDir, Verify(record, run));
        return new(record, []);
    }

    /// <summary>"VALID …" when the results are exactly those signed; otherwise why not. Re-writes the page and the report entry to match.</summary>
    public static string Verify(string resultsDir, string signOffDir)
    {
        var path = Path.Combine(signOffDir, RecordFile);
        if (!File.Exists(path)) return "No sign-off recorded for this run.";
        var record = JsonSerializer.Deserialize<SignOffRecord>(File.ReadAllText(path), AllureResultsWriter.Json)!;
        var validity = Verify(record, RunResults.Load(resultsDir));
        RemovePreviousSignOff(resultsDir);
        Write(record, resultsDir, signOffDir, validity);
        return validity;
    }

    private static string Verify(SignOffRecord record, RunResults run) => run.Digest() == record.ResultsSha256
        ? $"VALID: these are the {record.TestCount} results signed on {record.SignedAtUtc:yyyy-MM-dd HH:mm} UTC (SHA-256 {record.ResultsSha256[..12]}…)."
        : $"INVALID: the results have changed since they were signed (signed SHA-256 {record.ResultsSha256[..12]}…, now {run.Digest()[..12]}…).";

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
            Status = valid ? AllureStatus.Passed : AllureStatus.Broken,
            StatusDetails = new StatusDetails(validity, null),
            Stage = "finished",
            Start = stamp,
            Stop = stamp,
            Description = $"{record.Verdict} by {record.SignedBy} on {record.SignedAtUtc:yyyy-MM-dd HH:mm} UTC. Notes: {record.Notes}" +
                          (record.AcceptedWithExceptions is { } why ? $" Accepted with exceptions: {why}" : ""),
            Labels =
            [
                new("epic", ScenarioResults.Epic), new("parentSuite", "Sign-off"), new("suite", "UAT sign-off (plan 5.12)"),
                new("feature", "UAT sign-off"), new("severity", "blocker"), new("owner", record.SignedBy),
            ],
            Steps = record.Criteria.Select(c => new StepResult
            {
                Name = $"{c.Name}: {c.Detail}", Status = c.Met ? AllureStatus.Passed : AllureStatus.Failed, Stage = "finished", Start = stamp, Stop = stamp,
            }).ToList(),
            Attachments =
            [
                new("sign-off record (JSON)", $"{RunResults.SignOffPrefix}{uuid}-record.json", "application/json"),
                new("sign-off page", $"{RunResults.SignOffPrefix}{uuid}-page.html", "text/html"),
            ],
        };
        File.WriteAllText(Path.Combine(resultsDir, $"{RunResults.SignOffPrefix}{uuid}-result.json"), JsonSerializer.Serialize(result, AllureResultsWriter.Json));
    }

    private static void RemovePreviousSignOff(string resultsDir)
    {
        if (!Directory.Exists(resultsDir)) return;
        foreach (var file in Directory.EnumerateFiles(resultsDir, RunResults.SignOffPrefix + "*")) File.Delete(file);
    }
}
