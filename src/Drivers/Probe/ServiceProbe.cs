using System.Text.Json.Nodes;
using PadUat.Drivers.Slack;
using PadUat.Support.Configuration;
using PadUat.Support.Lifecycle;

namespace PadUat.Drivers.Probe;

/// <summary>
/// The contract's Slack and dashboard assumptions, asked without writing anything: each person's token (auth.test), the
/// bot's user and app (users.info), the dashboard answering at its URL, and each person signing in to it as a run would
/// (the firm's sign-in page, or their saved session). No message is sent, nothing is written.
/// </summary>
public static class ServiceProbe
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static async Task<IReadOnlyList<Finding>> RunAsync(Target target, UatPeople people, string chromiumPath, CancellationToken ct = default)
    {
        var findings = new List<Finding>();
        var budget = new SlackRateBudget(TimeProvider.System);
        SlackWebClient? anyPerson = null;
        foreach (var role in Roles.All)
        {
            var client = new SlackWebClient(Http, target.Slack.ApiUrl, target.Slack.TokensByRole[role].Reveal(), budget);
            try
            {
                var me = await client.CallAsync("auth.test", ct: ct);
                findings.Add(new(Verdict.Met, $"slack: the {role} person's token is theirs in the workspace", $"Slack knows it as {me["user_id"]}", "docs/deployed-targets.md"));
                anyPerson ??= client;
            }
            catch (SlackApiError e)
            {
                findings.Add(new(Verdict.NotMet, $"slack: the {role} person's token is theirs in the workspace", $"Slack refused it ({e.Code})", "docs/deployed-targets.md"));
            }
        }
        if (anyPerson is null)
            findings.Add(new(Verdict.CannotTell, "slack: the PA-dealing bot is a bot user of its app", "no person's token works to ask", "SLACK_BOT_USER_ID"));
        else findings.Add(await BotAsync(anyPerson, target.Slack, ct));
        var dashboard = await DashboardAsync(target.DashboardUrl, ct);
        findings.Add(dashboard);
        if (dashboard.Verdict == Verdict.Met) findings.AddRange(await SignInsAsync(target, people, chromiumPath));
        return findings;
    }

    private static async Task<Finding> BotAsync(SlackWebClient client, SlackSettings slack, CancellationToken ct)
    {
        const string assumption = "slack: SLACK_BOT_USER_ID is the PA-dealing bot, a bot user of SLACK_BOT_APP_ID";
        try
        {
            var user = (JsonObject)(await client.CallAsync("users.info", new JsonObject { ["user"] = slack.BotUserId }, ct))["user"]!;
            var app = user["profile"]?["api_app_id"]?.GetValue<string>();
            var isBot = user["is_bot"]?.GetValue<bool>() == true;
            return Finding.Of(isBot && app == slack.BotAppId, assumption, isBot ? $"a bot of app {app ?? "unknown"}" : $"{slack.BotUserId} is a person", "tech-stack.md:15");
        }
        catch (SlackApiError e)
        {
            return new(Verdict.NotMet, assumption, $"Slack knows no such user ({e.Code})", "tech-stack.md:15");
        }
    }

    /// <summary>Each person signs in once, in a fresh browser context, exactly as the run's first visit does.</summary>
    private static async Task<IReadOnlyList<Finding>> SignInsAsync(Target target, UatPeople people, string chromiumPath)
    {
        var findings = new List<Finding>();
        await using var browser = await Dashboard.BrowserSession.LaunchAsync(chromiumPath);
        foreach (var role in Roles.All)
        {
            var saved = Dashboard.DashboardSignIns.SavedSessionOf(target, role);
            var how = saved is null ? "at the firm's sign-in page" : "with their saved session";
            await using var context = await browser.Browser.NewContextAsync(new Microsoft.Playwright.BrowserNewContextOptions
            {
                BaseURL = target.DashboardUrl.ToString(), StorageState = saved,
            });
            try
            {
                await Dashboard.DashboardSignIns.SignInAsync(context, await context.NewPageAsync(), target, role, people.EmailOf(role));
                findings.Add(new(Verdict.Met, $"dashboard: the {role} person signs in {how}", "signed in", "docs/deployed-targets.md"));
            }
            catch (InvalidOperationException e)
            {
                findings.Add(new(Verdict.NotMet, $"dashboard: the {role} person signs in {how}", e.Message, "docs/deployed-targets.md"));
            }
        }
        return findings;
    }

    private static async Task<Finding> DashboardAsync(Uri url, CancellationToken ct)
    {
        try
        {
            using var response = await Http.GetAsync(url, ct);
            return Finding.Of((int)response.StatusCode < 400, $"dashboard: answers at {url}", $"HTTP {(int)response.StatusCode}", "DASHBOARD_URL");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new(Verdict.NotMet, $"dashboard: answers at {url}", e.Message, "DASHBOARD_URL");
        }
    }
}
