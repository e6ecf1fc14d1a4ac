using Microsoft.Playwright;

namespace PadUat.Drivers.Dashboard;

/// <summary>
/// One Chromium for the whole run (Debian's, via ExecutablePath: Playwright's own download cannot work here);
/// each scenario gets fresh contexts from it. Replaced after a scenario that failed, as Playwright's fixtures do.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
        // One dashboard origin, a fresh context per person per scenario: sharing renderer processes instead of
        // spawning one per context saves ~4 s a run on 2 cores (bench/suite.sh) and isolates nothing we rely on.
        "--renderer-process-limit=2", "--disable-features=site-per-process",
    ];

    private readonly IPlaywright _playwright;
    private readonly string _executable;
    private readonly SemaphoreSlim _replacing = new(1, 1);

    public IBrowser Browser { get; private set; }

    /// <summary>
    /// Each person signs in once per run; later scenarios start their fresh context from the saved session
    /// cookies, as a person who stays signed in would. Scenarios still never share a context.
    /// </summary>
    public Dictionary<Support.Configuration.TestPerson, string> SignedInState { get; } = [];

    private BrowserSession(IPlaywright playwright, IBrowser browser, string executable)
    {
        _playwright = playwright; Browser = browser; _executable = executable;
    }

    /// <param name="headed">A visible window, for a person to sign in by hand (./uat record-session); the run is always headless.</param>
    public static async Task<BrowserSession> LaunchAsync(string chromiumPath, bool headed = false)
    {
        if (!File.Exists(chromiumPath))
            throw new FileNotFoundException($"Chromium not found at {chromiumPath} (CHROMIUM_PATH). Run ./uat once: it installs Debian's chromium.");
        var playwright = await Playwright.CreateAsync();
        return new BrowserSession(playwright, await LaunchBrowserAsync(playwright, chromiumPath, headed), chromiumPath);
    }

    public string Version => Browser.Version;

    /// <summary>
    /// After a failed scenario: a Chromium that crashed or was killed is started again for the scenarios after it. One that
    /// still runs is kept — the scenario's own contexts are already closed, and the test teams' scenarios running beside it
    /// share it (one Chromium for every team: on 2 cores a Chromium per team cost more than the teams gained).
    /// </summary>
    public async Task ReplaceIfGoneAsync()
    {
        await _replacing.WaitAsync();
        try
        {
            if (Browser.IsConnected) return;
            Browser = await LaunchBrowserAsync(_playwright, _executable);
        }
        finally { _replacing.Release(); }
    }

    private static Task<IBrowser> LaunchBrowserAsync(IPlaywright playwright, string executable, bool headed = false) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = !headed, Args = ChromiumArgs, Timeout = 30_000 });

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
        _replacing.Dispose();
    }
}
