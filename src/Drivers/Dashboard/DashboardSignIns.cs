using Microsoft.Playwright;
using PadUat.Support.Configuration;
using PadUat.Support.Lifecycle;

namespace PadUat.Drivers.Dashboard;

/// <summary>
/// Each test person signed in to the dashboard the way the target allows — a password at the firm's sign-in page, or a
/// saved session — once per run, before any scenario: a refused password, an expired session or a dashboard at the wrong
/// address is one message naming its setting, not a broken step in every scenario that opens the dashboard.
/// </summary>
public static class DashboardSignIns
{
    public static async Task SignInEveryoneAsync(BrowserSession browser, Target target, UatPeople people)
    {
        foreach (var role in DashboardSignIn.RolesOnTheDashboard.Where(r => !browser.SignedInState.ContainsKey(r)))
        {
            await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = target.DashboardUrl.ToString(), StorageState = SavedSessionOf(target, role),
            });
            browser.SignedInState[role] = await SignInAsync(context, await context.NewPageAsync(), target, role, people.EmailOf(role));
        }
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
