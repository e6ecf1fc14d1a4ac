using Microsoft.Playwright;

namespace PadUat.Drivers.Dashboard;

/// <summary>
/// Signing in as on a real deployment: the dashboard sends the visitor to the firm's identity provider, whose own
/// page takes a username and password and sends them back signed in. Or a session saved earlier is already signed in.
/// </summary>
public sealed class SignInPage(IPage page)
{
    public async Task SignInAsync(string role, string email, string password)
    {
        await page.GotoAsync("");
        var signedIn = page.GetByTestId("signed-in-as");
        var username = page.GetByTestId("idp-username");
        await signedIn.Or(username).First.WaitForAsync();
        if (await signedIn.IsVisibleAsync()) return;
        await username.FillAsync(email);
        await page.GetByTestId("idp-password").FillAsync(password);
        await page.GetByTestId("idp-submit").ClickAsync();
        var refused = page.GetByTestId("idp-error");
        await signedIn.Or(refused).First.WaitForAsync();
        if (await refused.IsVisibleAsync())
            throw new InvalidOperationException($"The firm's sign-in page refused {email} ({role}): {await refused.InnerTextAsync()} Check DASHBOARD_PASSWORD_{role.ToUpperInvariant()}.");
    }

    /// <summary>A saved session must still be signed in; an expired one is a setting to renew, not a product defect.</summary>
    public async Task ExpectSignedInAsync(string role)
    {
        await page.GotoAsync("");
        var signedIn = page.GetByTestId("signed-in-as");
        await signedIn.Or(page.GetByTestId("idp-username")).First.WaitForAsync();
        if (!await signedIn.IsVisibleAsync())
            throw new InvalidOperationException($"The saved dashboard session of {role} (DASHBOARD_SESSION_{role.ToUpperInvariant()}) no longer signs in: " +
                                                $"record a new one with ./uat record-session --role {role}");
    }
}
