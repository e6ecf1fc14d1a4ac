using Microsoft.Playwright;

namespace PadUat.Drivers.Dashboard;

/// <summary>
/// Signing in as on a real deployment: the dashboard sends the visitor to the firm's identity provider, whose own
/// page takes a username and password and sends them back signed in. Or a session saved earlier is already signed in.
/// </summary>
public sealed class SignInPage(IPage page)
{
    private static readonly TimeSpan Shown = TimeSpan.FromSeconds(10);
    private (int Status, string Url)? _landedOn;

    public async Task SignInAsync(string role, string email, string password)
    {
        await OpenAsync();
        var signedIn = page.GetByTestId("signed-in-as");
        var username = page.GetByTestId("idp-username");
        await ExpectShownAsync(signedIn.Or(username), "the firm's sign-in page or who is signed in");
        if (await signedIn.IsVisibleAsync()) return;
        await username.FillAsync(email);
        await page.GetByTestId("idp-password").FillAsync(password);
        await page.GetByTestId("idp-submit").ClickAsync();
        var refused = page.GetByTestId("idp-error");
        await ExpectShownAsync(signedIn.Or(refused), $"who is signed in, after signing in as {role},");
        if (await refused.IsVisibleAsync())
            throw new InvalidOperationException($"The firm's sign-in page refused {email} ({role}): {await refused.InnerTextAsync()} Check DASHBOARD_PASSWORD_{role.ToUpperInvariant()}.");
    }

    /// <summary>A saved session must still be signed in; an expired one is a setting to renew, not a product defect.</summary>
    public async Task ExpectSignedInAsync(string role)
    {
        await OpenAsync();
        var signedIn = page.GetByTestId("signed-in-as");
        await ExpectShownAsync(signedIn.Or(page.GetByTestId("idp-username")), "the firm's sign-in page or who is signed in");
        if (!await signedIn.IsVisibleAsync())
            throw new InvalidOperationException($"The saved dashboard session of {role} (DASHBOARD_SESSION_{role.ToUpperInvariant()}) no longer signs in: " +
                                                $"record a new one with ./uat record-session --role {role}");
    }

    /// <summary>The dashboard's address, noting the status of every page the browser lands on (after the identity provider's redirects too).</summary>
    private async Task OpenAsync()
    {
        page.Response += (_, response) => { if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame) _landedOn = (response.Status, response.Url); };
        await page.GotoAsync("");
    }

    /// <summary>A dashboard at the wrong address shows neither page: named as the setting it is, in bounded time, not as a timeout.</summary>
    private async Task ExpectShownAsync(ILocator either, string what)
    {
        try { await either.First.WaitForAsync(new LocatorWaitForOptions { Timeout = (float)Shown.TotalMilliseconds }); }
        catch (TimeoutException)
        {
            var landed = _landedOn is var (status, url) ? $"{url} answered HTTP {status}" : $"{page.Url} did not answer";
            throw new InvalidOperationException($"DASHBOARD_URL: {landed} and shows neither {what} within {Shown.TotalSeconds:0} s — is DASHBOARD_URL the dashboard's address?");
        }
    }
}
