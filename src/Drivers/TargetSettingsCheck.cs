using System.Text.Json.Nodes;
using PadUat.Drivers.Probe;
using PadUat.Drivers.Slack;
using PadUat.Support.Configuration;
using PadUat.Support.Lifecycle;

namespace PadUat.Drivers;

/// <summary>
/// The settings that only the target can confirm: each person's Slack token (auth.test, naming the person and its
/// secret), the bot's user id (users.info: a bot user). Before any scenario a run stops at the first
/// problem, so that none can become a verdict or a riddle later; the probe lists them all. (The dashboard's path is
/// checked where it is first reached, UatRun's reachability check, and by compliance's sign-in before any scenario.)
/// </summary>
public static class TargetSettingsCheck
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private const string Source = "docs/deployed-targets.md";
    private const string BotAssumption = "slack: SLACK_BOT_USER_ID is the PA-dealing bot's user";

    public static async Task CheckAsync(Target target, CancellationToken ct = default)
    {
        if ((await SlackAsync(target.Slack, ct)).FirstOrDefault(f => f.Verdict != Verdict.Met) is { } problem) throw new SettingsError(problem.Found);
    }

    /// <summary>Each person's token, then the bot's ids, as findings; one not met names the setting to fix.</summary>
    public static async Task<IReadOnlyList<Finding>> SlackAsync(SlackSettings slack, CancellationToken ct = default)
    {
        var findings = new List<Finding>();
        var budget = new SlackRateBudget(TimeProvider.System);
        SlackWebClient? anyPerson = null;
        foreach (var (who, token) in slack.Tokens)
        {
            var client = new SlackWebClient(Http, slack.ApiUrl, token.Reveal(), budget);
            var assumption = $"slack: the {who} person's token is theirs in the workspace";
            try
            {
                var me = await client.CallAsync("auth.test", ct: ct);
                findings.Add(new(Verdict.Met, assumption, $"Slack knows it as {me["user_id"]}", Source));
                anyPerson ??= client;
            }
            catch (SlackApiError e)
            {
                findings.Add(new(Verdict.NotMet, assumption, $"SLACK_TOKEN_{who.SettingName}: Slack refused the {who}'s token ({e.Code}) — " +
                                                              "re-install the UAT driver app as that test person and export their User OAuth Token", Source));
            }
        }
        findings.Add(anyPerson is null
            ? new(Verdict.CannotTell, BotAssumption, "SLACK_BOT_USER_ID: no person's token works to ask Slack about the bot", "tech-stack.md:15")
            : await BotAsync(anyPerson, slack, ct));
        return findings;
    }

    private static async Task<Finding> BotAsync(SlackWebClient client, SlackSettings slack, CancellationToken ct)
    {
        JsonObject user;
        try { user = (JsonObject)(await client.CallAsync("users.info", new JsonObject { ["user"] = slack.BotUserId }, ct))["user"]!; }
        catch (SlackApiError e)
        {
            return new(Verdict.NotMet, BotAssumption, $"SLACK_BOT_USER_ID: Slack knows no user '{slack.BotUserId}' in this workspace ({e.Code})", "tech-stack.md:15");
        }
        var app = user["profile"]?["api_app_id"]?.GetValue<string>();
        return user["is_bot"]?.GetValue<bool>() != true
            ? new(Verdict.NotMet, BotAssumption, $"SLACK_BOT_USER_ID: {slack.BotUserId} is a person ({user["name"]}), not the PA-dealing bot's user", "tech-stack.md:15")
            : new(Verdict.Met, BotAssumption, $"a bot user of app {app ?? "unknown"}", "tech-stack.md:15");
    }
}
