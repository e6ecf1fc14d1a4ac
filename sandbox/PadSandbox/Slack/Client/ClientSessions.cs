using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PadSandbox.Slack.Client;

/// <summary>
/// People signed in to the emulator's Slack client. As on app.slack.com, a session is one cookie, <c>d</c>, which the
/// client trades for the person's client token (xoxc-): saving a browser's cookies saves the session.
/// </summary>
public sealed class ClientSessions(Workspace workspace)
{
    public const string Cookie = "d";
    private readonly ConcurrentDictionary<string, string> _userBySession = new();

    /// <summary>A new session for <paramref name="userId"/>: what a person's sign-in ends in.</summary>
    public string Open(string userId)
    {
        var session = "xoxd-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _userBySession[session] = userId;
        return session;
    }

    /// <summary>Who the request's session cookie belongs to, or null when it has none Slack knows.</summary>
    public SlackUser? Who(HttpRequest request) =>
        request.Cookies[Cookie] is { } session && _userBySession.TryGetValue(session, out var userId) ? workspace.ById(userId) : null;

    /// <summary>
    /// A signed-in session as Playwright saves a browser's (storage state): what `./uat record-session --slack` records
    /// from a person's sign-in, and what the sandbox hands its runs instead of making each person sign in again.
    /// </summary>
    public string StorageState(string userId, Uri clientUrl) => new System.Text.Json.Nodes.JsonObject
    {
        ["cookies"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = Cookie, ["value"] = Open(userId), ["domain"] = clientUrl.Host, ["path"] = "/", ["expires"] = -1,
            ["httpOnly"] = true, ["secure"] = false, ["sameSite"] = "Lax",
        }),
        ["origins"] = new System.Text.Json.Nodes.JsonArray(),
    }.ToJsonString();

    public void Close(HttpRequest request)
    {
        if (request.Cookies[Cookie] is { } session) _userBySession.TryRemove(session, out _);
    }
}
