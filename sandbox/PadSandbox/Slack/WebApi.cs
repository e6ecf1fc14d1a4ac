using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace PadSandbox.Slack;

/// <summary>
/// The Slack Web API methods the bot and the UAT people use, held to Slack's rules: arguments as Slack reads them
/// (<see cref="SlackArgs"/>), the token's kind and scopes (missing_scope with needed/provided), rate limits per
/// method per app (<see cref="RateLimits"/>: HTTP 429, Retry-After, "ratelimited"), and every bad argument answered
/// with Slack's error name and HTTP 200 — {"ok":true,…} or {"ok":false,"error":"…"}.
/// </summary>
public static class WebApi
{
    public static void MapSlackWebApi(this WebApplication app)
    {
        app.MapMethods("/api/{method}", ["GET", "POST"], async (string method, HttpContext http, Workspace workspace, RateLimits limits,
            SlackEvents events, SocketMode socketMode, ILogger<Workspace> log) =>
        {
            if (method == "api.test") return Results.Json(new JsonObject { ["ok"] = true, ["args"] = new JsonObject() });
            if (!SlackMethod.All.TryGetValue(method, out var spec)) return Results.Json(Error("unknown_method"), statusCode: 404);
            var (args, unreadable) = await SlackArgs.ReadAsync(http.Request, spec);
            if (unreadable is not null) return Results.Json(Error(unreadable));
            if (string.IsNullOrEmpty(args!.Token)) return Results.Json(Error("not_authed"));
            if (workspace.Token(args.Token) is not { } token) return Results.Json(Error("invalid_auth"));
            if (!spec.Tokens.Contains(token.Kind)) return Results.Json(Error("not_allowed_token_type"));
            if (spec.Scopes.Length > 0 && !spec.Scopes.Any(token.Scopes.Contains))
                return Results.Json(new JsonObject
                {
                    ["ok"] = false, ["error"] = "missing_scope", ["needed"] = string.Join(',', spec.Scopes),
                    ["provided"] = string.Join(',', token.Scopes.Order(StringComparer.Ordinal)),
                });
            if (limits.Take(spec, token.AppId, args.String("channel")) is { } retryAfter)
            {
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                return Results.Json(Error("ratelimited"), statusCode: 429);
            }
            try
            {
                var caller = token.UserId is { } id ? workspace.ById(id) : null;
                return Results.Json(method switch
                {
                    "auth.test" => AuthTest(token, caller),
                    "apps.connections.open" => new JsonObject { ["ok"] = true, ["url"] = socketMode.Open(http.Request, token.AppId) },
                    "users.lookupByEmail" => args.String("email") is { } email && workspace.ByEmail(email) is { } u ? Ok("user", UserJson(u)) : Error("users_not_found"),
                    "users.info" => args.String("user") is { } uid && workspace.ById(uid) is { } u2 ? Ok("user", UserJson(u2)) : Error("user_not_found"),
                    "conversations.open" => Open(workspace, caller!, args),
                    "chat.postMessage" => Post(workspace, events, caller!, token.AppId, args),
                    "chat.update" => Update(workspace, events, caller!, args),
                    "conversations.history" => History(workspace, caller!, args),
                    "conversations.replies" => Replies(workspace, caller!, args),
                    _ => Error("unknown_method"),
                });
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Slack's own answer to a server fault; the emulator's tests fail on it, so it never hides a bug.
                log.LogError(e, "Slack emulator fault in {Method}", method);
                return Results.Json(Error("internal_error"));
            }
        }).AllowAnonymous();
    }

    private static JsonObject AuthTest(SlackToken token, SlackUser? caller)
    {
        var json = new JsonObject
        {
            ["ok"] = true, ["url"] = $"https://{Workspace.TeamDomain}.slack.com/", ["team"] = "PadUat", ["user"] = caller?.Name,
            ["team_id"] = Workspace.TeamId, ["user_id"] = caller?.Id, ["is_enterprise_install"] = false,
        };
        if (token.Kind == TokenKind.App) { json.Remove("user"); json.Remove("user_id"); json["app_id"] = token.AppId; }
        if (caller?.BotId is not null) json["bot_id"] = caller.BotId;
        return json;
    }

    private static JsonObject Open(Workspace workspace, SlackUser caller, SlackArgs args)
    {
        var users = args.String("users")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (users.Length == 0) return Error("users_list_not_supplied");
        if (users.Length > 1) return Error("not_enough_users"); // group DMs are not part of this emulator
        if (workspace.ById(users[0]) is null) return Error("user_not_found");
        return Ok("channel", new JsonObject { ["id"] = workspace.OpenDirectMessage(caller.Id, users[0]) });
    }

    private static JsonObject Post(Workspace workspace, SlackEvents events, SlackUser caller, string appId, SlackArgs args)
    {
        var channel = ResolveChannel(workspace, caller, args.String("channel"));
        if (channel is null) return Error("channel_not_found");
        var text = args.String("text") ?? "";
        var (blocks, valid) = args.Blocks();
        if (!valid) return Error("invalid_blocks");
        if (BlockKitRules.Violation(blocks) is { } why) return InvalidBlocks(why);
        if (text.Length == 0 && blocks is null) return Error("no_text");
        if (text.Length > 40_000) return Error("msg_too_long");
        var threadTs = args.String("thread_ts");
        if (threadTs is not null && !IsTs(threadTs)) return Error("invalid_thread_ts");
        var message = workspace.Post(channel, caller, appId, text, blocks, threadTs);
        events.Posted(message);
        return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = message.Ts, ["message"] = message.ToJson() };
    }

    private static JsonObject Update(Workspace workspace, SlackEvents events, SlackUser caller, SlackArgs args)
    {
        var channel = args.String("channel");
        var ts = args.String("ts");
        if (channel is null || !workspace.IsMember(channel, caller.Id)) return Error("channel_not_found");
        if (ts is null || workspace.Find(channel, ts) is not { } existing) return Error("message_not_found");
        if (existing.User != caller.Id) return Error("cant_update_message");
        var (blocks, valid) = args.Blocks();
        if (!valid) return Error("invalid_blocks");
        if (BlockKitRules.Violation(blocks) is { } why) return InvalidBlocks(why);
        var text = args.String("text") ?? existing.Text;
        if (text.Length == 0 && blocks is null) return Error("no_text");
        var (before, after) = workspace.Update(channel, ts, text, blocks ?? (args.Has("blocks") ? null : existing.Blocks))!.Value;
        events.Changed(before, after);
        return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts, ["text"] = after.Text, ["message"] = after.ToJson() };
    }

    private static JsonObject History(Workspace workspace, SlackUser caller, SlackArgs args)
    {
        var channel = args.String("channel");
        if (channel is null || !workspace.IsMember(channel, caller.Id)) return Error("channel_not_found");
        var oldest = args.String("oldest");
        var latest = args.String("latest");
        if (oldest is not null && !IsTs(oldest)) return Error("invalid_ts_oldest");
        if (latest is not null && !IsTs(latest)) return Error("invalid_ts_latest");
        var inclusive = args.String("inclusive") is "true" or "1";
        IEnumerable<SlackMessage> messages = workspace.Messages(channel).Where(m => m.ThreadTs is null || m.ThreadTs == m.Ts);
        if (oldest is not null) messages = messages.Where(m => Compare(m.Ts, oldest) > 0 || (inclusive && Compare(m.Ts, oldest) == 0));
        if (latest is not null) messages = messages.Where(m => Compare(m.Ts, latest) < 0 || (inclusive && Compare(m.Ts, latest) == 0));
        return Page(messages.OrderByDescending(m => m.Ts, StringComparer.Ordinal).ToList(), args, workspace);
    }

    private static JsonObject Replies(Workspace workspace, SlackUser caller, SlackArgs args)
    {
        var channel = args.String("channel");
        var ts = args.String("ts");
        if (channel is null || !workspace.IsMember(channel, caller.Id)) return Error("channel_not_found");
        if (ts is null || workspace.Find(channel, ts) is null) return Error("thread_not_found");
        var thread = workspace.Messages(channel).Where(m => m.Ts == ts || m.ThreadTs == ts).OrderBy(m => m.Ts, StringComparer.Ordinal).ToList();
        return Page(thread, args, workspace);
    }

    /// <summary>Cursor pagination as Slack does it: an opaque next_cursor in response_metadata, empty on the last page.</summary>
    private static JsonObject Page(List<SlackMessage> all, SlackArgs args, Workspace workspace)
    {
        var limit = 100;
        if (args.String("limit") is { } rawLimit && (!int.TryParse(rawLimit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 0))
            return Error("invalid_limit");
        limit = limit == 0 ? 100 : Math.Min(limit, 999);
        var start = 0;
        if (args.String("cursor") is { Length: > 0 } cursor && !TryOffset(cursor, out start)) return Error("invalid_cursor");
        var page = all.Skip(start).Take(limit).ToList();
        var more = start + page.Count < all.Count;
        var next = more ? Convert.ToBase64String(Encoding.UTF8.GetBytes($"offset:{start + page.Count}")) : "";
        return new JsonObject
        {
            ["ok"] = true, ["messages"] = new JsonArray(page.Select(m => (JsonNode)workspace.Shown(m)).ToArray()), ["has_more"] = more,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = next },
        };
    }

    private static bool TryOffset(string cursor, out int offset)
    {
        offset = 0;
        var bytes = new byte[cursor.Length];
        if (!Convert.TryFromBase64String(cursor, bytes, out var n)) return false;
        var decoded = Encoding.UTF8.GetString(bytes, 0, n);
        return decoded.StartsWith("offset:", StringComparison.Ordinal)
               && int.TryParse(decoded[7..], NumberStyles.None, CultureInfo.InvariantCulture, out offset);
    }

    private static string? ResolveChannel(Workspace workspace, SlackUser caller, string? channel) => channel switch
    {
        null => null,
        _ when channel.StartsWith('U') && workspace.ById(channel) is not null => workspace.OpenDirectMessage(caller.Id, channel),
        _ when workspace.IsMember(channel, caller.Id) => channel,
        _ => null,
    };

    private static bool IsTs(string ts) => decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    private static int Compare(string a, string b) => decimal.Parse(a, CultureInfo.InvariantCulture).CompareTo(decimal.Parse(b, CultureInfo.InvariantCulture));

    /// <summary>
    /// Slack's user object (docs.slack.dev, users.info): a bot user's profile also names its bot and the app it belongs to
    /// (profile.bot_id, profile.api_app_id), which is how a caller tells the PA-dealing bot's user from another app's.
    /// </summary>
    public static JsonObject UserJson(SlackUser u)
    {
        var profile = new JsonObject { ["email"] = u.Email, ["real_name"] = u.RealName, ["display_name"] = u.Name };
        if (u.BotId is not null) { profile["bot_id"] = u.BotId; profile["api_app_id"] = SlackApps.BotAppId; }
        return new()
        {
            ["id"] = u.Id, ["team_id"] = Workspace.TeamId, ["name"] = u.Name, ["real_name"] = u.RealName, ["deleted"] = false,
            ["is_bot"] = u.IsBot, ["profile"] = profile,
        };
    }

    private static JsonObject Ok(string key, JsonNode value) => new() { ["ok"] = true, [key] = value };

    public static JsonObject Error(string code) => new() { ["ok"] = false, ["error"] = code };

    /// <summary>Slack's answer to blocks it refuses: the field at fault twice, bare in errors and as a warning line.</summary>
    public static JsonObject InvalidBlocks(string why)
    {
        var answer = Error("invalid_blocks");
        answer["errors"] = new JsonArray(why);
        answer["response_metadata"] = new JsonObject { ["messages"] = new JsonArray($"[ERROR] {why}") };
        return answer;
    }
}
