using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace PadSandbox.Bot;

/// <summary>The bot's side of the Slack Web API: it talks to Slack (here, the emulator) over HTTP with its bot token.</summary>
public sealed class BotSlackClient(HttpClient http, Uri apiBase, string botToken)
{
    public async Task<string> PostAsync(string channel, string text, JsonArray? blocks = null)
    {
        var response = await CallAsync("chat.postMessage", new JsonObject { ["channel"] = channel, ["text"] = text, ["blocks"] = blocks });
        return response["ts"]!.GetValue<string>();
    }

    public Task UpdateAsync(string channel, string ts, string text, JsonArray? blocks) =>
        CallAsync("chat.update", new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = text, ["blocks"] = blocks ?? [] });

    public async Task<string> EmailOfAsync(string userId)
    {
        var response = await CallAsync("users.info", new JsonObject { ["user"] = userId });
        return response["user"]!["profile"]!["email"]!.GetValue<string>();
    }

    public async Task<string> UserIdOfAsync(string email)
    {
        var response = await CallAsync("users.lookupByEmail", new JsonObject { ["email"] = email });
        return response["user"]!["id"]!.GetValue<string>();
    }

    private async Task<JsonObject> CallAsync(string method, JsonObject args)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(apiBase, method))
        {
            Content = new StringContent(args.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", botToken);
        using var response = await http.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject
                   ?? throw new InvalidOperationException($"Slack {method}: not JSON");
        if (json["ok"]?.GetValue<bool>() != true)
            throw new InvalidOperationException($"Slack {method} failed: {json["error"]}");
        return json;
    }
}
