using System.Text.Json.Nodes;
using PadUat.Support.Allure;
using PadUat.Support.Checklist;
using PadUat.Support.SignOff;
using Xunit;

namespace PadUat.Tests;

/// <summary>
/// Plan 5.12 from the run: complete runs only (every preflight check, every scenario, every example), skips only
/// where the target declares the feature absent, each scenario confirmed, exceptions naming their scenarios; a
/// record that cannot be quietly edited, bound to its run, chained in a log, SSH-signed by its signer.
/// </summary>
public sealed class SignOffTests : IDisposable
{
    private readonly string _results = Results.NewRun();
    private readonly string _signOff;

    public SignOffTests() => _signOff = Path.Combine(Path.GetDirectoryName(_results)!, "signoff");
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);
    private static readonly SignOffRequest Pat = new(Signers.Pat, "UAT of release 2.3", "all",
        AppResults: Results.AppTests(), CriticalBugs: "none", Documentation: "complete");

    private SignOffOutcome Sign(SignOffRequest? request = null) => SignOffDesk.Sign(Results.Root, _results, _signOff, request ?? Pat, Signers.Reviewed, Now);
    private string Verify() => SignOffDesk.Verify(_results, _signOff, Signers.Reviewed);

    [Fact]
    public void A_complete_passing_run_is_signed_with_every_criterion_met_each_uat_feature_confirmed_and_bound_to_the_run()
    {
        Results.Run(_results);
        var record = Assert.IsType<SignOffRecord>(Sign().Record);
        Assert.All(record.Criteria, c => Assert.True(c.Met, c.Name));
        Assert.Equal(Enumerable.Range(1, 10), record.Scenarios.Select(s => s.Number));
        Assert.All(record.Scenarios, s => Assert.True(s.Confirmed && s.Result == ScenarioOutcome.Passed));
        Assert.Equal(("run-1", Results.Expected.Count), (record.RunId, record.TestCount));
        Assert.Equal(Signers.PatPrincipal, record.SignedBy);
        Assert.StartsWith("VALID: Rehearsal sign-off (not a release sign-off: the run was not sealed by the CI) by pat.owner@firm.example", Verify());
        Assert.Empty(Directory.GetFiles(_results, "*signoff*")); // beside the run, not a test of it
    }

    [Fact]
    public void A_run_without_preflight_is_refused()
    {
        Results.Run(_results, statusOf: t => t.IsPreflight ? null : AllureStatus.Passed);
        var refusals = Sign().Refusals;
        Assert.Contains(refusals, r => r.StartsWith("Preflight: 'A connection opens as the application user' did not run", StringComparison.Ordinal));
    }

    [Fact]
    public void A_run_with_one_test_per_uat_feature_is_refused_naming_every_example_that_did_not_run()
    {
        var first = Results.Expected.Where(t => t.Scenario is not null).GroupBy(t => t.Scenario).Select(g => g.First()).ToHashSet();
        Results.Run(_results, statusOf: t => t.Scenario is null || first.Contains(t) ? AllureStatus.Passed : null);
        var refusals = Sign().Refusals;
        Assert.Contains("Scenario 4: 'An execution 4 days later at 16:01, approved on a Thursday at 16:00 (1 hour after the manager), is recorded as within two days: no' did not run", refusals);
        Assert.DoesNotContain(refusals, r => r.Contains('<') && !r.StartsWith("Checklist ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mostly_skipped_run_is_refused_and_a_declared_absence_is_accepted_and_quoted()
    {
        Results.Run(_results, statusOf: t => t.Scenario is 3 ? AllureStatus.Skipped : AllureStatus.Passed);
        Assert.Contains(Sign().Refusals, r => r.StartsWith("Scenario 3: 'Compliance approves and the employee may trade' was skipped without the target declaring it absent", StringComparison.Ordinal));

        Directory.Delete(_results, true);
        var writer = Results.Run(_results, statusOf: t => t.Scenario is 9 ? null : AllureStatus.Passed);
        foreach (var test in Results.Expected.Where(t => t.Scenario is 9))
            Results.Write(writer, test, AllureStatus.Skipped, "Not applicable", new Label(SignOffCriteria.NotApplicableLabel, "compliance_config conflict_detection = disabled"));
        Results.End(_results);
        var record = Sign().Record!;
        Assert.Equal(ScenarioOutcome.NotApplicableResult, record.Scenarios[8].Result);
        Assert.Contains("the target declares: \"compliance_config conflict_detection = disabled\"", record.Criteria[1].Detail);
    }

    [Fact]
    public void Every_uat_feature_must_be_confirmed_by_the_signer()
    {
        Results.Run(_results);
        Assert.Equal(["Scenario 9 — Firm-trading conflicts are flagged for compliance, never blocked is not confirmed by the signer (the plan: each scenario MUST be completed and user-confirmed): add it to --confirm once you have reviewed it"],
            Sign(Pat with { Confirm = "1-8,10" }).Refusals);
        Assert.Throws<ArgumentException>(() => Sign(Pat with { Confirm = null }));
    }

    [Fact]
    public void Exceptions_must_name_what_failed_and_show_amber_never_green()
    {
        Results.Run(_results, statusOf: t => t.Scenario is 10 ? AllureStatus.Failed : AllureStatus.Passed);
        Assert.Throws<ArgumentException>(() => Sign(Pat with { Exceptions = "page loads accepted" }));
        Assert.NotEmpty(Sign(Pat with { Exceptions = "4: not failing" }).Refusals);
        var outcome = Sign(Pat with { Exceptions = "10: page loads accepted until the index release" });
        var record = outcome.Record ?? throw new Xunit.Sdk.XunitException(string.Join("\n", outcome.Refusals));
        Assert.Equal("Rehearsal sign-off with exceptions", record.Verdict);
        Assert.Equal("page loads accepted until the index release", record.Scenarios[9].Exception);
        Assert.Contains("class=\"exception\"", File.ReadAllText(Path.Combine(_signOff, SignOffDesk.PageFile)));
    }

    [Theory]
    [InlineData("signedBy", "\"mallory@firm.example\"")]
    [InlineData("release", "\"PAD 2.3\"")]
    [InlineData("notes", "\"nothing to see\"")]
    [InlineData("signedAtUtc", "\"2026-11-29T12:00:00Z\"")]
    [InlineData("runId", "\"run-2\"")]
    [InlineData("environment", "{\"APP_ENV\":\"dev\"}")]
    [InlineData("exceptions", "{\"scenario 1\":\"slipped in\"}")]
    [InlineData("testCount", "1")]
    public void Editing_any_field_of_the_record_makes_it_invalid(string field, string value)
    {
        Results.Run(_results);
        Sign();
        var path = Path.Combine(_signOff, SignOffDesk.RecordFile);
        var record = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        record[field] = JsonNode.Parse(value);
        File.WriteAllText(path, record.ToJsonString());
        var verdict = Verify();
        Assert.True(verdict.StartsWith("INVALID", StringComparison.Ordinal) || (field == "runId" && verdict.StartsWith("No sign-off for this run", StringComparison.Ordinal)), verdict);
    }

    [Fact]
    public void Editing_the_criteria_or_a_result_makes_it_invalid()
    {
        Results.Run(_results);
        Sign();
        var path = Path.Combine(_signOff, SignOffDesk.RecordFile);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"met\": true", "\"met\": false", StringComparison.Ordinal));
        Assert.StartsWith("INVALID: the sign-off record was edited after signing", Verify());

        Sign();
        var victim = Directory.GetFiles(_results, "*-result.json").First();
        File.AppendAllText(victim, " ");
        Assert.StartsWith($"INVALID: allure-results/{Path.GetFileName(victim)}: changed since the run ended", Verify());
    }

    [Fact]
    public void A_removed_sign_off_breaks_the_log_chain()
    {
        Results.Run(_results);
        Sign();
        Sign(Pat with { Notes = "second look" });
        var log = Path.Combine(_signOff, SignOffLog.File);
        File.WriteAllLines(log, File.ReadAllLines(log).Skip(1));
        Assert.Contains("the sign-off log is broken: the chain breaks at line 1", Verify());
    }

    [Fact]
    public void A_later_run_shows_no_earlier_sign_off()
    {
        Results.Run(_results);
        Sign();
        Directory.Delete(_results, true);
        Results.Run(_results, runId: "run-2");
        Assert.StartsWith("No sign-off for this run (run run-2): the last sign-off, by pat.owner@firm.example", Verify());
    }

    [Fact]
    public void The_record_verifies_only_against_allowed_signers_that_list_its_key()
    {
        Results.Run(_results);
        Sign();
        Assert.Contains("SSH-signed by pat.owner@firm.example, a key allowed_signers allows", Verify());
        var others = Path.Combine(Path.GetDirectoryName(_results)!, "allowed_signers");
        File.WriteAllText(others, $"mallory@firm.example {File.ReadAllText(Signers.Mallory + ".pub").Trim()}\n");
        Assert.StartsWith("INVALID: SSH-signed with a key that allowed_signers does not allow", SignOffDesk.Verify(_results, _signOff, AllowedSigners.Load(others, true)));
    }

    [Fact]
    public void A_checklist_line_neither_checked_nor_declared_is_refused_unless_the_signer_names_the_checklist_as_an_exception()
    {
        var root = Results.NewDirectory();
        try
        {
            File.Copy(Path.Combine(Results.Root, "PadUat.sln"), Path.Combine(root, "PadUat.sln"));
            CopyDirectory(Path.Combine(Results.Root, "features"), Path.Combine(root, "features"));
            var declared = Path.Combine(root, "features", "checklist", "declared.tsv");
            File.WriteAllLines(declared, File.ReadAllLines(declared).Where(l => !l.StartsWith("S18\t", StringComparison.Ordinal)));
            Results.Run(_results);

            var refused = SignOffDesk.Sign(root, _results, _signOff, Pat, Signers.Reviewed, Now);
            Assert.Null(refused.Record);
            Assert.Equal(["Checklist S18 \"Notes: ________________\": no step checks it and none is declared to answer it"], refused.Refusals);
            var record = SignOffDesk.Sign(root, _results, _signOff, Pat with { Exceptions = "checklist: notes are the record's own" }, Signers.Reviewed, Now).Record!;
            Assert.Equal("Rehearsal sign-off with exceptions", record.Verdict);
            Assert.False(record.Criteria.Single(c => c.Name == Assessment.ChecklistCriterion).Met);
        }
        finally { Directory.Delete(root, true); }
    }

    [Fact]
    public void A_complete_checklist_needs_no_exception_and_an_exception_naming_it_is_refused()
    {
        Results.Run(_results);
        Assert.Contains("The exception for the checklist names a checklist whose every line is accounted for: remove it",
            Sign(Pat with { Exceptions = "checklist: just in case" }).Refusals);
        Assert.True(Sign().Record!.Criteria.Single(c => c.Name == Assessment.ChecklistCriterion).Met);
    }

    [Fact]
    public void The_applications_own_test_results_are_imported_and_shown_per_suite_with_their_pass_counts()
    {
        Results.Run(_results);
        var record = Sign().Record!;
        var tests = record.Criteria.Single(c => c.Name == SignerAnswers.AppTestsCriterion);
        Assert.True(tests.Met);
        Assert.StartsWith("371 passed of 377 in 3 suite(s): e2e (", tests.Detail, StringComparison.Ordinal);
        Assert.Contains("unit (", tests.Detail);
        Assert.Contains("): 310 passed, 0 failed, 0 errors, 2 skipped of 312", tests.Detail);
    }

    [Fact]
    public void Without_the_applications_test_results_or_with_a_failing_suite_the_sign_off_is_refused_unless_an_exception_names_them()
    {
        Results.Run(_results);
        Assert.Contains("All automated tests passing (Unit + Integration + E2E = 100%): the application's own test results are not imported (--app-results <JUnit XML>…)",
            Sign(Pat with { AppResults = null }).Refusals);
        var failing = Sign(Pat with { AppResults = Results.AppTests(failing: "e2e") }).Refusals;
        Assert.Single(failing);
        Assert.Matches(@"^All automated tests passing \(Unit \+ Integration \+ E2E = 100%\): e2e \(.*e2e\.xml\): 14 passed, 1 failed, 0 errors, 2 skipped of 17$", failing[0]);

        var record = Sign(Pat with { AppResults = Results.AppTests(failing: "e2e"), Exceptions = "app-tests: the e2e failure is PAD-77, fixed in 2.3.1" }).Record!;
        Assert.Equal("Rehearsal sign-off with exceptions", record.Verdict);
        Assert.Contains("The exception for app-tests names what holds: remove it", Sign(Pat with { Exceptions = "app-tests: nothing" }).Refusals);
    }

    [Fact]
    public void Critical_bugs_the_signer_names_and_documentation_not_confirmed_stop_the_sign_off()
    {
        Results.Run(_results);
        Assert.StartsWith("--critical-bugs: say whether you found critical bugs", Assert.Throws<ArgumentException>(() => Sign(Pat with { CriticalBugs = null })).Message);
        Assert.Equal(["Critical bug named by the signer: PAD-101: restricted list not refreshed"],
            Sign(Pat with { CriticalBugs = "PAD-101: restricted list not refreshed" }).Refusals);
        Assert.Equal(["Documentation complete: not confirmed by the signer (--documentation complete)"], Sign(Pat with { Documentation = null }).Refusals);
        Assert.Throws<ArgumentException>(() => Sign(Pat with { Documentation = "mostly" }));
        var record = Sign(Pat with { CriticalBugs = "PAD-101: restricted list not refreshed", Exceptions = "critical-bugs: fix scheduled for 2.3.1" }).Record!;
        Assert.False(record.Criteria.Single(c => c.Name == SignerAnswers.CriticalBugsCriterion).Met);
    }

    [Fact]
    public void Once_signed_the_checklist_page_shows_how_the_sign_off_answered_each_of_its_own_lines()
    {
        Results.Run(_results);
        var record = Sign(Pat with { Exceptions = "critical-bugs: PAD-101 fixed in 2.3.1", CriticalBugs = "PAD-101: restricted list not refreshed" }).Record!;
        var rows = ChecklistCoverage.Load(Results.Root, RunResults.Load(_results)).WithSignOff(SignOffAnswers.Of(record)).Rows
            .Where(r => r.Line.Kind == ChecklistLineKind.SignOff).ToDictionary(r => r.Line.Id);
        Assert.Equal((true, "Signed: passed; confirmed by pat.owner@firm.example"), (rows["S3"].Answered, rows["S3"].Why));
        Assert.StartsWith("Signed: ✔ All automated tests passing (Unit + Integration + E2E = 100%): 371 passed of 377", rows["S11"].Why, StringComparison.Ordinal);
        Assert.False(rows["S13"].Answered);
        Assert.Contains("✘ No critical bugs identified (the signer's answer): the signer names PAD-101: restricted list not refreshed", rows["S13"].Why);
        Assert.Equal("Signed: UAT of release 2.3", rows["S18"].Why);
        Assert.Contains("class=\"failed\">Signed: ✔ No critical bugs identified", ChecklistPage.Render(
            ChecklistCoverage.Load(Results.Root, RunResults.Load(_results)).WithSignOff(SignOffAnswers.Of(record)), "run-1", _ => null));
    }

    [Fact]
    public void A_file_that_is_not_junit_xml_ends_in_one_line_naming_it()
    {
        var dir = Results.NewDirectory();
        File.WriteAllText(Path.Combine(dir, "unit.xml"), "<html><body>not a test report</body></html>");
        Assert.Equal($"--app-results: {Path.Combine(dir, "unit.xml")} is not JUnit XML (its root is <html>, not <testsuites> or <testsuite>)",
            Assert.Throws<ArgumentException>(() => AppTestResults.Load(dir)).Message);
        File.WriteAllText(Path.Combine(dir, "unit.xml"), "<testsuites><testsuite");
        Assert.StartsWith($"--app-results: {Path.Combine(dir, "unit.xml")} is not XML", Assert.Throws<ArgumentException>(() => AppTestResults.Load(dir)).Message);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Results.DeleteRun(_results);
}

internal static class Ssh
{
    public static void KeyGen(string path)
    {
        using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "test", "-f", path])
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
        p.WaitForExit(10_000);
        if (p.ExitCode != 0) throw new InvalidOperationException(p.StandardError.ReadToEnd());
    }
}
