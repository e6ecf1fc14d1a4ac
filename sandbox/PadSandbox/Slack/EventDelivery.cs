using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace PadSandbox.Slack;

/// <summary>
/// Delivery to an app's Events API request URL as Slack does it: signed POSTs in order; an answer that is not
/// 2xx within 3 s is retried on Slack's schedule (nearly at once, after a minute, after five minutes) with
/// X-Slack-Retry-Num and an X-Slack-Retry-Reason naming what went wrong — without holding up later events.
/// </summary>
public sealed class EventDelivery(SlackSignature signature, TimeProvider clock, EventRetrySchedule schedule, ILogger<EventDelivery> log) : IAsyncDisposable
{
    private readonly Channel<(JsonObject Envelope, int Attempt)> _queue =
        Channel.CreateUnbounded<(JsonObject, int)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(3) };
    private readonly CancellationTokenSource _stop = new();
    private Uri? _requestUrl;
    private Task? _pump;

    public void Start(Uri requestUrl)
    {
        _requestUrl = requestUrl;
        _pump = Task.Run(PumpAsync);
    }

    public void Deliver(JsonObject envelope) => _queue.Writer.TryWrite((envelope, 0));

    private async Task PumpAsync()
    {
        await foreach (var (envelope, attempt) in _queue.Reader.ReadAllAsync())
            await AttemptAsync(envelope, attempt, null);
    }

    private async Task AttemptAsync(JsonObject envelope, int attempt, string? lastFailure)
    {
        var failure = await SendAsync(envelope.ToJsonString(), attempt, lastFailure);
        if (failure is null) return;
        if (attempt >= schedule.Delays.Count)
        {
            log.LogWarning("Event {EventId} dropped after {Attempts} attempts: {Reason}", envelope["event_id"], attempt + 1, failure);
            return;
        }
        var delay = schedule.Delays[attempt];
        _ = Task.Run(async () =>
        {
            try { await Task.Delay(delay, clock, _stop.Token); }
            catch (OperationCanceledException) { return; }
            await AttemptAsync(envelope, attempt + 1, failure);
        });
    }

    /// <summary>Null when the app answered 2xx; otherwise Slack's retry reason.</summary>
    private async Task<string?> SendAsync(string body, int attempt, string? lastFailure)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _requestUrl)
            {
                Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
            request.Headers.Add("X-Slack-Signature", signature.Sign(timestamp, body));
            if (attempt > 0)
            {
                request.Headers.Add("X-Slack-Retry-Num", attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
                request.Headers.Add("X-Slack-Retry-Reason", lastFailure);
            }
            using var response = await _http.SendAsync(request, _stop.Token);
            // An app that answers X-Slack-No-Retry: 1 asks Slack not to send this event again, whatever its status.
            return response.IsSuccessStatusCode || response.Headers.TryGetValues("X-Slack-No-Retry", out var noRetry) && noRetry.Contains("1")
                ? null : "http_error";
        }
        catch (TaskCanceledException) when (!_stop.IsCancellationRequested) { return "http_timeout"; }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError) { return "connection_failed"; }
        catch (HttpRequestException) { return "unknown_error"; }
        catch (OperationCanceledException) { return null; }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        if (_pump is not null) await _pump.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _http.Dispose();
        _stop.Dispose();
    }
}

/// <summary>When Slack retries a failed delivery: nearly at once, after a minute, after five minutes (tests shorten it).</summary>
public sealed record EventRetrySchedule(IReadOnlyList<TimeSpan> Delays)
{
    public static readonly EventRetrySchedule Slack = new([TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)]);
}
