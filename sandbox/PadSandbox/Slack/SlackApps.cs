namespace PadSandbox.Slack;

public enum TokenKind { Bot, User, App }

/// <summary>
/// A token as Slack issues it: to one app, for a bot or for a user who installed the app, or app-level (xapp-)
/// for Socket Mode; with the scopes granted at install. Rate limits are counted per app, not per token.
/// </summary>
public sealed record SlackToken(string Value, TokenKind Kind, string AppId, string? UserId, IReadOnlySet<string> Scopes);

/// <summary>
/// The two Slack apps of the workspace. The PA-dealing bot receives its events over HTTP at its request URL and
/// its clicks at its interactivity URL; the UAT driver app is installed by the people (user scopes) and receives
/// the user event message.im over Socket Mode, which is how the harness reads the bot's DMs without polling.
/// </summary>
public static class SlackApps
{
    public const string BotAppId = "APADUAT01";
    public const string DriverAppId = "APADUATDRV";
    /// <summary>People typing in Slack's own client: not an app, so not held to an app's rate limits.</summary>
    public const string SlackClient = "slack-client";

    /// <summary>Each app's bot user's bot id, which Slack stamps on whatever is posted through the app.</summary>
    public static string BotIdOf(string appId) => appId switch
    {
        BotAppId => "BPADBOT01",
        _ => "B" + appId[1..],
    };

    public static readonly IReadOnlySet<string> BotScopes =
        new HashSet<string> { "chat:write", "im:history", "im:read", "im:write", "users:read", "users:read.email" };

    /// <summary>What the UAT driver app's manifest (slack/uat-driver-app.manifest.json) asks of each test person.</summary>
    public static readonly IReadOnlySet<string> PersonScopes =
        new HashSet<string> { "chat:write", "groups:history", "im:history", "im:read", "im:write", "users:read" };

    public static readonly IReadOnlySet<string> AppLevelScopes = new HashSet<string> { "connections:write" };
}
