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
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = target.DashboardUrl.ToString(), StorageState = SavedSessionOf(target, officer),
        });
        browser.SignedInState[officer] = await SignInAsync(context, await context.NewPageAsync(), target, officer, el);
    }

    /// <summary>Signs <paramref name="who"/> in on <paramref name="page"/>; returns the context's signed-in storage state.</summary>
    public static async Task<string> SignInAsync(IBrowserContext context, IPage page, Target target, TestPerson who, PageElements el)
    {
        var signIn = new SignInPage(page, el);
        if (SavedSessionOf(target, who) is not null) await signIn.ExpectSignedInAsync(who);
        else
            await signIn.SignInAsync(who, target.DashboardSignIn.Passwords.GetValueOrDefault(who)?.Reveal()
                ?? throw new InvalidOperationException($"DASHBOARD_PASSWORD_{who.SettingName} or DASHBOARD_SESSION_{who.SettingName}: missing secret"));
        return await context.StorageStateAsync();
    }

    public static string? SavedSessionOf(Target target, TestPerson who) =>
        target.DashboardSignIn.SavedSessions.GetValueOrDefault(who) is { } session ? SavedSession.Decode(session.Reveal()) : null;
}
