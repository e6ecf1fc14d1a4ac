using System.Text.Json.Nodes;
using PadUat.Drivers.Slack;
using PadUat.Support.Configuration;
using PadUat.Support.Lifecycle;

namespace PadUat.Drivers.Probe;

/// <summary>
/// The contract's Slack and dashboard assumptions, asked without writing anything: each person's token (auth.test), the
/// bot's user and app (users.info), the dashboard answering at its URL. No message is sent.
/// </summary>
public static class ServiceProbe
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static async Task<IReadOnlyList<Finding>> RunAsync(Target target, CancellationToken ct = default)
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
        findings.Add(await DashboardAsync(target.DashboardUrl, ct));
        findings.Add(new(Verdict.CannotTell, "dashboard: each role signs in", "not probed: the dashboard's sign-in is not yet part of the contract (the run signs compliance in before any scenario)",
            "../shared/REAL-SYSTEM.md (Dashboard)"));
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
