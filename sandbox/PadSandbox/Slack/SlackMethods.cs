namespace PadSandbox.Slack;

/// <summary>
/// A Slack rate-limit tier as published (docs.slack.dev/apis/web-api/rate-limits), per method, per app, per
/// workspace, as a token bucket: <see cref="Calls"/> per <see cref="Window"/> refilled continuously, and up to
/// <see cref="Calls"/> at once — "bursts allowed, but an app that keeps exceeding the rate is limited".
/// </summary>
public sealed record RateTier(string Name, int Calls, TimeSpan Window)
{
    public static readonly RateTier Tier1 = new("Tier 1", 5, TimeSpan.FromMinutes(1));   // "1+ per minute, a small burst tolerated"
    public static readonly RateTier Tier2 = new("Tier 2", 20, TimeSpan.FromMinutes(1));
    public static readonly RateTier Tier3 = new("Tier 3", 50, TimeSpan.FromMinutes(1));
    public static readonly RateTier Tier4 = new("Tier 4", 100, TimeSpan.FromMinutes(1));

    /// <summary>chat.postMessage ("Special"): about one message a second per channel, short bursts allowed.</summary>
    public static readonly RateTier PostPerChannel = new("1/s per channel", 60, TimeSpan.FromMinutes(1));

    /// <summary>chat.postMessage's workspace-wide ceiling for one app ("several hundred per minute").</summary>
    public static readonly RateTier PostPerApp = new("workspace", 300, TimeSpan.FromMinutes(1));
}

/// <summary>
/// One Web API method as Slack documents it: its tier, whether it reads a JSON body (Slack's OpenAPI `consumes`;
/// read methods take form or query arguments only), the scopes any one of which allows it, the token kinds it takes.
/// </summary>
public sealed record SlackMethod(string Name, RateTier Tier, bool ReadsJson, string[] Scopes, TokenKind[] Tokens)
{
    private static readonly TokenKind[] BotOrUser = [TokenKind.Bot, TokenKind.User];

    public static readonly IReadOnlyDictionary<string, SlackMethod> All = new SlackMethod[]
    {
        new("api.test", RateTier.Tier4, true, [], [TokenKind.Bot, TokenKind.User, TokenKind.App]),
        new("auth.test", RateTier.Tier4, true, [], [TokenKind.Bot, TokenKind.User, TokenKind.App]),
        new("users.info", RateTier.Tier4, false, ["users:read"], BotOrUser),
        new("users.lookupByEmail", RateTier.Tier3, false, ["users:read.email"], BotOrUser),
        new("conversations.open", RateTier.Tier3, true, ["im:write"], BotOrUser),
        new("conversations.history", RateTier.Tier3, false, ["im:history", "groups:history"], BotOrUser),
        new("conversations.replies", RateTier.Tier3, false, ["im:history", "groups:history"], BotOrUser),
        new("chat.postMessage", RateTier.PostPerApp, true, ["chat:write"], BotOrUser),
        new("chat.update", RateTier.Tier3, true, ["chat:write"], BotOrUser),
        new("apps.connections.open", RateTier.Tier1, false, ["connections:write"], [TokenKind.App]),
    }.ToDictionary(m => m.Name);
}
