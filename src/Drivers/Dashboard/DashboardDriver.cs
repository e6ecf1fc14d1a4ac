using Microsoft.Playwright;
using PadUat.Support.Configuration;
using PadUat.Support.Evidence;
using PadUat.Support.Lifecycle;

namespace PadUat.Drivers.Dashboard;

/// <summary>
/// The dashboard as each UAT person sees it: a fresh browser context per person per scenario, signed in as
/// them, traced; a screenshot of every page opened goes to the report, a trace too when the scenario fails.
/// </summary>
public sealed class DashboardDriver(BrowserSession browser, Target target, Evidence evidence, Support.Contract.TargetContract contract) : IAsyncDisposable
{
    private readonly Dictionary<TestPerson, IPage> _pages = [];
    /// <summary>The people whose trace is still recording (a failure stops and attaches it; the end of the scenario discards it).</summary>
    private readonly HashSet<TestPerson> _tracing = [];

    public async Task<DashboardPages> AsAsync(TestPerson who)
    {
        if (!_pages.TryGetValue(who, out var page))
        {
            var context = await browser.Browser.NewContextAsync(DashboardSignIns.ContextFor(target, browser, who));
            context.SetDefaultTimeout(10_000);
            page = await context.NewPageAsync();
            // Once per run and person: compliance before the first scenario (DashboardSignIns), the others when first needed.
            if (!browser.SignedInState.ContainsKey(who))
                browser.SignedInState[who] = await evidence.StepAsync($"Dashboard: {who} signs in {DashboardSignIns.HowIn(target, who)}",
                    () => DashboardSignIns.SignInAsync(context, page, target, who, Elements));
            // Traced from here on, after the sign-in: a trace records what is typed, and a password must not reach the report.
            // DOM snapshots only: a screencast on every context would cost more than the scenario itself.
            await context.Tracing.StartAsync(new TracingStartOptions { Snapshots = true, Title = who.Key });
            _tracing.Add(who);
            _pages[who] = page;
        }
        return new DashboardPages(page, this, contract, Elements);
    }

    /// <summary>The application's API as <paramref name="who"/>, through their signed-in browser context.</summary>
    public async Task<ApplicationApi> ApiAsync(TestPerson who)
    {
        await AsAsync(who);
        return new ApplicationApi(_pages[who].Context.APIRequest, this, contract);
    }

    /// <summary>How the target's dashboard shows what the features read.</summary>
    public PageElements Elements { get; } = new(contract);

    internal Task<T> StepAsync<T>(string name, Func<Task<T>> action) => evidence.StepAsync($"Dashboard: {name}", action);

    /// <summary>A link on the page followed as a person does: clicked, the new page's <paramref name="landed"/> waited for, a screenshot taken.</summary>
    internal async Task FollowAsync(IPage page, ILocator link, ILocator landed, string shot)
    {
        var before = page.Url;
        await Task.WhenAll(page.WaitForURLAsync(url => url != before), link.ClickAsync());
        await landed.WaitForAsync();
        await ScreenshotAsync(page, shot);
    }

    internal void AttachText(string name, string text) => evidence.Attach(name, "text/plain", text);

    /// <summary>The whole page the person was shown, also below the fold: the audit trail must not be cut at the window's edge.</summary>
    internal async Task ScreenshotAsync(IPage page, string name) =>
        evidence.Attach($"screenshot — {name}", "image/jpeg",
            await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Type = ScreenshotType.Jpeg, Quality = 70 }));

    /// <summary>Whether any dashboard page was opened in this scenario (so there is something to capture on failure).</summary>
    public bool AnyPageOpen => _pages.Count > 0;

    /// <summary>After a failed scenario: a screenshot of where each person was, and their Playwright trace.</summary>
    public async Task CaptureFailureAsync()
    {
        foreach (var (who, page) in _pages)
        {
            evidence.Attach($"screenshot — {who} at failure ({page.Url})", "image/png", await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true }));
            var trace = Path.Combine(Path.GetTempPath(), $"paduat-trace-{Guid.NewGuid():N}.zip");
            _tracing.Remove(who);
            await page.Context.Tracing.StopAsync(new TracingStopOptions { Path = trace });
            // Redacted before it leaves this machine's /tmp: as recorded, it holds the person's live session cookie.
            evidence.Attach($"Playwright trace — {who} (open with: npx playwright show-trace; credentials redacted)", "application/zip",
                TraceRedaction.Redact(await File.ReadAllBytesAsync(trace)));
            File.Delete(trace);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (who, page) in _pages)
        {
            // A trace still recording is discarded, not just dropped with its context: Playwright keeps a
            // playwright-tracing-* folder in /tmp for every trace never stopped, thousands a week on a CI agent.
            if (_tracing.Remove(who)) await page.Context.Tracing.StopAsync();
            await page.Context.CloseAsync();
        }
        _pages.Clear();
    }
}
