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
    public static async Task ConfirmReachableAsync(BrowserSession browser, Target target, UatPeople people)
    {
        const string role = Roles.Compliance;
        if (browser.SignedInState.ContainsKey(role)) return;
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = target.DashboardUrl.ToString(), StorageState = SavedSessionOf(target, role),
        });
        browser.SignedInState[role] = await SignInAsync(context, await context.NewPageAsync(), target, role, people.EmailOf(role));
    }

    /// <summary>Signs <paramref name="role"/> in on <paramref name="page"/>; returns the context's signed-in storage state.</summary>
    public static async Task<string> SignInAsync(IBrowserContext context, IPage page, Target target, string role, string email)
    {
        var signIn = new SignInPage(page);
        if (SavedSessionOf(target, role) is not null) await signIn.ExpectSignedInAsync(role);
        else
            await signIn.SignInAsync(role, email, target.DashboardSignIn.Passwords.GetValueOrDefault(role)?.Reveal()
                ?? throw new InvalidOperationException($"DASHBOARD_PASSWORD_{role.ToUpperInvariant()} or DASHBOARD_SESSION_{role.ToUpperInvariant()}: missing secret"));
        return await context.StorageStateAsync();
    }

    public static string? SavedSessionOf(Target target, string role) =>
        target.DashboardSignIn.SavedSessions.GetValueOrDefault(role) is { } session ? SavedSession.Decode(session.Reveal()) : null;
}
