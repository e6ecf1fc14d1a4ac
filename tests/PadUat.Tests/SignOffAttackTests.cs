using System.Text.Json;
using System.Text.Json.Nodes;
using PadUat.Support.Allure;
using PadUat.Support.SignOff;
using Xunit;

namespace PadUat.Tests;

/// <summary>
/// Each way a sign-off was forged on a laptop (issue 22), tried again: every one refused when signing, or INVALID when
/// verified. A release sign-off needs the pipeline's seal over the run's manifest, made with a key only the pipeline
/// holds — checked here with a throwaway key the way env/allowed_signers checks the CI's.
/// </summary>
public sealed class SignOffAttackTests : IDisposable
{
    private readonly string _results = Results.NewRun();
    private readonly string _signOff;
    private static readonly DateTime Now = new(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc);
    private static readonly SignOffRequest Pat = new(Signers.Pat, "UAT of release 2.3", "all", AppResults: Results.AppTests(), CriticalBugs: "none", Documentation: "complete");
    private static readonly PipelineRun Nightly = new("GitHub Actions: nightly-uat #412", "https://github.example/firm/paduat/actions/runs/9001");

    public SignOffAttackTests() => _signOff = Path.Combine(Path.GetDirectoryName(_results)!, "signoff");

    private SignOffOutcome Sign(SignOffRequest? request = null, AllowedSigners? signers = null) =>
        SignOffDesk.Sign(Results.Root, _results, _signOff, request ?? Pat, signers ?? Signers.Reviewed, Now);

    private string Verify() => SignOffDesk.Verify(_results, _signOff, Signers.Reviewed);

    private string RecordPath => Path.Combine(_signOff, SignOffDesk.RecordFile);

    /// <summary>The record edited by someone who recomputes its hash, as anyone can.</summary>
    private void Forge(Func<SignOffRecord, SignOffRecord> edit)
    {
        var record = JsonSerializer.Deserialize<SignOffRecord>(File.ReadAllText(RecordPath), AllureResultsWriter.Json)!;
        File.WriteAllText(RecordPath, JsonSerializer.Serialize(edit(record).Sealed(), AllureResultsWriter.Json));
    }

    /// <summary>The run's manifest rewritten over the edited results, keeping the TRX file dotnet test wrote.</summary>
    private void RewriteManifest() =>
        RunManifest.Write(_results, [Path.Combine(RunManifest.Folder(_results), "test-results", "uat-local.trx")], null, Now);

    private string ResultOf(Func<PadUat.Support.Features.ExpectedTest, bool> which) =>
        Path.Combine(_results, $"{RunResults.Load(_results).Find(Results.Expected.First(which))!.Uuid}-result.json");

    [Fact]
    public void A_record_whose_signer_is_changed_and_hashes_recomputed_is_invalid()
    {
        Results.Run(_results);
        Sign();
        Forge(r => r with { SignedBy = "mallory@firm.example" });
        Assert.StartsWith("INVALID: the SSH signature of pat.owner@firm.example does not hold for what it signs", Verify());
    }

    [Fact]
    public void A_record_with_its_signature_removed_signer_changed_and_hashes_recomputed_is_invalid()
    {
        Results.Run(_results);
        Sign();
        Forge(r => r with { SignedBy = "mallory@firm.example", SshSignature = null });
        Assert.StartsWith("INVALID: the record carries no signature of its signer: anyone could have written it", Verify());
    }

    [Fact]
    public void A_key_not_in_the_allowed_signers_is_refused_when_signing_and_the_name_is_the_keys_principal()
    {
        Results.Run(_results);
        var refused = Sign(Pat with { SshKey = Signers.Mallory });
        Assert.Null(refused.Record);
        Assert.StartsWith($"--ssh-key: {Signers.Mallory} is not a signer's key — SSH-signed with a key that allowed_signers does not allow", Assert.Single(refused.Refusals));
        Assert.StartsWith("--ssh-key: a sign-off is signed with your SSH key", Assert.Throws<ArgumentException>(() => Sign(Pat with { SshKey = null })).Message);
        Assert.Equal(Signers.PatPrincipal, Sign().Record!.SignedBy);
        // The pipeline's key seals runs; it cannot sign one off.
        Assert.Null(Sign(Pat with { SshKey = Signers.Pipeline }).Record);
    }

    [Fact]
    public void A_failed_result_edited_to_passed_is_refused_even_with_its_manifest_rewritten()
    {
        var failing = Results.Expected.First(t => t.Scenario == 4);
        Results.Run(_results, statusOf: t => t == failing ? AllureStatus.Failed : AllureStatus.Passed);
        var file = ResultOf(t => t == failing);
        var result = JsonNode.Parse(File.ReadAllText(file))!;
        result["status"] = AllureStatus.Passed;
        File.WriteAllText(file, result.ToJsonString());
        Assert.Contains(Sign().Refusals, r => r.EndsWith($"{Path.GetFileName(file)}: changed since the run ended (its SHA-256 is not the manifest's)", StringComparison.Ordinal));

        RewriteManifest();
        var refusals = Sign().Refusals;
        Assert.Contains(refusals, r => r.Contains("says passed but its step", StringComparison.Ordinal));
        Assert.Contains(refusals, r => r.Contains("dotnet test recorded", StringComparison.Ordinal) && r.EndsWith("a result was edited, added or lost", StringComparison.Ordinal));
    }

    [Fact]
    public void An_environment_edited_to_say_dev_is_refused_and_a_rewritten_manifest_signs_only_as_a_rehearsal()
    {
        Results.Run(_results);
        var env = Path.Combine(_results, "environment.properties");
        File.WriteAllText(env, File.ReadAllText(env).Replace("APP_ENV=local", "APP_ENV=dev", StringComparison.Ordinal)
            .Replace("pa-dealing-sandbox 1.0", "pa-dealing 2.3.0", StringComparison.Ordinal));
        Assert.Contains("The run's results: environment.properties says APP_ENV=dev, the run's manifest local", Sign().Refusals);

        RewriteManifest();
        Assert.Contains(Sign(Pat with { Release = "PAD 2.3" }).Refusals, r => r.StartsWith("A release sign-off is of a run the pipeline sealed; this one is not sealed by the CI", StringComparison.Ordinal));
        Assert.False(Sign().Record!.IsRelease);
    }

    [Fact]
    public void Results_edited_after_the_pipeline_sealed_the_run_break_the_seal()
    {
        Results.Run(_results, appEnv: "dev");
        RunSeal.Seal(_results, Signers.Pipeline);
        var env = Path.Combine(_results, "environment.properties");
        File.WriteAllText(env, File.ReadAllText(env).Replace("pa-dealing 2.3.0", "pa-dealing 2.4.0", StringComparison.Ordinal));
        RewriteManifest();
        Assert.Equal(SealKind.None, RunSeal.Check(_results, Signers.Reviewed).Kind); // writing a manifest drops the old seal
        File.WriteAllText(RunSeal.PathFor(_results), SshSignature.Sign("an older manifest"u8.ToArray(), Signers.Pipeline, SshSignature.SealNamespace));
        Assert.Contains(Sign(Pat with { Release = "PAD 2.4" }).Refusals, r => r.StartsWith("The run's seal: the seal does not hold", StringComparison.Ordinal));
    }

    [Fact]
    public void Scenario_9_edited_to_not_applicable_is_refused()
    {
        Results.Run(_results);
        foreach (var test in Results.Expected.Where(t => t.Scenario == 9))
        {
            var file = ResultOf(t => t == test);
            var result = JsonNode.Parse(File.ReadAllText(file))!;
            result["status"] = AllureStatus.Skipped;
            result["labels"]!.AsArray().Add(new JsonObject { ["name"] = SignOffCriteria.NotApplicableLabel, ["value"] = "conflict detection disabled" });
            File.WriteAllText(file, result.ToJsonString());
        }
        RewriteManifest();
        Assert.Contains(Sign().Refusals, r => r.Contains("dotnet test recorded", StringComparison.Ordinal));
    }

    [Fact]
    public void A_run_without_its_environment_is_refused()
    {
        Results.Run(_results);
        File.Delete(Path.Combine(_results, "environment.properties"));
        var refusals = Sign().Refusals;
        Assert.Contains("The run's results: the run has no environment.properties: which target, run and system version it was is unknown", refusals);
        RewriteManifest();
        Assert.Contains(Sign().Refusals, r => r.StartsWith("The run's results: environment.properties says Run.id=(nothing)", StringComparison.Ordinal)
                                              || r.Contains("no environment.properties", StringComparison.Ordinal));
    }

    [Fact]
    public void A_second_failed_copy_of_a_passed_critical_test_is_refused()
    {
        var writer = Results.Run(_results);
        var critical = Results.Expected.First(t => t.Tags.Contains("critical"));
        Results.Write(writer, critical, AllureStatus.Failed);
        var refusals = Sign().Refusals;
        Assert.Contains(refusals, r => r.EndsWith("not part of the run as it ended (not in its manifest)", StringComparison.Ordinal));
        Results.End(_results); // even as dotnet test would have recorded it
        Assert.Contains(Sign().Refusals, r => r.EndsWith("has 2 results: each test runs once", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cross_on_any_criterion_refuses_the_sign_off_unless_an_exception_can_name_it()
    {
        var writer = Results.Run(_results);
        var stray = Results.Write(writer, Results.Expected[0], AllureStatus.Failed);
        var file = Directory.GetFiles(_results, $"{stray.Uuid}-result.json").Single();
        var result = JsonNode.Parse(File.ReadAllText(file))!;
        result["testCaseId"] = "a-test-no-feature-defines";
        File.WriteAllText(file, result.ToJsonString());
        Results.End(_results);
        var refusals = Sign().Refusals;
        Assert.StartsWith("✘ Every test of this UAT run passed (100%)", refusals[0]);
        Assert.All(refusals, r => Assert.EndsWith("no exception can accept a result of a test the features do not define: run the UAT again with ./uat", r));
    }

    [Fact]
    public void A_run_against_the_stand_in_or_not_sealed_signs_only_as_a_rehearsal()
    {
        Results.Run(_results);
        RunSeal.Seal(_results, Signers.Pipeline);
        var refusals = Sign(Pat with { Release = "PAD 2.3" }).Refusals;
        Assert.Contains(refusals, r => r.StartsWith("A release sign-off is of the real system; this run was against the stand-in", StringComparison.Ordinal));
        var record = Sign().Record!;
        Assert.Equal("Rehearsal sign-off", record.Verdict);
        Assert.Contains("REHEARSAL — not a release sign-off", File.ReadAllText(Path.Combine(_signOff, SignOffDesk.PageFile)));
    }

    [Fact]
    public void A_run_the_pipeline_sealed_signs_as_a_release_and_verify_names_the_pipeline_run()
    {
        Results.Run(_results, appEnv: "dev");
        Results.End(_results, pipeline: Nightly);
        RunSeal.Seal(_results, Signers.Pipeline);
        Assert.Contains(Sign(Pat with { Release = "PAD 2.3" }, Signers.Rehearsal).Refusals, r => r.StartsWith("A release sign-off is checked against env/allowed_signers only", StringComparison.Ordinal));

        var record = Sign(Pat with { Release = "PAD 2.3" }).Record!;
        Assert.Equal(("Release sign-off of PAD 2.3", Signers.PipelinePrincipal), (record.Verdict, record.SealedBy));
        var verdict = Verify();
        Assert.StartsWith("VALID: Release sign-off of PAD 2.3 by pat.owner@firm.example", verdict);
        Assert.Contains($"sealed by the pipeline {Signers.PipelinePrincipal} in GitHub Actions: nightly-uat #412 (https://github.example/firm/paduat/actions/runs/9001)", verdict);

        File.Delete(RunSeal.PathFor(_results));
        Assert.Contains("the run's seal: not sealed by the CI", Verify());
    }

    [Fact]
    public void A_seal_made_with_a_persons_key_or_over_another_manifest_does_not_hold()
    {
        Results.Run(_results, appEnv: "dev");
        RunSeal.Seal(_results, Signers.Pat);
        Assert.Equal(SealKind.Broken, RunSeal.Check(_results, Signers.Reviewed).Kind);
        RunSeal.Seal(_results, Signers.Mallory);
        Assert.Equal(SealKind.Broken, RunSeal.Check(_results, Signers.Reviewed).Kind);
        RunSeal.Seal(_results, Signers.Pipeline);
        Assert.Equal((SealKind.Sealed, Signers.PipelinePrincipal), (RunSeal.Check(_results, Signers.Reviewed).Kind, RunSeal.Check(_results, Signers.Reviewed).Pipeline));
        File.AppendAllText(RunManifest.PathFor(_results), " ");
        Assert.Equal(SealKind.Broken, RunSeal.Check(_results, Signers.Reviewed).Kind);
    }

    public void Dispose() => Results.DeleteRun(_results);
}
