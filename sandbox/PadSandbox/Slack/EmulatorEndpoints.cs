using System.Text.Json.Nodes;

namespace PadSandbox.Slack;

/// <summary>
/// How Slack reaches the PA-dealing app: over Socket Mode (no URLs: the sandbox's bot, a Socket Mode app as the real one is,
/// tech-stack.md:15), or at its Event Subscriptions and Interactivity request URLs (another app, such as the conformance
/// stage's HTTP Bolt app).
/// </summary>
public sealed record BotAppUrls(Uri? Events, Uri? Interactivity)
{
    public static readonly BotAppUrls SocketMode = new(null, null);
}

/// <summary>
/// Slack's endpoints that are not Web API methods (response URLs, the Socket Mode WebSocket), and the emulator's
/// own controls under /_emulator/ — what Slack does on its own schedule (refresh a socket, rate-limit on demand), and the calls counted per app and method.
/// </summary>
public static class EmulatorEndpoints
{
    public static void MapSlackEmulator(this WebApplication app)
    {
        app.MapPost("/actions/{team}/{hook}/{secret}", async (string hook, HttpRequest request, Interactivity interactivity) =>
        {
            JsonObject? body;
            try { body = await JsonNode.ParseAsync(request.Body) as JsonObject; }
            catch (System.Text.Json.JsonException) { body = null; }
            var (status, answer) = interactivity.Respond(hook, body);
            return Results.Json(answer, statusCode: status);
        }).AllowAnonymous();

        app.Map("/socket-mode/link", (HttpContext http, SocketMode socketMode) => socketMode.AcceptAsync(http)).AllowAnonymous();

        var emulator = app.MapGroup("/_emulator").AllowAnonymous();
        emulator.MapPost("/rate-limit", (string method, int times, int retryAfter, RateLimits limits) =>
        {
            limits.Force(method, times, retryAfter);
            return Results.Ok();
        });
        emulator.MapPost("/tokens", (string user, string? scopes, Workspace workspace) => workspace.ById(user) is null
            ? Results.Json(WebApi.Error("user_not_found"))
            : Results.Json(new { ok = true, token = workspace.MintUserToken(user, (scopes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)) }));
        emulator.MapPost("/socket-mode/refresh", async (SocketMode socketMode, double? graceSeconds, double? warningSeconds) =>
        {
            await socketMode.RefreshAsync(TimeSpan.FromSeconds(graceSeconds ?? 2), TimeSpan.FromSeconds(warningSeconds ?? 0));
            return Results.Ok();
        });
        emulator.MapPost("/socket-mode/disable", async (SocketMode socketMode, string? app) =>
        {
            await socketMode.DisableAsync(app ?? SlackApps.DriverAppId);
            return Results.Ok();
        });
        emulator.MapGet("/usage", (RateLimits limits) => Results.Json(limits.Usage().Select(u => new
        {
            app = u.App, method = u.Method, calls = u.Calls, refused = u.Refused, budget = $"{u.Tier.Calls}/{u.Tier.Window.TotalSeconds:0}s ({u.Tier.Name})",
        })));
    }
}
