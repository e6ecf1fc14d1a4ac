using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace PadSandbox.Slack;

/// <summary>
/// Slack's Events API, as seen by the app: each DM to the bot is POSTed as a signed event_callback to the
/// app's request URL, in order, and redelivered (X-Slack-Retry-Num) when the app does not answer 2xx in 3 s.
/// </summary>
public sealed class EventDelivery(SlackSignature signature, TimeProvider clock, ILogger<EventDelivery> log) : IAsyncDisposable
{
    private const int MaxRetries = 3;
    private readonly Channel<SlackMessage> _queue = Channel.CreateUnbounded<SlackMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(3) };
    private Task? _pump;

    public void Start(Uri requestUrl) => _pump = Task.Run(() => PumpAsync(requestUrl));

    public void Deliver(SlackMessage message) => _queue.Writer.TryWrite(message);

    private async Task PumpAsync(Uri requestUrl)
    {
        await foreach (var message in _queue.Reader.ReadAllAsync())
        {
            var body = Envelope(message).ToJsonString();
            for (var attempt = 0; attempt <= MaxRetries; attempt++)
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, requestUrl)
                    {
                        Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
                    };
                    var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                    request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
                    request.Headers.Add("X-Slack-Signature", signature.Sign(timestamp, body));
                    if (attempt > 0)
                    {
                        request.Headers.Add("X-Slack-Retry-Num", attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
                    }
                    using var response = await _http.SendAsync(request);
                    if (response.IsSuccessStatusCode) break;
                    log.LogWarning("Event delivery answered {Status}", (int)response.StatusCode);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    log.LogWarning("Event delivery failed: {Message}", e.Message);
                }
            }
        }
    }

    private JsonObject Envelope(SlackMessage message) => new()
    {
        ["token"] = "sandbox-verification-token",
        ["team_id"] = Workspace.TeamId,
        ["api_app_id"] = Workspace.AppId,
        ["type"] = "event_callback",
        ["event_id"] = "Ev" + message.Ts.Replace(".", "", StringComparison.Ordinal),
        ["event_time"] = clock.GetUtcNow().ToUnixTimeSeconds(),
        ["event"] = new JsonObject
        {
            ["type"] = "message", ["channel_type"] = "im", ["channel"] = message.Channel, ["user"] = message.User,
            ["text"] = message.Text, ["ts"] = message.Ts, ["event_ts"] = message.Ts, ["team"] = Workspace.TeamId,
        },
    };

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_pump is not null) await _pump.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _http.Dispose();
    }
}
