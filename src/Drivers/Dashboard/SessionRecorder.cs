using Microsoft.Playwright;
using PadUat.Support.Configuration;

namespace PadUat.Drivers.Dashboard;

/// <summary>
/// Records a person's signed-in dashboard session (Playwright storage state) for DASHBOARD_SESSION_&lt;PERSON&gt;:
/// with a password, by signing in at the firm's sign-in page unattended; without one, in a visible window where
/// the person signs in themselves (a second factor, a certificate…) and the session is kept once the dashboard shows them.
/// </summary>
public static class SessionRecorder
{
    private static readonly TimeSpan ByHand = TimeSpan.FromMinutes(5);

    public static async Task<string> RecordAsync(IBrowser browser, Uri dashboard, PageElements el, TestPerson who, string? password)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = dashboard.ToString() });
        var page = await context.NewPageAsync();
        if (password is not null) await new SignInPage(page, el).SignInAsync(who, password);
        else
        {
            await page.GotoAsync("");
            Console.WriteLine($"Sign in as {who.Email} in the browser window; the session is saved once the dashboard shows you signed in (up to {ByHand.TotalMinutes:0} minutes).");
            await el.On(page, "signedInAs").WaitForAsync(new LocatorWaitForOptions { Timeout = (float)ByHand.TotalMilliseconds });
        }
        return await context.StorageStateAsync();
    }
}
