using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using PadSandbox.Slack;
using Xunit;

namespace PadSandbox.Tests;

/// <summary>
/// The bot is a Socket Mode app, as the real one is: it hears a person's DM over its WebSocket and answers it once, and
/// it is still there after Slack asks for a refresh (a new connection before the old one goes).
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class BotSocketModeTests(SandboxFixture f)
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task The_bot_hears_a_dm_over_socket_mode_and_answers_it_once()
    {
        var channel = await SayAsync("logan.penrose@paduat.example", "hi");
        await UntilAnsweredAsync(channel, 1);
        await Task.Delay(300); // a second, duplicate answer would have arrived by now
        Assert.Single(f.Sandbox.Host.Workspace.Messages(channel), m => m.BotId is not null);
    }

    [Fact]
    public async Task The_bot_answers_across_a_socket_mode_refresh()
    {
        (await Http.PostAsync(new Uri(f.Sandbox.Host.BaseUrl, "_emulator/socket-mode/refresh?graceSeconds=0.3"), null)).Dispose();
        await Task.Delay(500); // every connection that was open is closed now
        var channel = await SayAsync("quinn.harrow@paduat.example", "hi");
        await UntilAnsweredAsync(channel, 1);
    }

    private async Task<string> SayAsync(string email, string text)
    {
        var user = f.Sandbox.Host.Workspace.ByEmail(email)!;
        var channel = f.Sandbox.Host.Workspace.OpenDirectMessage(user.Id, f.Sandbox.Host.Workspace.Bot.Id);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(f.Sandbox.Host.SlackApiUrl, "chat.postMessage"))
        {
            Content = new FormUrlEncodedContent([new("channel", channel), new("text", text)]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", f.Sandbox.Host.Workspace.ClientToken(user.Id));
        using var response = await Http.SendAsync(request);
        Assert.True(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["ok"]!.GetValue<bool>());
        return channel;
    }

    private async Task UntilAnsweredAsync(string channel, int answers)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline && f.Sandbox.Host.Workspace.Messages(channel).Count(m => m.BotId is not null) < answers) await Task.Delay(50);
        Assert.Equal(answers, f.Sandbox.Host.Workspace.Messages(channel).Count(m => m.BotId is not null));
    }
}
