using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PadSandbox;
using PadSandbox.Hosting;
using PadUat.Drivers.Slack;
using Xunit;

namespace PadUat.Tests;

/// <summary>
/// The rules a real Slack workspace holds the harness to, shown against the emulator — and the driver's own
/// requests passing them: form arguments, one rate budget for the app, scopes, clicks as Slack sends them,
/// the bot's messages over Socket Mode and its answers on the click's response_url.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class SlackRulesTests(SandboxFixture f)
{
    private static readonly HttpClient Http = new();
    private const string Casey = "casey.lindqvist@paduat.example";

    /// <summary>A host of its own on the shared database: a fresh rate budget, nothing spent by other tests.</summary>
    private Task<SandboxHost> HostAsync() => SandboxHost.StartAsync(new SandboxOptions(f.Sandbox.AppConnectionString, FaultSet.None));

    private static string Dm(SandboxHost host, string email) => host.Workspace.OpenDirectMessage(host.Workspace.ByEmail(email)!.Id, host.Workspace.Bot.Id);

    [Fact]
    public async Task Slack_does_not_read_json_arguments_on_conversations_history()
    {
        var host = f.Sandbox.Host;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.SlackApiUrl, "conversations.history"))
        {
            Content = new StringContent($$"""{"channel":"{{Dm(host, Casey)}}","limit":1}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", f.Token(Casey));
        using var response = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("channel_not_found", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
        // The driver sends the same call form-encoded, and Slack reads it.
        var client = new SlackWebClient(Http, host.SlackApiUrl, f.Token(Casey), new SlackRateBudget(TimeProvider.System));
        Assert.True((await client.CallAsync("conversations.history", new JsonObject { ["channel"] = Dm(host, Casey), ["limit"] = 1 }))["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_burst_of_history_calls_draws_429_with_retry_after_but_the_driver_keeps_within_the_budget()
    {
        await using var host = await HostAsync();
        var channel = Dm(host, Casey);
        var token = host.Workspace.ByEmail(Casey)!.Token;
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 60 && refused is null; i++)
        {
            var response = await Http.GetAsync(new Uri(host.SlackApiUrl, $"conversations.history?channel={channel}&token={token}"));
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
            else response.Dispose();
        }
        Assert.NotNull(refused);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        refused.Dispose();

        await using var fresh = await HostAsync();
        var budget = new SlackRateBudget(TimeProvider.System);
        // Two people of one app share the budget: 53 calls go through without a single 429, the last ones waiting their turn.
        var people = new[] { Casey, "jamie.ortega@paduat.example" }.Select(e => (Client: new SlackWebClient(Http, fresh.SlackApiUrl, fresh.Workspace.ByEmail(e)!.Token, budget, maxRateLimitRetries: 0), Channel: Dm(fresh, e))).ToArray();
        for (var i = 0; i < 53; i++)
            await people[i % 2].Client.CallAsync("conversations.history", new JsonObject { ["channel"] = people[i % 2].Channel, ["limit"] = 1 });
        var usage = Assert.Single(budget.Usage(), u => u.Method == "conversations.history");
        Assert.Equal((53, 0), (usage.Calls, usage.Refused));
        Assert.InRange(usage.Waited, 1, 53);
    }

    [Fact]
    public async Task A_token_without_the_scope_is_refused_with_missing_scope()
    {
        var user = f.Sandbox.Host.Workspace.ByEmail(Casey)!;
        var client = new SlackWebClient(Http, f.Sandbox.Host.SlackApiUrl, f.Sandbox.Host.Workspace.MintUserToken(user.Id, []), new SlackRateBudget(TimeProvider.System));
        var error = await Assert.ThrowsAsync<SlackApiError>(() => client.CallAsync("conversations.history", new JsonObject { ["channel"] = Dm(f.Sandbox.Host, Casey) }));
        Assert.Equal("missing_scope", error.Code);
        Assert.Contains("needs im:history", error.Message);
    }

    [Fact]
    public async Task The_bots_messages_arrive_over_socket_mode_even_across_a_refresh_and_its_answer_to_a_click_in_the_client_reaches_the_clicker()
    {
        var host = f.Sandbox.Host;
        var budget = new SlackRateBudget(TimeProvider.System);
        await using var feed = await SocketModeFeed.ConnectAsync(new SlackWebClient(Http, host.SlackApiUrl, host.Workspace.AppToken, budget));
        var person = await f.SlackPersonAsync("charlie.moss@paduat.example", host.Workspace.Bot.Id, feed, budget);

        var phrases = new BotPhrases(SandboxFixture.Contract);
        await person.SayAsync("hi");
        await person.ExpectFromBotAsync(m => phrases.QuestionIn(m.Text) == "security", "the first question", TimeSpan.FromSeconds(5));
        using (await Http.PostAsync(new Uri(host.BaseUrl, "_emulator/socket-mode/refresh?graceSeconds=0.5"), null)) { }
        foreach (var (say, reply) in new[] { ("AAPL", "securityConfirmation"), ("yes", "direction"), ("buy", "quantity"),
                     ("1", "price"), ("180", "currency"), ("USD", "broker"), ("Interactive Brokers", "account"), ("U1234567", "reason") })
        {
            await person.AnswerAsync(say);
            await person.ExpectFromBotAsync(m => phrases.QuestionIn(m.Text) == reply, $"an answer to {say}", TimeSpan.FromSeconds(5));
        }
        await person.AnswerAsync("Long-term investment for my pension");
        var summary = await person.ExpectFromBotAsync(m => m.Button(SandboxFixture.Contract.Button("cancelRequest")) is not null, "a summary", TimeSpan.FromSeconds(5));
        Assert.Equal(0, budget.Usage().Where(u => u.Method.StartsWith("conversations.history", StringComparison.Ordinal)).Sum(u => u.Calls));

        await person.ClickAsync(summary, SandboxFixture.Contract.Button("cancelRequest"));
        await person.ExpectClickAnswerAsync(phrases.Cancelled, "the summary cancelled", TimeSpan.FromSeconds(5));
    }

    /// <summary>Socket Mode turned off for the driver app ("link_disabled"): reading ends with what to do, not with a wait for messages that cannot come.</summary>
    [Fact]
    public async Task Socket_mode_turned_off_for_the_driver_app_ends_reading_with_what_to_do()
    {
        // A second Slack of its own on the fixture's database: turning Socket Mode off must not reach the other tests.
        await using var host = await SandboxHost.StartAsync(new SandboxOptions(f.Sandbox.AppConnectionString, FaultSet.None));
        var budget = new SlackRateBudget(TimeProvider.System);
        await using var feed = await SocketModeFeed.ConnectAsync(new SlackWebClient(Http, host.SlackApiUrl, host.Workspace.AppToken, budget));
        var reader = new SlackWebClient(Http, host.SlackApiUrl, host.Workspace.ByEmail("alex.morgan@paduat.example")!.Token, budget);
        (await Http.PostAsync(new Uri(host.BaseUrl, "_emulator/socket-mode/disable"), null)).Dispose();
        var lost = await PadUat.Support.Eventually.UntilAsync(async () =>
        {
            try { await feed.ReadAsync(reader, "D0000000000", "0"); return null; }
            catch (InvalidOperationException e) { return e.Message; }
        }, message => message is not null, TimeSpan.FromSeconds(5), "the feed giving up");
        Assert.StartsWith("Lost the connection to Slack (Socket Mode): Slack turned Socket Mode off for the UAT driver app (disconnect: link_disabled)", lost);
    }

    /// <summary>
    /// Who wrote a message, as Slack tells it: typed in Slack's client, a client_msg_id and no bot_id; the same text posted
    /// with the person's user token of an app, that app's bot_id and app_id and no client_msg_id. Either way the harness
    /// reads the person's message as theirs and only the bot's user's as the bot's.
    /// </summary>
    [Fact]
    public async Task A_typed_message_carries_client_msg_id_one_posted_with_a_token_the_apps_bot_id_and_the_bots_are_told_by_user_id()
    {
        var host = f.Sandbox.Host;
        const string email = "blair.ashby@paduat.example";
        var person = await f.SlackPersonAsync(email, host.Workspace.Bot.Id, new PollingFeed());
        var reader = new SlackWebClient(Http, host.SlackApiUrl, f.Token(email), new SlackRateBudget(TimeProvider.System));
        await person.SayAsync("cancel");
        var typed = await NewestAsync(reader, person.BotChannel, m => m["text"]?.GetValue<string>() == "cancel" && m["user"]?.GetValue<string>() != host.Workspace.Bot.Id);
        Assert.Matches("^[0-9a-f-]{36}$", typed["client_msg_id"]!.GetValue<string>());
        Assert.Null(typed["bot_id"]);
        // The bot answers a message at the top of the DM in a thread it opens from it.
        var botsAnswer = await NewestAsync(reader, person.BotChannel, m => m["user"]?.GetValue<string>() == host.Workspace.Bot.Id, thread: typed["ts"]!.GetValue<string>());

        var posted = (await reader.CallAsync("chat.postMessage", new JsonObject { ["channel"] = person.BotChannel, ["text"] = "cancel" }))["message"]!;
        Assert.Null(posted["client_msg_id"]);
        Assert.Equal((PadSandbox.Slack.SlackApps.BotIdOf(PadSandbox.Slack.SlackApps.DriverAppId), PadSandbox.Slack.SlackApps.DriverAppId),
            (posted["bot_id"]!.GetValue<string>(), posted["app_id"]!.GetValue<string>()));

        Assert.False(SlackMessage.From(typed).IsFrom(host.Workspace.Bot.Id));
        Assert.False(SlackMessage.From(posted).IsFrom(host.Workspace.Bot.Id));
        Assert.True(SlackMessage.From(botsAnswer).IsFrom(host.Workspace.Bot.Id));
    }

    private static async Task<JsonNode> NewestAsync(SlackWebClient reader, string channel, Func<JsonNode, bool> matches, string? thread = null) =>
        await PadUat.Support.Eventually.UntilAsync(async () => (await reader.CallAsync(thread is null ? "conversations.history" : "conversations.replies",
                    new JsonObject { ["channel"] = channel, ["limit"] = 20, ["ts"] = thread }))["messages"]!
                .AsArray().FirstOrDefault(m => matches(m!)), m => m is not null, TimeSpan.FromSeconds(5), "the message in the DM") ?? throw new InvalidOperationException();

    [Fact]
    public void The_driver_app_manifest_asks_for_exactly_the_scopes_and_event_the_emulator_gives_the_test_people()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(PadUat.Support.RepoRoot.Find(), "slack", "uat-driver-app.manifest.json")))!;
        Assert.Equal(PadSandbox.Slack.SlackApps.PersonScopes.Order(), manifest["oauth_config"]!["scopes"]!["user"]!.AsArray().Select(s => s!.GetValue<string>()).Order());
        Assert.Equal(["message.groups", "message.im"], manifest["settings"]!["event_subscriptions"]!["user_events"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.True(manifest["settings"]!["socket_mode_enabled"]!.GetValue<bool>());
    }
}
