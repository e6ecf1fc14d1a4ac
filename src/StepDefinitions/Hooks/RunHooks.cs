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
            await Run.ClaimTeamsAsync(Path.Combine(RepoRootPath, "reports", "journal"), PadUat.Support.TestData.JournalKey.Load());
            foreach (var line in RunContext.CleanupLines(Run)) Console.Error.WriteLine(line);
            Slack = await SlackSession.StartAsync(Run.Target.Slack, Browser!);
            Teams = TeamPool.Open(Run.Teams, Browser!, Slack);
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

    /// <summary>How long a scenario waits for other runs' scenarios on the same target: the longest takes about a minute.</summary>
    private static readonly TimeSpan FirmWait = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Each feature acts through one team for its length, leased from the run's teams (waiting while all are busy). A
    /// feature tagged @firm-wide judges the whole firm's data and then holds the firm alone for its length: other teams'
    /// scenarios finish the one under way and wait (<see cref="FirmLock"/>); the team first, so a feature waiting for
    /// the firm never keeps another from a team.
    /// </summary>
    [BeforeFeature]
    public static async Task LeaseTeamAsync(FeatureContext feature)
    {
        if (Teams is null || Firm is null) return; // the run did not start; its scenarios report why
        var team = Teams.Lease();
        feature.Set(team);
        if (!feature.FeatureInfo.Tags.Contains(FirmWideTag)) return;
        Firm.Enter(alone: true);
        try { feature.Set(await Firm.TakeAsync(team.Claimed.Lock, alone: true)); }
        catch (Exception e)
        {
            Firm.Leave(alone: true);
            feature.Set(e, FirmRefusal); // each scenario reports it: a hook's exception would leave them unreported
        }
    }

    [AfterFeature]
    public static async Task ReturnTeamAsync(FeatureContext feature)
    {
        if (!feature.TryGetValue(out TeamSession team)) return;
        if (feature.TryGetValue(out FirmLock.Held alone)) await alone.DisposeAsync();
        Teams!.Return(team);
    }

    /// <summary>Features, or scenarios, that change, time or total what every request meets: they run alone (<see cref="FirmLock"/>).</summary>
    internal const string FirmWideTag = "firm-wide";

    /// <summary>Where a firm-wide feature keeps why it could not have the firm to itself.</summary>
    internal const string FirmRefusal = "firm-refusal";

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
