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
    /// <summary>Every test features/ defines, for the steps a failed scenario did not get to.</summary>
    internal static IReadOnlyList<PadUat.Support.Features.ExpectedTest> Catalogue { get; private set; } = [];
    internal static Exception? StartupError { get; private set; }

    [BeforeTestRun]
    public static async Task StartAsync()
    {
        RepoRootPath = RepoRoot.Find();
        var resultsDir = RepoRoot.AllureResults(RepoRootPath);
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
            await Run!.ClaimTargetAsync(Path.Combine(RepoRootPath, "reports", "journal"));
            foreach (var dead in Run.Reaped)
                Console.Error.WriteLine($"Cleaned up after run {dead.Run} (started {dead.StartedUtc:yyyy-MM-dd HH:mm} UTC), which died: {dead.Rows} row(s) deleted.");
            Slack = await SlackSession.StartAsync(Run.Target.Slack);
            RunContext.Write(Results, Run, Browser!.Version, RepoRootPath, Slack.Feed.Description);
        }
        catch (Exception e)
        {
            StartupError = e;
            await StopAsync();
        }
    }

    [AfterTestRun]
    public static async Task StopAsync()
    {
        if (Slack is not null)
        {
            SlackUsage.Write(Path.Combine(RepoRootPath, "reports", "slack-calls.tsv"), Slack.Budget);
            await Slack.DisposeAsync();
        }
        Slack = null;
        if (Browser is not null) await Browser.DisposeAsync();
        if (Run is not null) await Run.DisposeAsync();
        Browser = null;
        Run = null;
    }
}
