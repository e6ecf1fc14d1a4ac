using PadUat.Support.Configuration;
using Microsoft.Playwright;
using PadUat.Drivers.Dashboard;
using Xunit;

namespace PadUat.Tests;

/// <summary>The two ways real teams sign a test person in: a password at the firm's sign-in page, or a saved session.</summary>
[Collection(SandboxCollection.Name)]
public sealed class DashboardSignInTests(SandboxFixture f)
{
    private static readonly TestPerson Compliance = JournalFixture.People.Compliance;
    private static readonly PageElements Elements = new(SandboxFixture.Contract);

    [Fact]
    public async Task A_recorded_session_opens_the_dashboard_signed_in_without_the_sign_in_page()
    {
        await using var browser = await BrowserSession.LaunchAsync("/usr/bin/chromium");
        var state = await SessionRecorder.RecordAsync(browser.Browser, f.Sandbox.Host.BaseUrl, Elements, Compliance, f.Sandbox.Host.Accounts.PasswordOf(Compliance.Email));
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = f.Sandbox.Host.BaseUrl.ToString(), StorageState = SavedSession.Decode(SavedSession.Encode(state)),
        });
        var page = await context.NewPageAsync();
        await new SignInPage(page, Elements).ExpectSignedInAsync(Compliance);
        Assert.Equal("Jordan Blake", await page.GetByTestId("signed-in-as").InnerTextAsync());
    }

    [Fact]
    public async Task A_refused_password_and_an_expired_session_are_named_as_settings()
    {
        await using var browser = await BrowserSession.LaunchAsync("/usr/bin/chromium");
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = f.Sandbox.Host.BaseUrl.ToString() });
        var page = await context.NewPageAsync();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => new SignInPage(page, Elements).SignInAsync(Compliance, "wrong"));
        Assert.Contains("Check DASHBOARD_PASSWORD_COMPLIANCE", refused.Message);
        var expired = await Assert.ThrowsAsync<InvalidOperationException>(() => new SignInPage(page, Elements).ExpectSignedInAsync(Compliance));
        Assert.Contains("./uat record-session --person compliance", expired.Message);
    }
}
