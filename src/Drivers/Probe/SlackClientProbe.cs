using System.Text.Json.Nodes;
using PadUat.Drivers.Slack;
using PadUat.Support.Configuration;

namespace PadUat.Drivers.Probe;

/// <summary>
/// Each person's Slack client, as a run first meets it: signed in with their saved session, open on their DM with the
/// bot, its message list and composer found by the page object. Nothing is typed or clicked, so a drift in Slack's
/// client (or a session Slack no longer accepts) shows here, at first contact, rather than mid-scenario.
/// </summary>
public static class SlackClientProbe
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private const string Source = "docs/deployed-targets.md";

    public static async Task<IReadOnlyList<Finding>> RunAsync(SlackSettings slack, Dashboard.BrowserSession browser, CancellationToken ct = default)
    {
        var findings = new List<Finding>();
        var budget = new SlackRateBudget(TimeProvider.System);
        foreach (var (who, session) in slack.Sessions)
        {
            var assumption = $"slack: the {who} person's Slack client opens their DM with the bot, its messages and composer";
            try
            {
                // conversations.open on a DM that exists changes nothing; it names the DM the client is opened on.
                var reader = new SlackWebClient(Http, slack.ApiUrl, slack.Tokens[who].Reveal(), budget);
                var dm = (await reader.CallAsync("conversations.open", new JsonObject { ["users"] = slack.BotUserId }, ct))["channel"]!["id"]!.GetValue<string>();
                var page = await SlackClientPage.OpenAsync(browser.Browser, slack.ClientUrl, Dashboard.SavedSession.Decode(session.Reveal()), dm, who.SettingName);
                try
                {
                    var list = await page.ShowsMessageListAsync();
                    findings.Add(Finding.Of(list, assumption, list ? $"DM {dm}: message list and composer found" : $"DM {dm}: composer found, but no message list (role list)", Source));
                }
                finally { await page.CloseAsync(); }
            }
            catch (Exception e) when (e is SlackApiError or SettingsError or InvalidOperationException or TimeoutException or Microsoft.Playwright.PlaywrightException)
            {
                findings.Add(new(Verdict.NotMet, assumption, e.Message, Source));
            }
        }
        return findings;
    }
}
