using PadUat.Drivers.Dashboard;
using PadUat.Drivers.Slack;
using PadUat.Support;
using PadUat.Support.Allure;
using PadUat.Support.Configuration;
using PadUat.Support.Lifecycle;
using TechTalk.SpecFlow;

namespace PadUat.Hooks;

/// <summary>
/// Once per run: load settings, start the target (local: PostgreSQL cluster + sandbox), launch Chromium, write
/// the run's context for the report; stop all of it afterwards. A start-up failure is kept and reported by every
/// scenario as the same one message, rather than as many unrelated errors.
/// </summary>
[Binding]
public sealed class RunHooks
{
    internal static string RepoRootPath { get; private set; } = "";
    internal static AllureResultsWriter Results { get; private set; } = null!;
    internal static UatRun? Run { get; private set; }
    internal static BrowserSession? Browser { get; private set; }
    internal static SlackSession? Slack { get; private set; }
    /// <summary>The run's test teams, each lent to one feature at a time.</summary>
    internal static TeamPool? Teams { get; private set; }
    internal static FirmLock? Firm { get; private set; }
    /// <summary>Every test features/ defines, for the steps a failed scenario did not get to.</summary>
    internal static IReadOnlyList<PadUat.Support.Features.ExpectedTest> Catalogue { get; private set; } = [];
    internal static Exception? StartupError { get; private set; }
    private static ResultsLock? _resultsLock;
    private static string? _refusedResultsDir;

    [BeforeTestRun]
    public static async Task StartAsync()
    {
        RepoRootPath = RepoRoot.Find();
        var resultsDir = RepoRoot.AllureResults(RepoRootPath);
        try { _resultsLock = ResultsLock.Acquire(resultsDir); }
        catch (UnreachableTargetError e)
        {
            // The other run's results stay as they are: this run's scenarios report the refusal from a folder of their own.
            StartupError = e;
            Results = new AllureResultsWriter(_refusedResultsDir = Directory.CreateTempSubdirectory("paduat-refused-").FullName);
            return;
        }
        if (Directory.Exists(resultsDir)) Directory.Delete(resultsDir, recursive: true);
        Results = new AllureResultsWriter(resultsDir);
        try
        {
            Catalogue = PadUat.Support.Features.FeatureCatalogue.Load(RepoRootPath);
            var settings = UatSettings.LoadFromProcess(RepoRootPath);
            // The browser and the target start side by side: neither needs the other until the first scenario.
            var browser = BrowserSession.LaunchAsync(settings.ChromiumPath);
            var run = UatRun.StartAsync(settings);
            try
            {
                await Task.WhenAll(browser, run); // waits for both, then rethrows the first failure
            }
            finally
            {
                // Whichever started is kept, so StopAsync stops it when the other failed.
                Browser = browser.IsCompletedSuccessfully ? browser.Result : null;
                Run = run.IsCompletedSuccessfully ? run.Result : null;
            }
            await PadUat.Drivers.TargetSettingsCheck.CheckAsync(Run!.Target);
            await DashboardSignIns.ConfirmReachableAsync(Browser!, Run.Target, Run.Settings.Cast, new PageElements(Run.Contract));
            TargetHealth.Current = Run.Health;
            await Run.ClaimTeamsAsync(Path.Combine(RepoRootPath, "reports", "journal"), PadUat.Support.TestData.JournalKey.Load(), Run.Settings.Teams);
            foreach (var line in RunContext.CleanupLines(Run)) Console.Error.WriteLine(line);
            Slack = await SlackSession.StartAsync(Run.Target.Slack, Browser!);
            Teams = await TeamPool.OpenAsync(Run.Teams, Browser!, Slack);
            Firm = new FirmLock(FirmWait);
            (_browserVersion, _slackDelivery) = (Browser!.Version, Slack.Feed.Description);
            RunContext.Write(Results, Run, _browserVersion, RepoRootPath, _slackDelivery);
        }
        catch (Exception e)
        {
            StartupError = e;
            await StopAsync();
        }
    }

    /// <summary>How long a feature waits for another run's features on the same target: the longest feature takes minutes.</summary>
    private static readonly TimeSpan FirmWait = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Each feature acts through one team for its length: it holds the firm shared (alone when tagged @firm-wide: it
    /// judges the whole firm's data), then leases a free team — in that order, so a feature waiting for the firm holds no team.
    /// </summary>
    [BeforeFeature]
    public static async Task LeaseTeamAsync(FeatureContext feature)
    {
        if (Teams is null || Firm is null) return; // the run did not start; its scenarios report why
        var firmWide = feature.FeatureInfo.Tags.Contains(FirmWideTag);
        Firm.Enter(firmWide);
        var team = Teams.Lease();
        try { feature.Set(await Firm.TakeAsync(team.Claimed.Lock, firmWide)); }
        catch
        {
            Teams.Return(team);
            Firm.Leave(firmWide);
            throw;
        }
        feature.Set(team);
    }

    [AfterFeature]
    public static async Task ReturnTeamAsync(FeatureContext feature)
    {
        if (!feature.TryGetValue(out TeamSession team)) return;
        await feature.Get<FirmLock.Held>().DisposeAsync();
        Teams!.Return(team);
    }

    /// <summary>Features that judge the whole firm's data, not only their team's.</summary>
    internal const string FirmWideTag = "firm-wide";

    [AfterTestRun]
    public static async Task StopAsync()
    {
        if (Teams is not null) await Teams.DisposeAsync();
        Teams = null;
        Firm = null;
        if (Slack is not null)
        {
            SlackUsage.Write(Path.Combine(RepoRootPath, "reports", "slack-calls.tsv"), Slack.Budget);
            await Slack.DisposeAsync();
        }
        Slack = null;
        if (Browser is not null) await Browser.DisposeAsync();
        if (Run is not null)
        {
            await Run.DisposeAsync();
            // The environment panel is written again with what this run left, now that the journal knows it.
            if (Run.Teams.Count > 0) RunContext.Write(Results, Run, _browserVersion, RepoRootPath, _slackDelivery);
            foreach (var line in RunContext.LeftLines(Run)) Console.Error.WriteLine(line);
        }
        Browser = null;
        Run = null;
        TargetHealth.Current = null;
        _resultsLock?.Dispose();
        _resultsLock = null;
        if (_refusedResultsDir is not null) Directory.Delete(_refusedResultsDir, recursive: true);
        _refusedResultsDir = null;
    }

    private static string _browserVersion = "", _slackDelivery = "";
}
