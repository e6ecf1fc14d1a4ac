using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PadUat.Drivers.Slack;

/// <summary>
/// A small Slack Web API client acting as one person (their user token): Bearer auth, JSON bodies, Slack's
/// {"ok": …} envelope turned into <see cref="SlackApiError"/>, and HTTP 429 honoured by waiting Retry-After
/// seconds (a bounded number of times) before trying again.
/// </summary>
public sealed class SlackWebClient(HttpClient http, Uri apiBase, string token, int maxRateLimitRetries = 3)
{
    public async Task<JsonObject> CallAsync(string method, JsonObject? args = null, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(apiBase, method))
            {
                Content = new StringContent((args ?? []).ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                if (attempt >= maxRateLimitRetries) throw new SlackApiError(method, "ratelimited");
                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
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
                throw new SlackApiError(method, json["error"]?.GetValue<string>() ?? "unknown_error");
            return json;
        }
    }
}
