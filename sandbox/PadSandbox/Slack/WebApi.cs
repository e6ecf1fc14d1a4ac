using System.Text;
using System.Text.Json.Nodes;

namespace PadSandbox.Slack;

/// <summary>
/// The subset of Slack's Web API the bot and a test user need, with Slack's envelope:
/// {"ok":true,…} or {"ok":false,"error":"…"}; HTTP 429 with Retry-After when rate limited.
/// </summary>
public static class WebApi
{
    public static void MapSlackWebApi(this WebApplication app)
    {
        app.MapMethods("/api/{method}", ["GET", "POST"], async (string method, HttpContext http, Workspace workspace, EventDelivery events) =>
        {
            if (workspace.TakeRateLimit(method) is { } retryAfter)
            {
                http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.Json(Error("ratelimited"), statusCode: 429);
            }
            var args = await SlackArgs.ReadAsync(http.Request);
            if (string.IsNullOrEmpty(args.Token)) return Results.Json(Error("not_authed"));
            var caller = workspace.ByToken(args.Token);
            if (caller is null) return Results.Json(Error("invalid_auth"));
            return Results.Json(method switch
            {
                "auth.test" => AuthTest(caller),
                "users.lookupByEmail" => args.String("email") is { } email && workspace.ByEmail(email) is { } u ? Ok("user", UserJson(u)) : Error("users_not_found"),
                "users.info" => args.String("user") is { } id && workspace.ById(id) is { } u2 ? Ok("user", UserJson(u2)) : Error("user_not_found"),
                "conversations.open" => Open(workspace, caller, args),
                "chat.postMessage" => Post(workspace, events, caller, args),
                "chat.update" => Update(workspace, caller, args),
                "conversations.history" => History(workspace, caller, args),
                "conversations.replies" => Replies(workspace, caller, args),
                _ => Error("unknown_method"),
            });
        }).AllowAnonymous();

        // Not Slack: lets the harness's own tests make the emulator answer 429, as Slack does under load.
        app.MapPost("/_emulator/rate-limit", (string method, int times, int retryAfter, Workspace workspace) =>
        {
            workspace.ForceRateLimit(method, times, retryAfter);
            return Results.Ok();
        }).AllowAnonymous();
    }

    private static JsonObject AuthTest(SlackUser caller)
    {
        var json = new JsonObject
        {
            ["ok"] = true, ["url"] = $"https://{Workspace.TeamDomain}.slack.com/", ["team"] = "PadUat", ["user"] = caller.Name,
            ["team_id"] = Workspace.TeamId, ["user_id"] = caller.Id, ["is_enterprise_install"] = false,
        };
        if (caller.BotId is not null) json["bot_id"] = caller.BotId;
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

    private static JsonObject Post(Workspace workspace, EventDelivery events, SlackUser caller, SlackArgs args)
    {
        var channel = ResolveChannel(workspace, caller, args.String("channel"));
        if (channel is null) return Error("channel_not_found");
        var text = args.String("text") ?? "";
        var blocks = args.Blocks();
        if (text.Length == 0 && blocks is null) return Error("no_text");
        var message = workspace.Post(channel, caller, text, blocks, args.String("thread_ts"));
        if (!caller.IsBot && workspace.OtherMember(channel, caller.Id) == workspace.Bot.Id)
            events.Deliver(message);
        return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = message.Ts, ["message"] = message.ToJson() };
    }

    private static JsonObject Update(Workspace workspace, SlackUser caller, SlackArgs args)
    {
        var channel = args.String("channel");
        var ts = args.String("ts");
        if (channel is null || !workspace.IsMember(channel, caller.Id)) return Error("channel_not_found");
        if (ts is null || workspace.Find(channel, ts) is not { } existing) return Error("message_not_found");
        if (existing.User != caller.Id) return Error("cant_update_message");
        var updated = workspace.Update(channel, ts, caller.Id, args.String("text") ?? existing.Text, args.Blocks());
        return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts, ["text"] = updated!.Text, ["message"] = updated.ToJson() };
    }

    private static JsonObject History(Workspace workspace, SlackUser caller, SlackArgs args)
    {
        var channel = args.String("channel");
        if (channel is null || !workspace.IsMember(channel, caller.Id)) return Error("channel_not_found");
        var inclusive = args.String("inclusive") is "true" or "1";
        var oldest = args.String("oldest");
        var latest = args.String("latest");
        IEnumerable<SlackMessage> messages = workspace.Messages(channel).Where(m => m.ThreadTs is null || m.ThreadTs == m.Ts);
        if (oldest is not null) messages = messages.Where(m => Compare(m.Ts, oldest) > 0 || (inclusive && m.Ts == oldest));
        if (latest is not null) messages = messages.Where(m => Compare(m.Ts, latest) < 0 || (inclusive && m.Ts == latest));
        return Page(messages.OrderByDescending(m => m.Ts, StringComparer.Ordinal).ToList(), args, "messages");
    }

    private static JsonObject Replies(Workspace workspace, SlackUser caller, SlackArgs args)
    {
        var channel = args.String("channel");
        var ts = args.String("ts");
        if (channel is null || !workspace.IsMember(channel, caller.Id)) return Error("channel_not_found");
        if (ts is null || workspace.Find(channel, ts) is null) return Error("thread_not_found");
        var thread = workspace.Messages(channel).Where(m => m.Ts == ts || m.ThreadTs == ts).OrderBy(m => m.Ts, StringComparer.Ordinal).ToList();
        return Page(thread, args, "messages");
    }

    /// <summary>Cursor pagination as Slack does it: an opaque next_cursor in response_metadata, empty on the last page.</summary>
    private static JsonObject Page(List<SlackMessage> all, SlackArgs args, string key)
    {
        var limit = int.TryParse(args.String("limit"), out var l) && l > 0 ? Math.Min(l, 999) : 100;
        var start = 0;
        if (args.String("cursor") is { Length: > 0 } cursor)
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (!decoded.StartsWith("offset:", StringComparison.Ordinal) || !int.TryParse(decoded[7..], out start))
                return Error("invalid_cursor");
        }
        var page = all.Skip(start).Take(limit).ToList();
        var more = start + page.Count < all.Count;
        var next = more ? Convert.ToBase64String(Encoding.UTF8.GetBytes($"offset:{start + page.Count}")) : "";
        return new JsonObject
        {
            ["ok"] = true, [key] = new JsonArray(page.Select(m => (JsonNode)m.ToJson()).ToArray()), ["has_more"] = more,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = next },
        };
    }

    private static string? ResolveChannel(Workspace workspace, SlackUser caller, string? channel) => channel switch
    {
        null => null,
        _ when channel.StartsWith('U') && workspace.ById(channel) is not null => workspace.OpenDirectMessage(caller.Id, channel),
        _ when workspace.IsMember(channel, caller.Id) => channel,
        _ => null,
    };

    private static int Compare(string a, string b) => decimal.Parse(a, System.Globalization.CultureInfo.InvariantCulture)
        .CompareTo(decimal.Parse(b, System.Globalization.CultureInfo.InvariantCulture));

    public static JsonObject UserJson(SlackUser u) => new()
    {
        ["id"] = u.Id, ["team_id"] = Workspace.TeamId, ["name"] = u.Name, ["real_name"] = u.RealName, ["deleted"] = false,
        ["is_bot"] = u.IsBot,
        ["profile"] = new JsonObject { ["email"] = u.Email, ["real_name"] = u.RealName, ["display_name"] = u.Name },
    };

    private static JsonObject Ok(string key, JsonNode value) => new() { ["ok"] = true, [key] = value };

    private static JsonObject Error(string code) => new() { ["ok"] = false, ["error"] = code };
}
