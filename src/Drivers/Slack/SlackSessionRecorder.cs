using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PadUat.Support.Configuration;

namespace PadUat.Drivers.Slack;

/// <summary>
/// Records a person's signed-in Slack web client (Playwright storage state) for SLACK_SESSION_&lt;PERSON&gt;: in a visible
/// window where the person signs in as their workspace asks (SSO, a second factor); with a password, at a sign-in page
/// that takes an e-mail and a password (the sandbox's). Kept once the client shows a conversation's composer.
/// </summary>
public static class SlackSessionRecorder
{
    private static readonly TimeSpan ByHand = TimeSpan.FromMinutes(5);

    public static async Task<string> RecordAsync(IBrowser browser, Uri clientUrl, TestPerson who, string? password)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(clientUrl.ToString());
        if (password is not null)
        {
            await page.GetByLabel("Email address").FillAsync(who.Email);
            await page.GetByLabel("Password").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign In With Password" }).ClickAsync();
        }
        else Console.WriteLine($"Sign in to Slack as {who.Email} in the browser window; the session is saved once Slack shows you a conversation (up to {ByHand.TotalMinutes:0} minutes).");
        await page.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("^Message") })
            .WaitForAsync(new() { Timeout = (float)(password is null ? ByHand : TimeSpan.FromSeconds(15)).TotalMilliseconds });
        return await context.StorageStateAsync();
    }
}
