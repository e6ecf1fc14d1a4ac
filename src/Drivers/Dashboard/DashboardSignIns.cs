using Microsoft.Playwright;
using PadUat.Support.Configuration;
using PadUat.Support.Lifecycle;

namespace PadUat.Drivers.Dashboard;

/// <summary>
/// A test person signed in to the dashboard the way the target allows — a password at the firm's sign-in page, or a
/// saved session — once per run.
/// </summary>
public static class DashboardSignIns
{
    /// <summary>
    /// Before any scenario, compliance (who sees every page) signs in: a dashboard at the wrong address, a sign-in that
    /// never comes back, is one message naming DASHBOARD_URL instead of a timeout in every scenario that opens it. The
    /// others sign in when a scenario first needs them (measured: each sign-in costs a run about 1.5 s on 2 cores).
    /// </summary>
    public static async Task ConfirmReachableAsync(BrowserSession browser, Target target, Cast cast, PageElements el)
    {
        var officer = cast.Compliance;
        if (browser.SignedInState.ContainsKey(officer)) return;
        await using var context = await browser.Browser.NewContextAsync(ContextFor(target, browser, officer));
        browser.SignedInState[officer] = await SignInAsync(context, await context.NewPageAsync(), target, officer, el);
    }

    /// <summary>
    /// A browser context for <paramref name="who"/> on the dashboard: carrying the header that names them where the
    /// dashboard is reached that way, else with their signed-in state from earlier in the run or their saved session.
    /// </summary>
    public static BrowserNewContextOptions ContextFor(Target target, BrowserSession browser, TestPerson who) => new()
    {
        BaseURL = target.DashboardUrl.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        StorageState = target.DashboardSignIn.Header is null ? browser.SignedInState.GetValueOrDefault(who) ?? SavedSessionOf(target, who) : null,
        ExtraHTTPHeaders = target.DashboardSignIn.Header is { } header ? new Dictionary<string, string> { [header] = who.Email } : null,
    };

    /// <summary>How <paramref name="who"/> gets in, in the report's words.</summary>
    public static string HowIn(Target target, TestPerson who) =>
        target.DashboardSignIn.Header is { } header ? $"with the {header} header naming them"
        : SavedSessionOf(target, who) is not null ? "with their saved session" : "at the firm's sign-in page";

    /// <summary>Signs <paramref name="who"/> in on <paramref name="page"/>; returns the context's signed-in storage state.</summary>
    public static async Task<string> SignInAsync(IBrowserContext context, IPage page, Target target, TestPerson who, PageElements el)
    {
        var signIn = new SignInPage(page, el);
        if (target.DashboardSignIn.Header is { } header) await signIn.ExpectSignedInByHeaderAsync(who, header, el.WhoAmI);
        else if (SavedSessionOf(target, who) is not null) await signIn.ExpectSignedInAsync(who);
        else
            await signIn.SignInAsync(who, target.DashboardSignIn.Passwords.GetValueOrDefault(who)?.Reveal()
                ?? throw new InvalidOperationException($"DASHBOARD_PASSWORD_{who.SettingName} or DASHBOARD_SESSION_{who.SettingName}: missing secret"));
        return await context.StorageStateAsync();
    }

    public static string? SavedSessionOf(Target target, TestPerson who) =>
        target.DashboardSignIn.SavedSessions.GetValueOrDefault(who) is { } session ? SavedSession.Decode(session.Reveal()) : null;
}
