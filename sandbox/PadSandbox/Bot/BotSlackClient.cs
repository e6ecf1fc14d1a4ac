using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PadSandbox.Bot;

/// <summary>
/// The bot's side of Slack: Web API calls with its bot token, form-encoded as every method reads them, waiting
/// Retry-After on a 429; user ids looked up once per e-mail (users.lookupByEmail is Tier 3); answers to a click
/// posted to the click's response_url.
/// </summary>
public sealed class BotSlackClient(HttpClient http, Uri apiBase, string botToken)
{
    private const int MaxRateLimitRetries = 3;
    private readonly ConcurrentDictionary<string, string> _userIdByEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _emailByUserId = new();

    public async Task<string> PostAsync(string channel, string text, JsonArray? blocks = null, string? threadTs = null)
    {
        var response = await CallAsync("chat.postMessage", ("channel", channel), ("text", text), ("blocks", blocks?.ToJsonString()), ("thread_ts", threadTs));
        return response["ts"]!.GetValue<string>();
    }

    public async Task<string> EmailOfAsync(string userId)
    {
        if (_emailByUserId.TryGetValue(userId, out var known)) return known;
        var response = await CallAsync("users.info", ("user", userId));
        return _emailByUserId[userId] = response["user"]!["profile"]!["email"]!.GetValue<string>();
    }

    public async Task<string> UserIdOfAsync(string email)
    {
        if (_userIdByEmail.TryGetValue(email, out var known)) return known;
        var response = await CallAsync("users.lookupByEmail", ("email", email));
        return _userIdByEmail[email] = response["user"]!["id"]!.GetValue<string>();
    }

    /// <summary>Answers a click through its response_url: by default replacing the message that was clicked.</summary>
    public async Task RespondAsync(string responseUrl, string text, JsonArray? blocks = null, bool replaceOriginal = true)
    {
        using var response = await http.PostAsJsonAsync(responseUrl, new JsonObject
        {
            ["text"] = text, ["blocks"] = blocks, ["replace_original"] = replaceOriginal, ["response_type"] = replaceOriginal ? null : "ephemeral",
        });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Slack response_url answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<JsonObject> CallAsync(string method, params (string Name, string? Value)[] args)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(apiBase, method))
            {
                Content = new FormUrlEncodedContent(args.Where(a => a.Value is not null).Select(a => KeyValuePair.Create(a.Name, a.Value!))),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", botToken);
            using var response = await http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxRateLimitRetries)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject
                       ?? throw new InvalidOperationException($"Slack {method}: not JSON");
            if (json["ok"]?.GetValue<bool>() != true)
                throw new InvalidOperationException($"Slack {method} failed: {json["error"]}");
            return json;
        }
    }
}
