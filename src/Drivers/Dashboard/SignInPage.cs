using Microsoft.Playwright;
using PadUat.Support.Configuration;

namespace PadUat.Drivers.Dashboard;

/// <summary>
/// Signing in as on a real deployment: the dashboard sends the visitor to the firm's identity provider, whose own
/// page takes a username and password and sends them back signed in. Or a session saved earlier is already signed in.
/// </summary>
public sealed class SignInPage(IPage page, PageElements el)
{
    private static readonly TimeSpan Shown = TimeSpan.FromSeconds(10);
    private (int Status, string Url)? _landedOn;

    public async Task SignInAsync(TestPerson who, string password)
    {
        await OpenAsync();
        var username = el.SignInField(page, "username"); // first: a sign-in mode the harness cannot drive is named before any element
        var signedIn = el.On(page, "signedInAs");
        await ExpectShownAsync(signedIn.Or(username), "the firm's sign-in page or who is signed in");
        if (await signedIn.IsVisibleAsync()) return;
        await username.FillAsync(who.Email);
        await el.SignInField(page, "password").FillAsync(password);
        await el.SignInField(page, "submit").ClickAsync();
        var refused = el.SignInField(page, "refused");
        await ExpectShownAsync(signedIn.Or(refused), $"who is signed in, after signing in as {who},");
        if (await refused.IsVisibleAsync())
            throw new InvalidOperationException($"The firm's sign-in page refused {who.Email} ({who}): {await refused.InnerTextAsync()} Check DASHBOARD_PASSWORD_{who.SettingName}.");
    }

    /// <summary>
    /// With the header naming the person on every request, the dashboard must show them signed in at once; a page that
    /// asks them to sign in instead means the header did not reach it (a sign-in front before it, or a dashboard that is
    /// not in the mode that trusts it) — a setting, named as one.
    /// </summary>
    public async Task ExpectSignedInByHeaderAsync(TestPerson who, string header, string? whoAmI)
    {
        // Where the contract names the dashboard's own answer to "who am I", that answer must name the person.
        if (whoAmI is not null)
        {
            var me = await page.Context.APIRequest.GetAsync(whoAmI);
            var body = me.Ok ? await me.TextAsync() : "";
            if (!body.Contains(who.Email, StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"The dashboard did not sign {who.Email} ({who}) in by the {header} header: {whoAmI} answered HTTP {me.Status} " +
                                                    $"without their e-mail. Is DASHBOARD_URL the dashboard itself, not a sign-in front before it (DASHBOARD_SIGN_IN=form)?");
            return;
        }
        await OpenAsync();
        try { await el.On(page, "signedInAs").WaitForAsync(new LocatorWaitForOptions { Timeout = (float)Shown.TotalMilliseconds }); }
        catch (TimeoutException)
        {
            var landed = _landedOn is var (status, url) ? $"{url} (HTTP {status})" : $"{page.Url} (no answer)";
            throw new InvalidOperationException($"The dashboard did not sign {who.Email} ({who}) in by the {header} header: it shows {landed}, not who is signed in. " +
                                                "Is DASHBOARD_URL the dashboard itself, not a sign-in front before it (DASHBOARD_SIGN_IN=form)?");
        }
    }

    /// <summary>A saved session must still be signed in; an expired one is a setting to renew, not a product defect.</summary>
    public async Task ExpectSignedInAsync(TestPerson who)
    {
        await OpenAsync();
        var username = el.SignInField(page, "username");
        var signedIn = el.On(page, "signedInAs");
        await ExpectShownAsync(signedIn.Or(username), "the firm's sign-in page or who is signed in");
        if (!await signedIn.IsVisibleAsync())
            throw new InvalidOperationException($"The saved dashboard session of {who} (DASHBOARD_SESSION_{who.SettingName}) no longer signs in: " +
                                                $"record a new one with ./uat record-session --person {who.SettingName.ToLowerInvariant()}");
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
