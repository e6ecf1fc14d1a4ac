using Microsoft.Playwright;
using PadUat.Drivers;
using PadUat.Drivers.Dashboard;
using PadUat.Support.Configuration;
using PadUat.Support.Evidence;
using PadUat.Support.Lifecycle;
using Xunit;

namespace PadUat.Tests;

/// <summary>
/// Settings that only the target can confirm are named before any scenario; a target that stops answering is never a
/// product verdict; no credential reaches an artefact; one run per results folder (issue 23).
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class TargetSafetyTests(SandboxFixture f)
{
    private Target Target(Func<SlackSettings, SlackSettings>? slack = null, string dashboardPath = "", int? databasePort = null) =>
        f.Target(slack, dashboardPath, databasePort);

    private async Task<string> SettingsErrorOf(Target target) => (await Assert.ThrowsAsync<SettingsError>(() => TargetSettingsCheck.CheckAsync(target))).Message;

    [Fact]
    public async Task A_target_whose_settings_hold_passes_the_check() => await TargetSettingsCheck.CheckAsync(Target());

    [Fact]
    public async Task A_wrong_token_for_one_person_is_named_by_role_and_secret() =>
        Assert.StartsWith("SLACK_TOKEN_MANAGER: Slack refused the manager's token (invalid_auth)", await SettingsErrorOf(
            Target(s => s with { Tokens = new Dictionary<TestPerson, Secret>(s.Tokens) { [JournalFixture.People.Manager] = new Secret("xoxp-not-a-token") } })));

    [Fact]
    public async Task The_bots_user_id_is_confirmed_with_Slack()
    {
        Assert.StartsWith("SLACK_BOT_USER_ID: Slack knows no user 'U0NOBODY'", await SettingsErrorOf(Target(s => s with { BotUserId = "U0NOBODY" })));
        var person = f.Sandbox.Host.Workspace.ByEmail("alex.morgan@paduat.example")!.Id;
        Assert.StartsWith($"SLACK_BOT_USER_ID: {person} is a person", await SettingsErrorOf(Target(s => s with { BotUserId = person })));
    }

    [Fact]
    public async Task A_dashboard_url_with_a_wrong_path_is_named_once_before_any_scenario()
    {
        await using var browser = await BrowserSession.LaunchAsync("/usr/bin/chromium");
        var wrong = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DashboardSignIns.ConfirmReachableAsync(browser, Target(dashboardPath: "no-such-dashboard/"), JournalFixture.People, new PageElements(SandboxFixture.Contract)));
        Assert.Matches(@"^DASHBOARD_URL: http://127\.0\.0\.1:\d+/no-such-dashboard/ answered HTTP 404 and shows neither who is signed in, after signing in as compliance, within 10 s", wrong.Message);
        await DashboardSignIns.ConfirmReachableAsync(browser, Target(), JournalFixture.People, new PageElements(SandboxFixture.Contract));
        Assert.Equal([JournalFixture.People.Compliance], browser.SignedInState.Keys);
    }

    [Fact]
    public async Task A_target_that_answers_is_healthy_and_a_silent_database_trips_the_breaker_naming_it()
    {
        Assert.Null(await new TargetHealth(Target()).StoppedAnsweringAsync());
        var silent = new TargetHealth(Target(databasePort: 1));
        var hung = await silent.StoppedAnsweringAsync();
        Assert.Contains("the database backoffice_db at 127.0.0.1:1 did not answer within 5 s", hung);
        Assert.Equal(hung, silent.Tripped);
    }

    [Fact]
    public async Task A_trace_of_a_signed_in_person_reaches_the_report_without_their_session()
    {
        const string compliance = "jordan.blake@paduat.example";
        await using var browser = await BrowserSession.LaunchAsync("/usr/bin/chromium");
        var state = await SessionRecorder.RecordAsync(browser.Browser, f.Sandbox.Host.BaseUrl, new PageElements(SandboxFixture.Contract), JournalFixture.People.Compliance, f.Sandbox.Host.Accounts.PasswordOf(compliance));
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = f.Sandbox.Host.BaseUrl.ToString(), StorageState = state });
        await context.Tracing.StartAsync(new TracingStartOptions { Snapshots = true });
        await (await context.NewPageAsync()).GotoAsync("");
        var dir = Results.NewDirectory();
        await context.Tracing.StopAsync(new TracingStopOptions { Path = Path.Combine(dir, "as-recorded.zip") });
        File.WriteAllBytes(Path.Combine(dir, "redacted.zip"), TraceRedaction.Redact(File.ReadAllBytes(Path.Combine(dir, "as-recorded.zip"))));

        Assert.NotEmpty(SecretScan.Scan([Path.Combine(dir, "as-recorded.zip")], []).Findings); // the scan sees inside a zip: it can fail
        var redacted = SecretScan.Scan([Path.Combine(dir, "redacted.zip")], []);
        Assert.Equal((1, 1), (redacted.Files, redacted.Zips));
        Assert.Empty(redacted.Findings);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void A_second_run_on_the_same_results_folder_is_refused_before_touching_it()
    {
        var dir = Results.NewDirectory();
        File.WriteAllText(Path.Combine(dir, "first-run-result.json"), "{}");
        using (ResultsLock.Acquire(dir))
        {
            var refused = Assert.Throws<UnreachableTargetError>(() => ResultsLock.Acquire(dir));
            Assert.StartsWith($"Another UAT run in this checkout is writing {dir} (", refused.Message);
            Assert.True(File.Exists(Path.Combine(dir, "first-run-result.json")));
        }
        ResultsLock.Acquire(dir).Dispose(); // released with the first run
        Directory.Delete(dir, recursive: true);
    }

    [Theory]
    [InlineData("alex.morgen@paduat.example", null, "No employee has the e-mail alex.morgen@paduat.example in bo_airflow.oracle_contact: check the UAT_*_EMAIL settings")]
    [InlineData(null, "ZZZZ", "No security with ticker ZZZZ in bo_airflow.oracle_bloomberg: the test data names a security this target does not have")]
    public async Task A_misspelt_test_person_or_an_unknown_security_is_broken_naming_it_never_a_product_defect(string? email, string? ticker, string named)
    {
        var writer = new PadUat.Support.Allure.AllureResultsWriter(Results.NewDirectory());
        var evidence = new Evidence(writer);
        evidence.Begin(PadUat.Support.Allure.ScenarioResults.Create(new("F", "features", "S", null, [], [], []), writer.NewUuid(), "h", "t"));
        var directory = new PadUat.Drivers.Database.FirmDirectory(new PadUat.Drivers.Database.PadDatabase(Target(), evidence), SandboxFixture.Contract);
        var error = await Assert.ThrowsAsync<SetupError>(() => email is not null ? directory.EmployeeAsync(email) : directory.SecurityAsync(ticker!));
        Assert.Equal(named, error.Message);
        Assert.Equal(PadUat.Support.Allure.AllureStatus.Broken, Evidence.StatusOf(error));
        Directory.Delete(writer.Directory, recursive: true);
    }
}
