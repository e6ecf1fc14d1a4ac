using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Xunit;

namespace PadSandbox.Tests;

/// <summary>The emulator answers as Slack's Web API does: the envelope, its error codes, DMs and pagination.</summary>
[Collection(SandboxCollection.Name)]
public sealed class SlackEmulatorTests(SandboxFixture f)
{
    private static readonly HttpClient Http = new();

    private async Task<(HttpStatusCode Status, JsonObject Body)> CallAsync(string method, string? token, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(f.Sandbox.Host.SlackApiUrl, method + query));
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private string Token(string email) => f.Sandbox.Host.Workspace.ByEmail(email)!.Token;

    [Theory]
    [InlineData(null, "not_authed")]
    [InlineData("xoxp-sandbox-not-a-token", "invalid_auth")]
    public async Task Calls_without_a_valid_token_get_slacks_error_envelope(string? token, string error)
    {
        var (status, body) = await CallAsync("auth.test", token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JsonNode.Parse($$"""{"ok":false,"error":"{{error}}"}""")!.ToJsonString(), body.ToJsonString());
    }

    [Fact]
    public async Task Auth_test_names_the_user_and_team()
    {
        var (_, body) = await CallAsync("auth.test", Token("alex.morgan@paduat.example"));
        Assert.True(body["ok"]!.GetValue<bool>());
        Assert.Matches("^[UW][A-Z0-9]{2,}$", body["user_id"]!.GetValue<string>());
        Assert.Equal("TPADUAT01", body["team_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Looking_up_an_unknown_email_is_users_not_found() =>
        Assert.Equal("users_not_found", (await CallAsync("users.lookupByEmail", f.Sandbox.Host.Workspace.Bot.Token, "?email=nobody@paduat.example")).Body["error"]!.GetValue<string>());

    [Fact]
    public async Task Another_persons_dm_is_channel_not_found()
    {
        var (_, open) = await CallAsync("conversations.open", Token("alex.morgan@paduat.example"), "?users=UPADBOT01");
        var channel = open["channel"]!["id"]!.GetValue<string>();
        Assert.Matches("^[CGD][A-Z0-9]{8,}$", channel);
        Assert.Equal("channel_not_found", (await CallAsync("conversations.history", Token("riley.fenwick@paduat.example"), $"?channel={channel}")).Body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task History_pages_with_a_cursor_newest_first()
    {
        var token = Token("casey.lindqvist@paduat.example");
        var channel = (await CallAsync("conversations.open", token, "?users=UPAD01009")).Body["channel"]!["id"]!.GetValue<string>();
        for (var i = 0; i < 5; i++) await CallAsync("chat.postMessage", token, $"?channel={channel}&text=m{i}");
        var (_, first) = await CallAsync("conversations.history", token, $"?channel={channel}&limit=3");
        var cursor = first["response_metadata"]!["next_cursor"]!.GetValue<string>();
        var (_, second) = await CallAsync("conversations.history", token, $"?channel={channel}&limit=3&cursor={Uri.EscapeDataString(cursor)}");
        var texts = first["messages"]!.AsArray().Concat(second["messages"]!.AsArray()).Select(m => m!["text"]!.GetValue<string>());
        Assert.Equal(["m4", "m3", "m2", "m1", "m0"], texts);
        Assert.Matches(@"^\d{10}\.\d{6}$", first["messages"]![0]!["ts"]!.GetValue<string>());
        Assert.Equal("", second["response_metadata"]!["next_cursor"]!.GetValue<string>());
    }

    [Fact]
    public async Task Replies_return_the_thread_in_order_and_history_shows_only_its_parent()
    {
        var token = Token("hayden.corr@paduat.example");
        var channel = (await CallAsync("conversations.open", token, "?users=UPAD01022")).Body["channel"]!["id"]!.GetValue<string>();
        var parent = (await CallAsync("chat.postMessage", token, $"?channel={channel}&text=parent")).Body["ts"]!.GetValue<string>();
        await CallAsync("chat.postMessage", token, $"?channel={channel}&text=first&thread_ts={parent}");
        await CallAsync("chat.postMessage", token, $"?channel={channel}&text=second&thread_ts={parent}");
        var (_, thread) = await CallAsync("conversations.replies", token, $"?channel={channel}&ts={parent}");
        Assert.Equal(["parent", "first", "second"], thread["messages"]!.AsArray().Select(m => m!["text"]!.GetValue<string>()));
        var (_, history) = await CallAsync("conversations.history", token, $"?channel={channel}");
        Assert.Equal(["parent"], history["messages"]!.AsArray().Select(m => m!["text"]!.GetValue<string>()));
        Assert.Equal("thread_not_found", (await CallAsync("conversations.replies", token, $"?channel={channel}&ts=1.000000")).Body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_forced_rate_limit_answers_429_with_retry_after()
    {
        using (await Http.PostAsync(new Uri(f.Sandbox.Host.BaseUrl, "_emulator/rate-limit?method=users.info&times=1&retryAfter=2"), null)) { }
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(f.Sandbox.Host.SlackApiUrl, "users.info?user=UPAD01010"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token("alex.morgan@paduat.example"));
        using var response = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
    }
}
