using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using PadSandbox.Hosting;
using PadSandbox.Slack;
using Xunit;

namespace PadSandbox.Tests;

/// <summary>
/// The emulator keeps Slack's rules (sandbox/README.md, "Slack's rules the emulator keeps"): arguments as Slack
/// reads them, rate limits per method per app, scopes, error names with HTTP 200, Events API envelopes and
/// retries, interactivity with response_url, and Socket Mode. Each test that spends a rate budget or points the
/// PA-dealing app elsewhere gets a host of its own on the shared database.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class SlackRulesTests(SandboxFixture f)
{
    private static readonly HttpClient Http = new();
    private const string Alex = "alex.morgan@paduat.example";

    private Task<SandboxHost> HostAsync(Uri? botApp = null, EventRetrySchedule? retries = null) =>
        SandboxHost.StartAsync(new SandboxOptions(f.Sandbox.AppConnectionString, FaultSet.None, BotAppBaseUrl: botApp, EventRetries: retries));

    private static async Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> SendAsync(SandboxHost host, string method,
        HttpContent? content, string? bearer, string query = "")
    {
        using var request = new HttpRequestMessage(content is null ? HttpMethod.Get : HttpMethod.Post, new Uri(host.SlackApiUrl, method + query)) { Content = content };
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        var response = await Http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), response);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
    private static FormUrlEncodedContent Form(params (string, string)[] args) => new(args.Select(a => KeyValuePair.Create(a.Item1, a.Item2)));
    private static string Error(JsonObject body) => body["error"]?.GetValue<string>() ?? "(ok)";
    private static string Dm(SandboxHost host, string email) => host.Workspace.OpenDirectMessage(host.Workspace.ByEmail(email)!.Id, host.Workspace.Bot.Id);

    // --- arguments -------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_read_method_takes_form_and_query_arguments_and_ignores_a_json_body()
    {
        var token = f.Sandbox.Host.Workspace.ByEmail(Alex)!.Token;
        var channel = Dm(f.Sandbox.Host, Alex);
        Assert.True((await SendAsync(f.Sandbox.Host, "conversations.history", Form(("channel", channel)), token)).Body["ok"]!.GetValue<bool>());
        Assert.True((await SendAsync(f.Sandbox.Host, "conversations.history", null, token, $"?channel={channel}")).Body["ok"]!.GetValue<bool>());
        // Slack reads no JSON on conversations.history: the channel is not an argument, so there is none.
        var (status, body, _) = await SendAsync(f.Sandbox.Host, "conversations.history", Json($$"""{"channel":"{{channel}}"}"""), token);
        Assert.Equal((HttpStatusCode.OK, "channel_not_found"), (status, Error(body)));
    }

    [Fact]
    public async Task A_write_method_reads_json_but_never_a_token_inside_it()
    {
        var token = f.Sandbox.Host.Workspace.ByEmail(Alex)!.Token;
        var channel = Dm(f.Sandbox.Host, Alex);
        Assert.True((await SendAsync(f.Sandbox.Host, "chat.postMessage", Json($$"""{"channel":"{{channel}}","text":"json"}"""), token)).Body["ok"]!.GetValue<bool>());
        Assert.Equal("not_authed", Error((await SendAsync(f.Sandbox.Host, "chat.postMessage", Json($$"""{"token":"{{token}}","channel":"{{channel}}","text":"x"}"""), null)).Body));
    }

    [Theory]
    [InlineData("auth.test", "application/json", "", "(ok)")]                        // Python's slack_sdk sends an empty JSON body
    [InlineData("chat.postMessage", "application/json", "{\"channel\":", "invalid_json")]
    [InlineData("chat.postMessage", "application/json", "[1,2]", "json_not_object")]
    [InlineData("chat.postMessage", "text/plain", "channel=D1&text=x", "invalid_post_type")]
    [InlineData("chat.postMessage", "application/x-www-form-urlencoded; charset=iso-8859-1", "text=x", "invalid_charset")]
    [InlineData("conversations.history", "application/x-www-form-urlencoded", "channel=D1&oldest=abc", "invalid_ts_oldest")]
    [InlineData("conversations.history", "application/x-www-form-urlencoded", "channel=D1&latest=abc", "invalid_ts_latest")]
    [InlineData("conversations.history", "application/x-www-form-urlencoded", "channel=D1&cursor=%25%25", "invalid_cursor")]
    [InlineData("conversations.history", "application/x-www-form-urlencoded", "channel=D1&limit=many", "invalid_limit")]
    [InlineData("chat.postMessage", "application/x-www-form-urlencoded", "channel=D1&blocks=not-json", "invalid_blocks")]
    [InlineData("no.such.method", "application/x-www-form-urlencoded", "", "unknown_method")]
    public async Task A_bad_request_gets_slacks_error_name(string method, string contentType, string body, string error)
    {
        var token = f.Sandbox.Host.Workspace.ByEmail(Alex)!.Token;
        var channel = Dm(f.Sandbox.Host, Alex);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.Replace("D1", channel, StringComparison.Ordinal)));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var (status, answer, _) = await SendAsync(f.Sandbox.Host, method, content, token);
        Assert.Equal(error, Error(answer));
        Assert.Equal(method == "no.such.method" ? HttpStatusCode.NotFound : HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Fuzzed_arguments_never_get_a_server_error()
    {
        await using var host = await HostAsync();
        var token = host.Workspace.ByEmail(Alex)!.Token;
        var random = new Random(20261129);
        string[] junk = ["", " ", "abc", "-1", "0", "1.5", "99999999999999999999", "null", "{", "[]", "%", "\u0000", "D", "U", "1.000000", "true", new string('x', 5000)];
        string[] names = ["channel", "ts", "oldest", "latest", "limit", "cursor", "inclusive", "text", "blocks", "thread_ts", "users", "user", "email", "junk"];
        var methods = SlackMethod.All.Keys.ToArray();
        for (var i = 0; i < 400; i++)
        {
            var args = Enumerable.Range(0, random.Next(0, 5)).Select(_ => (names[random.Next(names.Length)], junk[random.Next(junk.Length)])).DistinctBy(a => a.Item1).ToArray();
            HttpContent content = random.Next(3) switch
            {
                0 => Form(args),
                1 => Json(new JsonObject(args.Select(a => KeyValuePair.Create(a.Item1, (JsonNode?)JsonValue.Create(a.Item2)))).ToJsonString()),
                _ => new ByteArrayContent(Encoding.UTF8.GetBytes(string.Concat(args.Select(a => a.Item2)))) { Headers = { { "Content-Type", random.Next(2) == 0 ? "application/json" : "application/x-www-form-urlencoded" } } },
            };
            var method = methods[random.Next(methods.Length)];
            var (status, body, _) = await SendAsync(host, method, content, token);
            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"{method} {string.Join('&', args)} → HTTP {(int)status}");
            Assert.True(body["ok"]!.GetValue<bool>() || Error(body) is not ("internal_error" or "(ok)"), $"{method} {string.Join('&', args)} → {body.ToJsonString()}");
        }
    }

    // --- rate limits -----------------------------------------------------------------------------------------

    [Fact]
    public async Task A_burst_of_history_calls_past_tier_3_is_answered_429_with_retry_after_for_every_token_of_the_app()
    {
        await using var host = await HostAsync();
        var people = new[] { Alex, "sam.rivera@paduat.example" }.Select(e => (Token: host.Workspace.ByEmail(e)!.Token, Channel: Dm(host, e))).ToArray();
        // The bucket refills as the burst goes (a call every 1.2 s): the first refusal comes after the budget, give or take
        // what refilled meanwhile; the exact boundary is RateLimitsTests' (a stopped clock).
        var (status, body, response, answered) = await BurstAsync(host, i => ("conversations.history", Form(("channel", people[i % 2].Channel)), people[i % 2].Token), RateTier.Tier3.Calls);
        Assert.InRange(answered, RateTier.Tier3.Calls, RateTier.Tier3.Calls + RefilledDuringABurst);
        Assert.Equal((HttpStatusCode.TooManyRequests, "ratelimited"), (status, Error(body)));
        Assert.InRange(response.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        // Another app (the bot) has a bucket of its own.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(host, "conversations.history", Form(("channel", people[0].Channel)), host.Workspace.Bot.Token)).Status);
    }

    /// <summary>More calls than a loaded 2-core machine's burst lets refill (a burst of 60 calls once took over a second).</summary>
    private const int RefilledDuringABurst = 10;

    /// <summary>Calls until one is refused (at most the budget and what may refill meanwhile); the refusal and how many were answered before it.</summary>
    private static async Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response, int Answered)> BurstAsync(SandboxHost host,
        Func<int, (string Method, FormUrlEncodedContent Form, string Token)> call, int budget)
    {
        for (var i = 0; ; i++)
        {
            var (method, form, token) = call(i);
            var (status, body, response) = await SendAsync(host, method, form, token);
            if (status != HttpStatusCode.OK || i > budget + RefilledDuringABurst) return (status, body, response, i);
        }
    }

    [Fact]
    public async Task Posting_is_about_one_a_second_per_channel_after_a_burst()
    {
        await using var host = await HostAsync();
        var token = host.Workspace.ByEmail(Alex)!.Token;
        var other = host.Workspace.OpenDirectMessage(host.Workspace.ByEmail(Alex)!.Id, host.Workspace.ByEmail("sam.rivera@paduat.example")!.Id);
        var (status, _, response, answered) = await BurstAsync(host, i => ("chat.postMessage", Form(("channel", other), ("text", $"m{i}")), token), RateTier.PostPerChannel.Calls);
        Assert.InRange(answered, RateTier.PostPerChannel.Calls, RateTier.PostPerChannel.Calls + RefilledDuringABurst);
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(host, "chat.postMessage", Form(("channel", Dm(host, Alex)), ("text", "elsewhere")), token)).Status);
    }

    // --- scopes and token kinds ------------------------------------------------------------------------------

    [Fact]
    public async Task A_token_without_the_scope_gets_missing_scope_naming_needed_and_provided()
    {
        var user = f.Sandbox.Host.Workspace.ByEmail(Alex)!;
        var scopeless = f.Sandbox.Host.Workspace.MintUserToken(user.Id, ["users:read"]);
        var (_, body, _) = await SendAsync(f.Sandbox.Host, "conversations.history", Form(("channel", Dm(f.Sandbox.Host, Alex))), scopeless);
        Assert.Equal(("missing_scope", "im:history,groups:history", "users:read"), (Error(body), body["needed"]!.GetValue<string>(), body["provided"]!.GetValue<string>()));
        Assert.Equal("missing_scope", Error((await SendAsync(f.Sandbox.Host, "users.lookupByEmail", Form(("email", Alex)), user.Token)).Body));
    }

    [Fact]
    public async Task Socket_mode_takes_only_an_app_level_token()
    {
        var workspace = f.Sandbox.Host.Workspace;
        Assert.Equal("not_allowed_token_type", Error((await SendAsync(f.Sandbox.Host, "apps.connections.open", Form(), workspace.ByEmail(Alex)!.Token)).Body));
        Assert.Equal("not_allowed_token_type", Error((await SendAsync(f.Sandbox.Host, "conversations.history", Form(("channel", "D1")), workspace.AppToken)).Body));
        Assert.StartsWith("ws://", (await SendAsync(f.Sandbox.Host, "apps.connections.open", Form(), workspace.AppToken)).Body["url"]!.GetValue<string>());
    }

    // --- Events API ------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_dm_to_the_bot_arrives_as_slacks_signed_envelope()
    {
        await using var app = new AppEndpoint();
        await using var host = await HostAsync(app.BaseUrl);
        var alex = host.Workspace.ByEmail(Alex)!;
        // Typed in Slack's own client (its xoxc session), so a client_msg_id and no bot_id.
        await SendAsync(host, "chat.postMessage", Form(("channel", Dm(host, Alex)), ("text", "hello bot")), host.Workspace.ClientToken(alex.Id));
        var received = await app.NextAsync(r => r.Path == "/slack/events", TimeSpan.FromSeconds(5));
        Assert.Equal(new SlackSignature(host.SigningSecret).Sign(received.Headers["X-Slack-Request-Timestamp"]!, received.Body), received.Headers["X-Slack-Signature"]);
        Assert.InRange(long.Parse(received.Headers["X-Slack-Request-Timestamp"]!, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds()); // fresh, as a Bolt app demands
        var envelope = JsonNode.Parse(received.Body)!.AsObject();
        Assert.Equal(("event_callback", "TPADUAT01", false), (envelope["type"]!.GetValue<string>(), envelope["context_team_id"]!.GetValue<string>(), envelope["is_ext_shared_channel"]!.GetValue<bool>()));
        Assert.StartsWith("4-", envelope["event_context"]!.GetValue<string>());
        Assert.Equal("UPADBOT01", envelope["authorizations"]![0]!["user_id"]!.GetValue<string>());
        var e = envelope["event"]!;
        Assert.Equal(("message", "im", "hello bot", alex.Id), (e["type"]!.GetValue<string>(), e["channel_type"]!.GetValue<string>(), e["text"]!.GetValue<string>(), e["user"]!.GetValue<string>()));
        Assert.True(Guid.TryParse(e["client_msg_id"]!.GetValue<string>(), out _));
        Assert.Null(e["bot_id"]);
        Assert.Equal("rich_text", e["blocks"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failed_delivery_the_app_answered_with_X_Slack_No_Retry_is_not_sent_again()
    {
        await using var app = new AppEndpoint { Answer = _ => (HttpStatusCode.InternalServerError, TimeSpan.Zero), NoRetry = true };
        await using var host = await HostAsync(app.BaseUrl, new EventRetrySchedule([TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50)]));
        await SendAsync(host, "chat.postMessage", Form(("channel", Dm(host, Alex)), ("text", "do not retry me")), host.Workspace.ClientToken(host.Workspace.ByEmail(Alex)!.Id));
        await app.NextAsync(r => r.Path == "/slack/events", TimeSpan.FromSeconds(5));
        await Task.Delay(600);
        Assert.DoesNotContain(app.Requests, r => r.Headers.ContainsKey("X-Slack-Retry-Num"));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, 0, "http_error")]
    [InlineData(HttpStatusCode.OK, 3500, "http_timeout")]
    public async Task A_failed_delivery_is_retried_with_the_reason(HttpStatusCode firstAnswer, int firstDelayMs, string reason)
    {
        await using var app = new AppEndpoint { Answer = n => n == 0 ? (firstAnswer, TimeSpan.FromMilliseconds(firstDelayMs)) : (HttpStatusCode.OK, TimeSpan.Zero) };
        await using var host = await HostAsync(app.BaseUrl, new EventRetrySchedule([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(300)]));
        await SendAsync(host, "chat.postMessage", Form(("channel", Dm(host, Alex)), ("text", "retry me")), host.Workspace.ByEmail(Alex)!.Token);
        var retry = await app.NextAsync(r => r.Headers.ContainsKey("X-Slack-Retry-Num"), TimeSpan.FromSeconds(8));
        Assert.Equal(("1", reason), (retry.Headers["X-Slack-Retry-Num"], retry.Headers["X-Slack-Retry-Reason"]));
        Assert.Equal(JsonNode.Parse(app.Requests.First().Body)!["event_id"]!.GetValue<string>(), JsonNode.Parse(retry.Body)!["event_id"]!.GetValue<string>());
    }

    // --- interactivity ---------------------------------------------------------------------------------------

    [Fact]
    public async Task A_click_in_the_client_is_posted_as_slack_posts_it_and_its_response_url_replaces_answers_or_deletes()
    {
        await using var app = new AppEndpoint();
        await using var host = await HostAsync(app.BaseUrl);
        var alex = host.Workspace.ByEmail(Alex)!;
        var channel = Dm(host, Alex);
        var blocks = """[{"type":"actions","block_id":"b1","elements":[{"type":"button","action_id":"approve","value":"7","text":{"type":"plain_text","text":"Approve"}}]}]""";
        var ts = (await SendAsync(host, "chat.postMessage", Form(("channel", channel), ("text", "decide"), ("blocks", blocks)), host.Workspace.Bot.Token)).Body["ts"]!.GetValue<string>();

        // Alex signs in to the Slack client and clicks there, as a person does.
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = host.BaseUrl };
        using (var signIn = await client.PostAsync("client/signin", new FormUrlEncodedContent([new("email", Alex), new("password", host.Accounts.PasswordOf(Alex))])))
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        using (var click = await client.PostAsync("client/api/click", Json($$"""{"channel":"{{channel}}","ts":"{{ts}}","action_id":"approve"}""")))
            Assert.True(JsonNode.Parse(await click.Content.ReadAsStringAsync())!["ok"]!.GetValue<bool>());
        var received = await app.NextAsync(r => r.Path == "/slack/interactivity", TimeSpan.FromSeconds(5));
        Assert.Equal("application/x-www-form-urlencoded", received.ContentType);
        var payload = JsonNode.Parse(System.Web.HttpUtility.ParseQueryString(received.Body)["payload"]!)!.AsObject();
        Assert.Equal(("block_actions", SlackApps.BotAppId, "paduat", "UPADBOT01"), (payload["type"]!.GetValue<string>(), payload["api_app_id"]!.GetValue<string>(),
            payload["team"]!["domain"]!.GetValue<string>(), payload["message"]!["user"]!.GetValue<string>()));
        Assert.Matches(@"^\d+\.\d+\.[0-9a-f]{32}$", payload["trigger_id"]!.GetValue<string>());
        var responseUrl = payload["response_url"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync(responseUrl, Json("""{"text":"only you see this"}"""))).StatusCode);
        Assert.Equal("only you see this", Assert.Single(host.Workspace.EphemeralFor(channel, alex.Id)).Text);
        await Http.PostAsync(responseUrl, Json("""{"text":"You approved request #7.","replace_original":true}"""));
        Assert.Equal("You approved request #7.", host.Workspace.Find(channel, ts)!.Text);
        await Http.PostAsync(responseUrl, Json("""{"text":"x","replace_original":"true"}"""));
        await Http.PostAsync(responseUrl, Json("""{"delete_original":true}"""));
        Assert.Null(host.Workspace.Find(channel, ts));
        (await Http.PostAsync(responseUrl, Json("""{"text":"fifth and last"}"""))).Dispose();
        using var sixth = await Http.PostAsync(responseUrl, Json("""{"text":"again"}"""));
        Assert.Equal("used_url", JsonNode.Parse(await sixth.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_click_a_socket_mode_app_acknowledges_in_time_is_taken_and_one_it_does_not_shows_the_person_slacks_error()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions(f.Sandbox.AppConnectionString, FaultSet.None, OwnBot: false));
        var url = (await SendAsync(host, "apps.connections.open", Form(), host.Workspace.BotAppToken)).Body["url"]!.GetValue<string>();
        using var bot = new ClientWebSocket();
        await bot.ConnectAsync(new Uri(url), CancellationToken.None);
        await ReceiveAsync(bot, type: "hello");
        var channel = Dm(host, Alex);
        var blocks = """[{"type":"actions","block_id":"b1","elements":[{"type":"button","action_id":"approve","value":"7","text":{"type":"plain_text","text":"Approve"}}]}]""";
        var ts = (await SendAsync(host, "chat.postMessage", Form(("channel", channel), ("text", "decide"), ("blocks", blocks)), host.Workspace.Bot.Token)).Body["ts"]!.GetValue<string>();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = host.BaseUrl };
        (await client.PostAsync("client/signin", new FormUrlEncodedContent([new("email", Alex), new("password", host.Accounts.PasswordOf(Alex))]))).Dispose();
        Task<HttpResponseMessage> Click() => client.PostAsync("client/api/click", Json($$"""{"channel":"{{channel}}","ts":"{{ts}}","action_id":"approve"}"""));

        var taken = Click();
        var envelope = await ReceiveAsync(bot, type: "interactive");
        await bot.SendAsync(Encoding.UTF8.GetBytes($$"""{"envelope_id":"{{envelope["envelope_id"]}}"}"""), WebSocketMessageType.Text, true, CancellationToken.None);
        using (var answer = await taken)
            Assert.Equal("""{"ok":true,"app_status":200}""", await answer.Content.ReadAsStringAsync());

        var started = System.Diagnostics.Stopwatch.StartNew();
        using (var answer = await Click()) // never acknowledged: Slack gives up after 3 s and tells the person
            Assert.Equal("operation_timeout", JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
        Assert.True(started.Elapsed >= SocketMode.AckTimeout - TimeSpan.FromMilliseconds(50), $"answered after {started.Elapsed}: before Slack's 3 s were up");
    }

    // --- Socket Mode -----------------------------------------------------------------------------------------

    [Fact]
    public async Task Socket_mode_says_hello_pushes_dm_events_resends_until_acknowledged_and_asks_for_a_refresh()
    {
        await using var host = await HostAsync();
        var url = (await SendAsync(host, "apps.connections.open", Form(), host.Workspace.AppToken)).Body["url"]!.GetValue<string>();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(url), CancellationToken.None);
        Assert.Equal("hello", (await ReceiveAsync(socket))["type"]!.GetValue<string>());
        using (var reuse = new ClientWebSocket())
            await Assert.ThrowsAsync<WebSocketException>(() => reuse.ConnectAsync(new Uri(url), CancellationToken.None)); // a ticket is good for one connection

        await SendAsync(host, "chat.postMessage", Form(("channel", Dm(host, Alex)), ("text", "seen by the driver app")), host.Workspace.ByEmail(Alex)!.Token);
        var first = await ReceiveAsync(socket);
        Assert.Equal(("events_api", 0, "seen by the driver app"), (first["type"]!.GetValue<string>(), first["retry_attempt"]!.GetValue<int>(),
            first["payload"]!["event"]!["text"]!.GetValue<string>()));
        Assert.Equal(SlackApps.DriverAppId, first["payload"]!["api_app_id"]!.GetValue<string>());
        var again = await ReceiveAsync(socket, first["envelope_id"]!.GetValue<string>()); // not acknowledged: Slack sends it again after 3 s
        Assert.Equal((first["envelope_id"]!.GetValue<string>(), 1, "timeout"),
            (again["envelope_id"]!.GetValue<string>(), again["retry_attempt"]!.GetValue<int>(), again["retry_reason"]!.GetValue<string>()));
        await socket.SendAsync(Encoding.UTF8.GetBytes($$"""{"envelope_id":"{{first["envelope_id"]}}"}"""), WebSocketMessageType.Text, true, CancellationToken.None);

        var refresh = Http.PostAsync(new Uri(host.BaseUrl, "_emulator/socket-mode/refresh?graceSeconds=0.2&warningSeconds=0.2"), null);
        Assert.Equal("warning", (await ReceiveAsync(socket, type: "disconnect"))["reason"]!.GetValue<string>());
        Assert.Equal("refresh_requested", (await ReceiveAsync(socket, type: "disconnect"))["reason"]!.GetValue<string>());
        (await refresh).Dispose();
    }

    [Fact]
    public async Task Socket_mode_holds_ten_connections_an_app_refuses_the_eleventh_and_link_disabled_closes_and_refuses_them()
    {
        await using var host = await HostAsync();
        var sockets = new List<ClientWebSocket>();
        try
        {
            for (var i = 0; i < SocketMode.MaxConnections; i++)
            {
                sockets.Add(await ConnectSocketAsync(host));
                Assert.Equal("hello", (await ReceiveAsync(sockets[^1]))["type"]!.GetValue<string>());
            }
            using (var eleventh = await ConnectSocketAsync(host))
                Assert.Equal("too_many_websockets", (await ReceiveAsync(eleventh, type: "disconnect"))["reason"]!.GetValue<string>());

            (await Http.PostAsync(new Uri(host.BaseUrl, "_emulator/socket-mode/disable"), null)).Dispose();
            Assert.Equal("link_disabled", (await ReceiveAsync(sockets[0], type: "disconnect"))["reason"]!.GetValue<string>());
            using var after = await ConnectSocketAsync(host);
            Assert.Equal("link_disabled", (await ReceiveAsync(after, type: "disconnect"))["reason"]!.GetValue<string>());
        }
        finally
        {
            foreach (var socket in sockets) socket.Dispose();
        }
    }

    /// <summary>A connection as apps.connections.open's URL makes one (the method itself allows five a minute: Tier 1).</summary>
    private static async Task<ClientWebSocket> ConnectSocketAsync(SandboxHost host)
    {
        var url = host.SocketMode.Open(host.BaseUrl.Authority);
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(url), CancellationToken.None);
        return socket;
    }

    /// <summary>The next message (with this envelope id, or of this type, when given), skipping others such as the bot's reply.</summary>
    private static async Task<JsonObject> ReceiveAsync(ClientWebSocket socket, string? envelopeId = null, string? type = null)
    {
        while (true)
        {
            var message = await ReceiveOneAsync(socket);
            if ((envelopeId is null || message["envelope_id"]?.GetValue<string>() == envelopeId) && (type is null || message["type"]?.GetValue<string>() == type))
                return message;
        }
    }

    private static async Task<JsonObject> ReceiveOneAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(6));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
        } while (!result.EndOfMessage);
        return JsonNode.Parse(message.ToArray())!.AsObject();
    }
}
