using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using SocketModeWire;

namespace PadUat.Drivers.Slack;

/// <summary>
/// The UAT driver app's Socket Mode connection: apps.connections.open with the app-level token, a WebSocket on
/// which Slack says "hello" and then pushes the user event message.im for every DM of the people who installed
/// the app — the bot's messages, edits and deletions included. Each envelope is acknowledged at once; events are
/// taken once (Slack resends an envelope it thinks was lost); on "disconnect" a new connection is opened before
/// the old one closes, so nothing is missed. Costs no Web API calls while waiting for the bot.
/// </summary>
public sealed class SocketModeFeed : IDirectMessageFeed
{
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(10);
    private readonly SlackWebClient _app;
    private readonly ConcurrentDictionary<string, DirectMessages> _channels = new();
    private readonly ConcurrentDictionary<string, byte> _seenEvents = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _readers = [];
    private ClientWebSocket? _socket;
    // Why the connection is gone for good (Slack unreachable on reconnecting): every read says so, as a broken run.
    private string? _lost;

    private SocketModeFeed(SlackWebClient app) => _app = app;

    public string Description => "Socket Mode (events pushed, acknowledged)";

    /// <summary>Connected once Slack has said hello; a clear error within a bounded time otherwise.</summary>
    public static async Task<SocketModeFeed> ConnectAsync(SlackWebClient appClient, CancellationToken ct = default)
    {
        var feed = new SocketModeFeed(appClient);
        await feed.OpenConnectionAsync(ct);
        return feed;
    }

    public Task<string> NewestTsAsync(SlackWebClient reader, string channel, CancellationToken ct = default) =>
        Task.FromResult(Connected().Log(channel).NewestTs());

    public Task<IReadOnlyList<SlackMessage>> ReadAsync(SlackWebClient reader, string channel, string since, CancellationToken ct = default) =>
        Task.FromResult(Connected().Log(channel).Since(since));

    public Task WaitForNewsAsync(string channel, TimeSpan max, CancellationToken ct = default) =>
        _lost is not null ? Task.CompletedTask : Log(channel).WaitForChangeAsync(max < LostCheck ? max : LostCheck, ct);

    private static readonly TimeSpan LostCheck = TimeSpan.FromSeconds(1);

    private SocketModeFeed Connected() => _lost is null ? this
        : throw new InvalidOperationException($"Lost the connection to Slack (Socket Mode): {_lost}");

    private DirectMessages Log(string channel) => _channels.GetOrAdd(channel, _ => new DirectMessages());

    private async Task OpenConnectionAsync(CancellationToken ct)
    {
        var url = (await _app.CallAsync("apps.connections.open", ct: ct))["url"]!.GetValue<string>();
        var socket = new ClientWebSocket();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(HelloTimeout);
        try
        {
            await socket.ConnectAsync(new Uri(url), timeout.Token);
            var hello = await SocketModeFrames.ReceiveAsync(socket, timeout.Token);
            if (hello?["type"]?.GetValue<string>() != "hello")
                throw new SlackApiError("apps.connections.open", $"Socket Mode did not say hello (said: {hello?.ToJsonString() ?? "nothing"})");
            // Slack sends each envelope to one of an app's connections. Another run's connection already open (its hello
            // counts it) would share this run's events with it, each seeing half: this run lets go before acknowledging
            // anything — what reached it is resent to the other — and reads by polling instead.
            if (_socket is null && hello!["num_connections"]?.GetValue<int>() is > 1 and var open)
            {
                await CloseAsync(socket);
                throw new DriverAppInUse(open - 1);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            socket.Dispose();
            throw new SlackApiError("apps.connections.open", $"the Socket Mode WebSocket {new Uri(url).GetLeftPart(UriPartial.Path)} did not connect within {HelloTimeout.TotalSeconds:0} s: {e.Message}");
        }
        var previous = Interlocked.Exchange(ref _socket, socket);
        lock (_readers) _readers.Add(Task.Run(() => ReadLoopAsync(socket)));
        if (previous is not null) await CloseAsync(previous);
    }

    private async Task ReadLoopAsync(ClientWebSocket socket)
    {
        while (!_stop.IsCancellationRequested && socket.State == WebSocketState.Open)
        {
            JsonObject? message;
            try { message = await SocketModeFrames.ReceiveAsync(socket, _stop.Token); }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException) { break; }
            if (message is null) break;
            switch (message["type"]?.GetValue<string>())
            {
                case "disconnect" when WhyNoReconnect(message["reason"]?.GetValue<string>()) is { } why:
                    _lost = why;
                    return;
                case "disconnect":
                    // Slack asks for a refresh (or warns of one): the new connection is up before this one is let go; a
                    // warned connection still delivers until Slack closes it.
                    try { await OpenConnectionAsync(_stop.Token); }
                    catch (Exception e) when (e is SlackApiError or HttpRequestException) { _lost = e.Message; }
                    catch (OperationCanceledException) { }
                    if (message["reason"]?.GetValue<string>() == "warning") break;
                    return;
                case "events_api":
                    if (message["envelope_id"]?.GetValue<string>() is { } envelopeId)
                        await SocketModeFrames.SendAsync(socket, new JsonObject { ["envelope_id"] = envelopeId });
                    if (message["payload"] is JsonObject payload && payload["event_id"]?.GetValue<string>() is { } eventId && _seenEvents.TryAdd(eventId, 0))
                        Apply(payload["event"] as JsonObject);
                    break;
            }
        }
        // Closed without a disconnect notice (a network drop): reconnect unless the run is over; if Slack cannot be
        // reached, the run is told rather than left waiting for messages that cannot come.
        if (!_stop.IsCancellationRequested && ReferenceEquals(_socket, socket))
            try { await OpenConnectionAsync(_stop.Token); }
            catch (Exception e) when (e is SlackApiError or HttpRequestException) { _lost = e.Message; }
            catch (OperationCanceledException) { }
    }

    /// <summary>
    /// The disconnect reasons after which a new connection cannot help (docs.slack.dev, Socket Mode: "disconnect" events),
    /// said once so that the run ends with what to do, not with a wait for messages that cannot come.
    /// </summary>
    public static string? WhyNoReconnect(string? reason) => reason switch
    {
        "link_disabled" => "Slack turned Socket Mode off for the UAT driver app (disconnect: link_disabled): turn it on again in the app's " +
                           "settings, or unset SLACK_APP_TOKEN to poll instead (docs/deployed-targets.md)",
        "too_many_websockets" => "Slack refused another Socket Mode connection for the UAT driver app (disconnect: too_many_websockets, " +
                                 "at most 10 at once): another run or tool holds its connections",
        _ => null,
    };

    private void Apply(JsonObject? e)
    {
        if (e?["type"]?.GetValue<string>() != "message" || e["channel"]?.GetValue<string>() is not { } channel) return;
        var log = Log(channel);
        switch (e["subtype"]?.GetValue<string>())
        {
            case null or "bot_message": log.Add(SlackMessage.From(e)); break;
            case "message_changed" when e["message"] is { } changed: log.Replace(SlackMessage.From(changed)); break;
            case "message_deleted" when e["deleted_ts"]?.GetValue<string>() is { } ts: log.Remove(ts); break;
        }
    }

    private static async Task CloseAsync(ClientWebSocket socket)
    {
        try
        {
            using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            if (socket.State == WebSocketState.Open) await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", bounded.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException) { }
        socket.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_socket is { } socket) await CloseAsync(socket);
        Task[] readers;
        lock (_readers) readers = [.. _readers];
        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(3)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    /// <summary>One DM as the events have told it, and a signal for whoever waits on it.</summary>
    private sealed class DirectMessages
    {
        private readonly object _gate = new();
        private readonly List<SlackMessage> _messages = [];
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _unread;

        public void Add(SlackMessage m) => Change(() => { if (_messages.All(x => x.Ts != m.Ts)) _messages.Add(m); });
        public void Replace(SlackMessage m) => Change(() => { var i = _messages.FindIndex(x => x.Ts == m.Ts); if (i >= 0) _messages[i] = m; });
        public void Remove(string ts) => Change(() => _messages.RemoveAll(x => x.Ts == ts));

        public string NewestTs()
        {
            lock (_gate) return _messages.Select(m => m.Ts).Order(StringComparer.Ordinal).LastOrDefault() ?? "0";
        }

        public IReadOnlyList<SlackMessage> Since(string since)
        {
            lock (_gate)
            {
                _unread = false;
                return _messages.Where(m => string.CompareOrdinal(m.Ts, since) > 0).OrderBy(m => m.Ts, StringComparer.Ordinal).ToList();
            }
        }

        public async Task WaitForChangeAsync(TimeSpan max, CancellationToken ct)
        {
            Task changed;
            lock (_gate)
            {
                if (_unread) return;
                changed = _changed.Task;
            }
            await Task.WhenAny(changed, Task.Delay(max, ct));
        }

        private void Change(Action change)
        {
            TaskCompletionSource done;
            lock (_gate)
            {
                change();
                _unread = true;
                done = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            done.TrySetResult();
        }
    }
}

/// <summary>The UAT driver app already has a Socket Mode connection open: another run's, which would share this run's events.</summary>
public sealed class DriverAppInUse(int others) : Exception($"{others} other Socket Mode connection(s) of the UAT driver app open (another run)");
