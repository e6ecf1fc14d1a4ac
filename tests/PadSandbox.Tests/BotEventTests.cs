using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PadSandbox.Slack;
using Xunit;

namespace PadSandbox.Tests;

/// <summary>The bot's Events API endpoint: a redelivered event (X-Slack-Retry-Num) is handled once.</summary>
[Collection(SandboxCollection.Name)]
public sealed class BotEventTests(SandboxFixture f)
{
    private static readonly HttpClient Http = new();

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
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(f.Sandbox.Host.BaseUrl, "slack/events"))
            {
                Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            request.Headers.Add("X-Slack-Request-Timestamp", now);
            request.Headers.Add("X-Slack-Signature", new SlackSignature(f.Sandbox.Host.SigningSecret, TimeProvider.System).Sign(now, body));
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
