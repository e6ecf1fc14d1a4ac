using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using PadSandbox.Slack;

namespace PadSandbox.Bot;

/// <summary>
/// The bot's two HTTP entry points, as Slack calls them: the Events API request URL and the interactivity
/// request URL. Both verify Slack's signature first (401 and nothing changes otherwise), acknowledge at
/// once and do the work in the background, because Slack gives an app three seconds.
/// </summary>
public static class BotEndpoints
{
    private static readonly ConcurrentDictionary<string, byte> SeenEvents = new();

    public static void MapBot(this WebApplication app)
    {
        app.MapPost("/slack/events", async (HttpContext http, SlackSignature signature, PadBot bot, FaultSet faults, ILogger<PadBot> log) =>
        {
            var body = await ReadBodyAsync(http.Request);
            if (Refuse(http, signature, faults, body) is { } refused) return refused;
            var envelope = JsonNode.Parse(body)!.AsObject();
            if (envelope["type"]?.GetValue<string>() == "url_verification")
                return Results.Json(new { challenge = envelope["challenge"]?.GetValue<string>() });
            // Slack redelivers on a slow answer; one event is handled once.
            if (!SeenEvents.TryAdd(envelope["event_id"]!.GetValue<string>(), 0)) return Results.Ok();
            var e = envelope["event"]!;
            if (e["type"]?.GetValue<string>() == "message" && e["bot_id"] is null && e["subtype"] is null)
                Background(log, () => bot.OnMessageAsync(e["user"]!.GetValue<string>(), e["channel"]!.GetValue<string>(), e["text"]!.GetValue<string>()));
            return Results.Ok();
        }).AllowAnonymous();

        app.MapPost("/slack/interactivity", async (HttpContext http, SlackSignature signature, PadBot bot, FaultSet faults, ILogger<PadBot> log) =>
        {
            var body = await ReadBodyAsync(http.Request);
            if (Refuse(http, signature, faults, body) is { } refused) return refused;
            // Bolt for JavaScript compares the content type exactly; so does this bot, or a charset would pass here and fail there.
            if (http.Request.ContentType != "application/x-www-form-urlencoded")
                return Results.BadRequest($"unexpected content type {http.Request.ContentType}");
            var form = System.Web.HttpUtility.ParseQueryString(body);
            if (form["payload"] is not { } raw || JsonNode.Parse(raw) is not JsonObject payload || payload["type"]?.GetValue<string>() != "block_actions")
                return Results.BadRequest("expected a block_actions payload");
            // The bot answers every click through its response_url, as Bolt apps do with respond().
            if (payload["response_url"]?.GetValue<string>() is not { Length: > 0 } responseUrl)
                return Results.BadRequest("a block_actions payload without a response_url");
            var action = payload["actions"]![0]!;
            Background(log, () => bot.OnActionAsync(payload["user"]!["id"]!.GetValue<string>(), payload["channel"]!["id"]!.GetValue<string>(),
                payload["container"]!["message_ts"]!.GetValue<string>(), action["action_id"]!.GetValue<string>(),
                action["value"]?.GetValue<string>(), responseUrl));
            return Results.Ok();
        }).AllowAnonymous();
    }

    private static IResult? Refuse(HttpContext http, SlackSignature signature, FaultSet faults, string body)
    {
        var why = signature.Verify(http.Request.Headers["X-Slack-Request-Timestamp"], http.Request.Headers["X-Slack-Signature"], body);
        return why is null ? null : Results.Text($"invalid request: {why}", statusCode: StatusCodes.Status401Unauthorized);
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync();
    }

    private static void Background(ILogger log, Func<Task> work) => _ = Task.Run(async () =>
    {
        try { await work(); }
        catch (Exception e) { log.LogError(e, "The bot failed to handle a Slack request"); }
    });
}
