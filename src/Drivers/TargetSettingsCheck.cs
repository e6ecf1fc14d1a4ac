using System.Text.Json.Nodes;
using PadUat.Drivers.Slack;
using PadUat.Support.Configuration;
using PadUat.Support.Lifecycle;

namespace PadUat.Drivers;

/// <summary>
/// The settings that only the target can confirm, checked before any scenario so that none of them can become a
/// verdict or a riddle later: each person's Slack token (auth.test, naming the role and its secret), the bot's user and
/// app ids (users.info: a bot, of that app). One line per problem, the first one ends the run. (The dashboard's path is
/// checked where it is first reached, UatRun's reachability check, and by compliance's sign-in before any scenario.)
/// </summary>
public static class TargetSettingsCheck
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static async Task CheckAsync(Target target, CancellationToken ct = default)
    {
        var slack = target.Slack;
        var budget = new SlackRateBudget(TimeProvider.System);
        SlackWebClient? anyPerson = null;
        foreach (var role in Roles.All)
        {
            var client = new SlackWebClient(Http, slack.ApiUrl, slack.TokensByRole[role].Reveal(), budget);
            try { await client.CallAsync("auth.test", ct: ct); }
            catch (SlackApiError e)
            {
                throw new SettingsError($"SLACK_TOKEN_{role.ToUpperInvariant()}: Slack refused the {role}'s token ({e.Code}) — " +
                                        "re-install the UAT driver app as that test person and export their User OAuth Token");
            }
            anyPerson ??= client;
        }
        await CheckBotAsync(anyPerson!, slack, ct);
    }

    private static async Task CheckBotAsync(SlackWebClient client, SlackSettings slack, CancellationToken ct)
    {
        JsonObject user;
        try { user = (JsonObject)(await client.CallAsync("users.info", new JsonObject { ["user"] = slack.BotUserId }, ct))["user"]!; }
        catch (SlackApiError e) when (e.Code is "user_not_found" or "invalid_arguments")
        {
            throw new SettingsError($"SLACK_BOT_USER_ID: Slack knows no user '{slack.BotUserId}' in this workspace ({e.Code})");
        }
        if (user["is_bot"]?.GetValue<bool>() != true)
            throw new SettingsError($"SLACK_BOT_USER_ID: {slack.BotUserId} is a person ({user["name"]}), not the PA-dealing bot's user");
        if (user["profile"]?["api_app_id"]?.GetValue<string>() is { } app && app != slack.BotAppId)
            throw new SettingsError($"SLACK_BOT_APP_ID: the bot user {slack.BotUserId} belongs to app {app}, not {slack.BotAppId}");
    }
}
