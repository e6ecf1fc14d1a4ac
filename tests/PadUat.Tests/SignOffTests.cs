using PadUat.Support.Allure;
using PadUat.Support.SignOff;
using Xunit;

namespace PadUat.Tests;

/// <summary>Plan 5.12 from the run: refused when a criterion is missed, bound to the results, tampering shows.</summary>
public sealed class SignOffTests : IDisposable
{
    private readonly string _results = Results.NewDirectory();
    private readonly string _signOff = Results.NewDirectory();
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_passing_run_is_signed_with_every_criterion_met_and_bound_to_its_results()
    {
        Results.PassingRun(_results);
        var outcome = SignOffDesk.Sign(_results, _signOff, "Pat Owner", "Looks good", null, Now);
        var record = Assert.IsType<SignOffRecord>(outcome.Record);
        Assert.All(record.Criteria, c => Assert.True(c.Met, c.Name));
        Assert.Equal(11, record.TestCount);
        Assert.Equal("local", record.Environment["APP_ENV"]);
        Assert.StartsWith("VALID", SignOffDesk.Verify(_results, _signOff));
        Assert.Single(Directory.GetFiles(_results, "signoff-*-result.json"));
        Assert.Contains("Pat Owner", File.ReadAllText(Path.Combine(_signOff, SignOffDesk.PageFile)));
    }

    [Fact]
    public void A_run_with_a_failed_critical_check_is_refused_with_reasons()
    {
        var writer = Results.PassingRun(_results);
        Results.Write(writer, "Scenario 8", "restricted", AllureStatus.Failed, "scenario-8", "blocker");
        var outcome = SignOffDesk.Sign(_results, _signOff, "Pat Owner", "", null, Now);
        Assert.Null(outcome.Record);
        Assert.Contains(outcome.Refusals, r => r.StartsWith("All 10 UAT scenarios completed: scenario 8 did not pass", StringComparison.Ordinal));
        Assert.Contains(outcome.Refusals, r => r.StartsWith("No critical bugs identified: blocker", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(_signOff, SignOffDesk.RecordFile)));
    }

    [Fact]
    public void A_missing_scenario_is_refused() 
    {
        var writer = new AllureResultsWriter(_results);
        for (var n = 1; n <= 9; n++) Results.Write(writer, $"Scenario {n}", "ok", AllureStatus.Passed, $"scenario-{n}");
        Assert.Contains(SignOffDesk.Sign(_results, _signOff, "Pat", "", null, Now).Refusals,
            r => r.Contains("scenario 10 did not run", StringComparison.Ordinal));
    }

    [Fact]
    public void Accepting_with_exceptions_signs_and_lists_them()
    {
        var writer = Results.PassingRun(_results);
        Results.Write(writer, "Scenario 10", "page load", AllureStatus.Failed, "scenario-10", "normal");
        var record = SignOffDesk.Sign(_results, _signOff, "Pat Owner", "", "Dashboard speed accepted until the index release", Now).Record!;
        Assert.Equal("Signed off with exceptions", record.Verdict);
        Assert.Contains(record.Exceptions, c => c.Name == "Performance meets requirements");
        Assert.Contains("Dashboard speed accepted", File.ReadAllText(Path.Combine(_signOff, SignOffDesk.PageFile)));
    }

    [Fact]
    public void Changing_a_result_after_signing_makes_the_sign_off_invalid()
    {
        Results.PassingRun(_results);
        SignOffDesk.Sign(_results, _signOff, "Pat Owner", "", null, Now);
        var victim = Directory.GetFiles(_results, "*-result.json").First(f => !Path.GetFileName(f).StartsWith("signoff-", StringComparison.Ordinal));
        File.WriteAllText(victim, File.ReadAllText(victim).Replace("\"failed\"", "\"passed\"", StringComparison.Ordinal) + " ");
        Assert.StartsWith("INVALID", SignOffDesk.Verify(_results, _signOff));
        Assert.Contains("\"broken\"", File.ReadAllText(Directory.GetFiles(_results, "signoff-*-result.json").Single()));
    }

    [Fact]
    public void A_signer_is_required() => Assert.NotEmpty(SignOffDesk.Sign(_results, _signOff, " ", "", null, Now).Refusals);

    public void Dispose()
    {
        Directory.Delete(_results, recursive: true);
        Directory.Delete(_signOff, recursive: true);
    }
}
