using System.Text.Json.Nodes;
using Xunit;

namespace PadSandbox.Tests;

/// <summary>
/// The bot's Events API endpoint: it answers Slack's URL verification (sent when the app's owner sets the request URL),
/// and a redelivered event (X-Slack-Retry-Num) is handled once.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class BotEventTests(SandboxFixture f)
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task The_bot_answers_slacks_url_verification_with_its_challenge()
    {
        // The handshake as Slack's Events API documents it: the challenge comes back as {"challenge": …}.
        const string body = """{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""";
        using var request = SignedRequests.Post(new Uri(f.Sandbox.Host.BaseUrl, "slack/events"), body, "application/json",
            f.Sandbox.Host.SigningSecret, DateTimeOffset.UtcNow);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", answer["challenge"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_redelivered_event_is_answered_once()
    {
        var user = f.Sandbox.Host.Workspace.ByEmail("logan.penrose@paduat.example")!;
        var channel = f.Sandbox.Host.Workspace.OpenDirectMessage(user.Id, "UPADBOT01");
        var body = new JsonObject
        {
            ["type"] = "event_callback", ["event_id"] = "EvREDELIVERED01", ["team_id"] = "TPADUAT01",
            ["event"] = new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["channel"] = channel, ["user"] = user.Id, ["text"] = "hi", ["ts"] = "1.000001" },
        }.ToJsonString();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var request = SignedRequests.Post(new Uri(f.Sandbox.Host.BaseUrl, "slack/events"), body, "application/json",
                f.Sandbox.Host.SigningSecret, DateTimeOffset.UtcNow);
            if (attempt > 0) request.Headers.Add("X-Slack-Retry-Num", "1");
            using var response = await Http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline && f.Sandbox.Host.Workspace.Messages(channel).Count(m => m.BotId is not null) == 0) await Task.Delay(50);
        await Task.Delay(300); // a second, duplicate answer would have arrived by now
        Assert.Single(f.Sandbox.Host.Workspace.Messages(channel), m => m.BotId is not null);
    }
}
