using System.Text.Json.Nodes;
using PadSandbox.Dashboard;

namespace PadSandbox.Slack.Client;

/// <summary>
/// Slack's web client, as the emulator serves it at /client: a person signs in (the workspace signs people in through
/// the firm's identity provider, so with the same password as the dashboard), opens a conversation at
/// /client/&lt;team&gt;/&lt;channel&gt; as on app.slack.com, reads its messages rendered from their Block Kit, types in the
/// composer and clicks buttons. Typing posts what Slack's client posts (a client_msg_id, no bot_id); a click becomes
/// Slack's block_actions, delivered to the app that sent the message (<see cref="Interactivity"/>).
/// </summary>
public static class SlackClientEndpoints
{
    private static readonly string PageHtml = LoadPage();

    public static void MapSlackClient(this WebApplication app)
    {
        var client = app.MapGroup("/client").AllowAnonymous().DisableAntiforgery();
        client.MapGet("/signin", (string? redir) => SignInPage(redir, error: null, 200));
        client.MapPost("/signin", async (HttpContext http, IdpAccounts accounts, Workspace workspace, ClientSessions sessions) =>
        {
            var form = await http.Request.ReadFormAsync();
            var (email, password, redir) = (form["email"].ToString(), form["password"].ToString(), form["redir"].ToString());
            if (workspace.ByEmail(email) is not { IsBot: false } user || !accounts.Check(email, password))
                return SignInPage(redir, "Sorry, you entered an incorrect email address or password.", 401);
            http.Response.Cookies.Append(ClientSessions.Cookie, sessions.Open(user.Id),
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/", MaxAge = TimeSpan.FromDays(365) });
            return Results.Redirect(LocalPath(redir) ?? $"/client/{Workspace.TeamId}");
        });
        client.MapPost("/signout", (HttpContext http, ClientSessions sessions) =>
        {
            sessions.Close(http.Request);
            http.Response.Cookies.Delete(ClientSessions.Cookie);
            return Results.Redirect("/client/signin");
        });
        client.MapGet("/", () => Results.Redirect($"/client/{Workspace.TeamId}"));
        client.MapGet("/{team}/{channel?}", (HttpContext http, string team, ClientSessions sessions) =>
            sessions.Who(http.Request) is null || team != Workspace.TeamId
                ? Results.Redirect($"/client/signin?redir={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}")
                : Results.Content(PageHtml, "text/html; charset=utf-8"));

        var api = client.MapGroup("/api").AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<ClientSessions>().Who(context.HttpContext.Request) is null
                ? Results.Json(WebApi.Error("not_authed"), statusCode: 401)
                : await next(context));
        api.MapGet("/boot", (HttpContext http, ClientSessions sessions, Workspace workspace) =>
        {
            var me = sessions.Who(http.Request)!;
            return Results.Json(new JsonObject
            {
                ["ok"] = true, ["team"] = new JsonObject { ["id"] = Workspace.TeamId, ["name"] = "PadUat" },
                ["self"] = new JsonObject { ["id"] = me.Id, ["name"] = me.RealName },
                ["conversations"] = new JsonArray(workspace.ChannelsOf(me.Id).Select(c => (JsonNode)new JsonObject
                {
                    // A channel by its name (#pad-compliance), a DM by the other person's.
                    ["id"] = c, ["name"] = workspace.NameOf(c) is { } channelName ? $"#{channelName}"
                        : workspace.MembersOf(c).Where(m => m != me.Id).Select(m => workspace.ById(m)!.RealName).FirstOrDefault() ?? me.RealName,
                }).ToArray()),
            });
        });
        // A long poll, as Slack's client holds a socket open: the answer waits (up to 20 s) until the conversation has changed
        // since the version the client last saw, so an idle client costs nothing.
        // The conversation's messages, or one thread's (its parent first) when thread is given: replies stay in their thread,
        // as in Slack's client, where the parent shows "N replies".
        api.MapGet("/messages", async (HttpContext http, string channel, long? seen, string? thread, ClientSessions sessions, Workspace workspace, IHostApplicationLifetime host) =>
        {
            var me = sessions.Who(http.Request)!;
            if (!workspace.IsMember(channel, me.Id)) return Results.Json(WebApi.Error("channel_not_found"));
            // A stopping sandbox answers at once: its shutdown waits for requests in flight.
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, host.ApplicationStopping);
            if (seen is { } version) await workspace.WaitForChangeAsync(channel, version, TimeSpan.FromSeconds(20), waiting.Token);
            var now = workspace.VersionOf(channel);
            var shown = workspace.Messages(channel).Where(m => thread is null ? m.ThreadTs is null || m.ThreadTs == m.Ts : m.Ts == thread || m.ThreadTs == thread)
                .Select(m => (Message: m, Ephemeral: false))
                .Concat(thread is null ? workspace.EphemeralFor(channel, me.Id).Select(m => (Message: m, Ephemeral: true)) : [])
                // The latest screenful or so, as Slack's client loads a conversation: a run's long DM is not re-rendered whole on every change.
                .OrderBy(x => x.Message.Ts, StringComparer.Ordinal).TakeLast(40);
            return Results.Json(new JsonObject
            {
                ["ok"] = true, ["version"] = now,
                ["messages"] = new JsonArray(shown.Select(x =>
                {
                    var json = workspace.Shown(x.Message);
                    json["author_name"] = workspace.ById(x.Message.User)?.RealName ?? x.Message.User;
                    if (x.Ephemeral) json["is_ephemeral"] = true;
                    return (JsonNode)json;
                }).ToArray()),
            });
        });
        api.MapPost("/send", async (HttpContext http, ClientSessions sessions, Workspace workspace, SlackEvents events) =>
        {
            var me = sessions.Who(http.Request)!;
            var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject;
            var (channel, text) = (body?["channel"]?.ToString(), body?["text"]?.ToString()?.Trim());
            if (channel is null || !workspace.IsMember(channel, me.Id)) return Results.Json(WebApi.Error("channel_not_found"));
            if (string.IsNullOrEmpty(text)) return Results.Json(WebApi.Error("no_text"));
            var message = workspace.Post(channel, me, SlackApps.SlackClient, text, null, body?["thread_ts"]?.ToString());
            events.Posted(message);
            return Results.Json(new JsonObject { ["ok"] = true, ["ts"] = message.Ts });
        });
        api.MapPost("/click", async (HttpContext http, ClientSessions sessions, Interactivity interactivity) =>
        {
            var me = sessions.Who(http.Request)!;
            var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject;
            var (channel, ts, action) = (body?["channel"]?.ToString(), body?["ts"]?.ToString(), body?["action_id"]?.ToString());
            if (channel is null || ts is null || action is null) return Results.Json(WebApi.Error("invalid_arguments"));
            // What the person typed in the message's inputs: { block_id: { action_id: value } }.
            var typed = (body?["state"] as JsonObject ?? []).SelectMany(b => (b.Value as JsonObject ?? []).Select(a => (Key: (b.Key, a.Key), Value: a.Value?.ToString() ?? "")))
                .ToDictionary(x => x.Key, x => x.Value);
            var (status, error) = await interactivity.ClickAsync(new Uri($"{http.Request.Scheme}://{http.Request.Host}/"), me, channel, ts, action, typed);
            return Results.Json(error is null ? new JsonObject { ["ok"] = true, ["app_status"] = status } : WebApi.Error(error));
        });
    }

    private static IResult SignInPage(string? redir, string? error, int status) => Results.Content($$"""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in to PadUat | Slack</title>
        <style>body{font-family:system-ui,sans-serif;display:grid;place-items:center;height:100vh;margin:0;background:#f8f8f8}
        form{background:#fff;padding:2rem;border-radius:8px;display:grid;gap:.8rem;min-width:22rem}.error{color:#e01e5a}</style></head>
        <body><main><h1>Sign in to PadUat</h1>{{(error is null ? "" : $"<p role=\"alert\" class=\"error\">{Html.E(error)}</p>")}}
        <form method="post" action="/client/signin"><input type="hidden" name="redir" value="{{Html.E(LocalPath(redir) ?? "")}}">
        <label>Email address <input name="email" type="email" autocomplete="username"></label>
        <label>Password <input name="password" type="password" autocomplete="current-password"></label>
        <button type="submit">Sign In With Password</button></form></main></body></html>
        """, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);

    private static string? LocalPath(string? url) => url is { Length: > 0 } && url.StartsWith("/client/", StringComparison.Ordinal) ? url : null;

    private static string LoadPage()
    {
        using var stream = typeof(SlackClientEndpoints).Assembly.GetManifestResourceStream("PadSandbox.Slack.Client.client.html")!;
        return new StreamReader(stream).ReadToEnd();
    }
}
