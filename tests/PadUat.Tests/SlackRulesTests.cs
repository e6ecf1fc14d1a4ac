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
    public async Task The_bots_messages_arrive_over_socket_mode_even_across_a_refresh_and_its_answer_to_a_click_reaches_the_clicker()
    {
        var host = f.Sandbox.Host;
        var budget = new SlackRateBudget(TimeProvider.System);
        await using var feed = await SocketModeFeed.ConnectAsync(new SlackWebClient(Http, host.SlackApiUrl, host.Workspace.AppToken, budget));
        await using var answers = ClickAnswers.Start("127.0.0.1:0", null, botIsLocal: true);
        var client = new SlackWebClient(Http, host.SlackApiUrl, f.Token("charlie.moss@paduat.example"), budget);
        var auth = await client.CallAsync("auth.test");
        var channel = (await client.CallAsync("conversations.open", new JsonObject { ["users"] = host.Workspace.Bot.Id }))["channel"]!["id"]!.GetValue<string>();
        var identity = new SlackIdentity(auth["user_id"]!.GetValue<string>(), auth["user"]!.GetValue<string>(), auth["team_id"]!.GetValue<string>(), "paduat");
        var person = await SlackPerson.BeginAsync(new SlackAccount(JournalFixture.People.Employee, identity, client, channel), feed, host.Workspace.Bot.Id);

        await person.SayAsync("cancel");
        var phrases = new BotPhrases(SandboxFixture.Contract);
        await person.ExpectFromBotAsync(m => phrases.Cancelled.IsMatch(m.Text), "a cancellation", TimeSpan.FromSeconds(5));
        using (await Http.PostAsync(new Uri(host.BaseUrl, "_emulator/socket-mode/refresh?graceSeconds=0.5"), null)) { }
        foreach (var (say, reply) in new[] { ("hi", phrases.Asks("security")), ("AAPL", phrases.Asks("direction")), ("buy", phrases.Asks("quantity")),
                     ("1", phrases.Asks("value")), ("180 USD", phrases.Asks("declaration")) })
        {
            await person.SayAsync(say);
            await person.ExpectFromBotAsync(m => reply.IsMatch(m.Text), $"an answer to {say}", TimeSpan.FromSeconds(5));
        }
        await person.SayAsync("yes");
        var summary = await person.ExpectFromBotAsync(m => m.Button(SandboxFixture.Contract.Button("cancelRequest")) is not null, "a summary", TimeSpan.FromSeconds(5));
        Assert.Equal(0, budget.Usage().Where(u => u.Method.StartsWith("conversations.history", StringComparison.Ordinal)).Sum(u => u.Calls));

        var clicks = new ButtonClick(Http, host.InteractivityUrl, new SlackRequestSigner(host.SigningSecret), PadSandbox.Slack.SlackApps.BotAppId, answers);
        var sent = await clicks.SendAsync(person.Identity, channel, summary, SandboxFixture.Contract.Button("cancelRequest"));
        Assert.Equal(HttpStatusCode.OK, sent.Status); // the bot, strict as Bolt, took the content type and the payload
        var answer = await answers.ExpectAsync(sent.ResponseId, a => phrases.Cancelled.IsMatch(a.Text), "the summary cancelled", TimeSpan.FromSeconds(5));
        Assert.True(answer.ReplacesOriginal);
    }

    [Fact]
    public async Task A_response_url_takes_five_answers_then_says_used_url()
    {
        await using var answers = ClickAnswers.Start("127.0.0.1:0", null, botIsLocal: true);
        var (id, url) = answers.Issue();
        for (var i = 0; i < 5; i++)
            using (var ok = await Http.PostAsync(url, new StringContent($$"""{"text":"answer {{i}}","response_type":"ephemeral"}""", Encoding.UTF8, "application/json")))
                Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var sixth = await Http.PostAsync(url, new StringContent("""{"text":"one more"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, sixth.StatusCode);
        Assert.True((await answers.ExpectAsync(id, a => a.Text == "answer 4", "the fifth answer", TimeSpan.FromSeconds(1))).Ephemeral);
    }

    [Fact]
    public async Task Without_a_public_url_a_deployed_bots_answers_are_named_as_not_checkable()
    {
        await using var answers = ClickAnswers.Start("127.0.0.1:0", null, botIsLocal: false);
        var (id, _) = answers.Issue();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => answers.ExpectAsync(id, _ => true, "the decision on the clicked message", TimeSpan.FromSeconds(1)));
        Assert.Equal("Cannot check the decision on the clicked message: SLACK_RESPONSE_URL_BASE is not set, so the bot's answers to clicks (its response_url posts) cannot reach this run", error.Message);
    }

    [Fact]
    public void The_driver_app_manifest_asks_for_exactly_the_scopes_and_event_the_emulator_gives_the_test_people()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(PadUat.Support.RepoRoot.Find(), "slack", "uat-driver-app.manifest.json")))!;
        Assert.Equal(PadSandbox.Slack.SlackApps.PersonScopes.Order(), manifest["oauth_config"]!["scopes"]!["user"]!.AsArray().Select(s => s!.GetValue<string>()).Order());
        Assert.Equal(["message.im"], manifest["settings"]!["event_subscriptions"]!["user_events"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.True(manifest["settings"]!["socket_mode_enabled"]!.GetValue<bool>());
    }
}
