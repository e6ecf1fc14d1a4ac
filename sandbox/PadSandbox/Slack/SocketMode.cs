using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace PadSandbox.Slack;

/// <summary>
/// Slack's Socket Mode, for each app that uses it (the UAT driver app; the PA-dealing bot, as the real one is a Socket
/// Mode Bolt app: tech-stack.md:15): apps.connections.open (the app's app-level token) hands out a single-use WebSocket
/// URL; on connecting Slack sends "hello", then each event as an events_api envelope, each click as an interactive one,
/// that the app must acknowledge with {"envelope_id"} within 3 s, or it is sent again (retry_attempt, retry_reason
/// "timeout"). Envelopes go to one of the app's open connections in turn. A refresh sends "disconnect" first, as Slack
/// does: a "warning" ahead of it, then "refresh_requested". At most ten connections per app ("too_many_websockets"
/// beyond); Socket Mode turned off for an app closes its connections with "link_disabled" and refuses new ones the same way.
/// </summary>
public sealed class SocketMode(TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<SocketMode> log)
{
    public static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(3);
    private const int MaxRetries = 3;
    /// <summary>Slack allows an app ten Socket Mode connections at once.</summary>
    public const int MaxConnections = 10;
    private readonly ConcurrentDictionary<string, byte> _disabled = new();
    private readonly ConcurrentDictionary<string, (string AppId, DateTimeOffset Expires)> _tickets = new();
    private readonly ConcurrentDictionary<string, Connection> _connections = new();
    /// <summary>Each envelope sent and not yet acknowledged, by envelope_id: completed by its acknowledgement.</summary>
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _unacked = new();
    private int _turn;

    /// <summary>A WebSocket URL for <paramref name="appId"/>, valid for one connection within 30 s, as apps.connections.open answers.</summary>
    public string Open(HttpRequest request, string appId) => Open(request.Host.ToString(), appId);

    /// <inheritdoc cref="Open(HttpRequest, string)"/>
    public string Open(string host, string appId = SlackApps.DriverAppId)
    {
        var ticket = Guid.NewGuid().ToString();
        _tickets[ticket] = (appId, clock.GetUtcNow().AddSeconds(30));
        return $"ws://{host}/socket-mode/link/?ticket={ticket}&app_id={appId}";
    }

    public async Task AcceptAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest) { http.Response.StatusCode = 400; return; }
        if (!_tickets.TryRemove(http.Request.Query["ticket"].ToString(), out var ticket) || ticket.Expires < clock.GetUtcNow())
        {
            http.Response.StatusCode = 401; // a used or stale ticket: call apps.connections.open again
            return;
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var connection = new Connection(Guid.NewGuid().ToString(), ticket.AppId, socket);
        if ((_disabled.ContainsKey(ticket.AppId) ? "link_disabled" : Of(ticket.AppId).Length >= MaxConnections ? "too_many_websockets" : null) is { } refused)
        {
            await connection.SendAsync(Disconnect(refused));
            await connection.CloseAsync();
            return;
        }
        _connections[connection.Id] = connection;
        try
        {
            await connection.SendAsync(new JsonObject
            {
                ["type"] = "hello", ["num_connections"] = Of(ticket.AppId).Length,
                ["debug_info"] = new JsonObject { ["host"] = "applink-paduat-sandbox", ["build_number"] = 1, ["approximate_connection_time"] = 18060 },
                ["connection_info"] = new JsonObject { ["app_id"] = ticket.AppId },
            });
            // A stopping server closes its sockets at once, as Slack's going away does: apps then know, rather than wait.
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
            await ReceiveAcksAsync(connection, stopping.Token);
        }
        finally
        {
            _connections.TryRemove(connection.Id, out _);
            await connection.CloseAsync();
        }
    }

    /// <summary>
    /// Sends <paramref name="payload"/> to one of <paramref name="appId"/>'s connections as an envelope of <paramref name="type"/>
    /// (events_api: an Events API callback; interactive: a click's block_actions payload), until acknowledged.
    /// </summary>
    public void Deliver(string appId, JsonObject payload, string type = "events_api") => StartDelivery(appId, payload, type);

    /// <summary>
    /// <see cref="Deliver"/>, answering whether the app acknowledged the envelope within <see cref="AckTimeout"/>: what
    /// Slack's client needs to know of a click, as a person whose click is not acknowledged in time is shown an error
    /// (api.slack.com/interactivity/handling, "Acknowledgment response").
    /// </summary>
    public async Task<bool> DeliverAsync(string appId, JsonObject payload, string type)
    {
        try
        {
            await StartDelivery(appId, payload, type).WaitAsync(AckTimeout, clock);
            return true;
        }
        catch (TimeoutException) { return false; }
    }

    /// <summary>Sends the envelope, and again until acknowledged; the task completes with its acknowledgement.</summary>
    private Task StartDelivery(string appId, JsonObject payload, string type)
    {
        var id = Guid.NewGuid().ToString();
        var acked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _unacked[id] = acked;
        _ = SendAsync(appId, type, id, payload, 0);
        return acked.Task;
    }

    /// <summary>Whether the app has a connection open: Slack can reach it now.</summary>
    public bool IsConnected(string appId) => Of(appId).Length > 0;

    private Connection[] Of(string appId) => _connections.Values.Where(c => c.AppId == appId).ToArray();

    /// <summary>
    /// Not Slack's API but Slack's behaviour: every connection is warned (<paramref name="warned"/> ahead; none when zero),
    /// told to reconnect, then closed after <paramref name="grace"/>.
    /// </summary>
    public async Task RefreshAsync(TimeSpan grace, TimeSpan warned = default)
    {
        var open = _connections.Values.ToList();
        if (warned > TimeSpan.Zero)
        {
            foreach (var c in open) await c.SendAsync(Disconnect("warning"));
            await Task.Delay(warned, clock);
        }
        foreach (var c in open) await c.SendAsync(Disconnect("refresh_requested"));
        await Task.Delay(grace, clock);
        foreach (var c in open) await c.CloseAsync();
    }

    /// <summary>Not Slack's API: Socket Mode turned off in the app's settings. Every connection of the app is told "link_disabled" and closed.</summary>
    public async Task DisableAsync(string appId)
    {
        _disabled[appId] = 0;
        foreach (var c in Of(appId))
        {
            await c.SendAsync(Disconnect("link_disabled"));
            await c.CloseAsync();
        }
    }

    private static JsonObject Disconnect(string reason) => new()
    {
        ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "applink-paduat-sandbox" },
    };

    private async Task SendAsync(string appId, string type, string id, JsonObject payload, int attempt)
    {
        var connections = Of(appId);
        if (connections.Length > 0)
        {
            var connection = connections[(int)((uint)Interlocked.Increment(ref _turn) % connections.Length)];
            await connection.SendAsync(Envelope(type, id, payload, attempt));
        }
        try { await Task.Delay(AckTimeout, clock); } catch (OperationCanceledException) { return; }
        if (!_unacked.ContainsKey(id)) return;
        if (attempt >= MaxRetries)
        {
            _unacked.TryRemove(id, out _);
            log.LogInformation("Socket Mode envelope {Id} dropped: never acknowledged", id);
            return;
        }
        await SendAsync(appId, type, id, payload, attempt + 1);
    }

    private static JsonObject Envelope(string type, string id, JsonObject payload, int attempt) => new()
    {
        ["envelope_id"] = id, ["payload"] = payload.DeepClone(), ["type"] = type, ["accepts_response_payload"] = false,
        ["retry_attempt"] = attempt, ["retry_reason"] = attempt == 0 ? "" : "timeout",
    };

    private async Task ReceiveAcksAsync(Connection connection, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        while (connection.Socket.State == WebSocketState.Open)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            try
            {
                do
                {
                    result = await connection.Socket.ReceiveAsync(buffer, ct);
                    message.Write(buffer, 0, result.Count);
                } while (!result.EndOfMessage);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException) { return; }
            if (result.MessageType == WebSocketMessageType.Close) { await connection.CloseAsync(); return; }
            try
            {
                if (JsonNode.Parse(message.ToArray()) is JsonObject { } ack && ack["envelope_id"]?.GetValue<string>() is { } id)
                {
                    if (_unacked.TryRemove(id, out var acked)) acked.TrySetResult();
                }
            }
            catch (System.Text.Json.JsonException) { log.LogInformation("Socket Mode: a message that is not JSON was ignored"); }
        }
    }

    private sealed class Connection(string id, string appId, WebSocket socket)
    {
        private readonly SemaphoreSlim _send = new(1, 1);
        public string Id { get; } = id;
        public string AppId { get; } = appId;
        public WebSocket Socket { get; } = socket;

        public async Task SendAsync(JsonObject message)
        {
            await _send.WaitAsync();
            try
            {
                if (Socket.State == WebSocketState.Open)
                    await Socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
            }
            catch (WebSocketException) { /* the app went away; the envelope is retried elsewhere */ }
            finally { _send.Release(); }
        }

        public async Task CloseAsync()
        {
            try
            {
                if (Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "refresh", CancellationToken.None);
            }
            catch (WebSocketException) { }
        }
    }
}
