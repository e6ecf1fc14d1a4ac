using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PadUat.Drivers.Slack;

/// <summary>
/// A small Slack Web API client acting with one token: arguments form-encoded (every method reads them so; read
/// methods ignore JSON bodies), Bearer auth, each call waiting its turn in the app's <see cref="SlackRateBudget"/>,
/// Slack's {"ok": …} envelope turned into <see cref="SlackApiError"/>, and a 429 waited out for its Retry-After
/// a bounded number of times. <paramref name="team"/>: the test team whose person holds the token, for the budget's count.
/// </summary>
public sealed class SlackWebClient(HttpClient http, Uri apiBase, string token, SlackRateBudget budget, int maxRateLimitRetries = 3, string? team = null)
{
    public async Task<JsonObject> CallAsync(string method, JsonObject? args = null, CancellationToken ct = default)
    {
        var form = (args ?? []).Where(a => a.Value is not null).Select(a => KeyValuePair.Create(a.Key, Text(a.Value!))).ToList();
        for (var attempt = 0; ; attempt++)
        {
            await budget.TurnAsync(method, args?["channel"]?.ToString(), ct, team);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(apiBase, method)) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                budget.Refused(method, wait);
                if (attempt >= maxRateLimitRetries) throw new SlackApiError(method, "ratelimited");
                await Task.Delay(wait, ct);
                continue;
            }
            var body = await response.Content.ReadAsStringAsync(ct);
            JsonObject json;
            try { json = JsonNode.Parse(body) as JsonObject ?? throw new JsonException("not an object"); }
            catch (JsonException)
            {
                throw new SlackApiError(method, $"HTTP {(int)response.StatusCode} with a body that is not Slack's JSON envelope");
            }
            if (json["ok"]?.GetValue<bool>() != true)
                throw new SlackApiError(method, json["error"]?.GetValue<string>() ?? "unknown_error",
                    json["needed"] is { } needed ? $"needs {needed}, the token has {json["provided"]}" : null);
            return json;
        }
    }

    /// <summary>Form values are text: strings as they are, numbers and booleans as JSON writes them, blocks as a JSON string.</summary>
    private static string Text(JsonNode value) => value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();
}
