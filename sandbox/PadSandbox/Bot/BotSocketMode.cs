using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using SocketModeWire;

namespace PadSandbox.Bot;

/// <summary>
/// The bot's link to Slack, as the real one has it: Bolt in Socket Mode (tech-stack.md:15; no request URL, clicks reach
/// the bot over its WebSocket: T/advanced_slack_integration_20251223/spec.md:34). apps.connections.open with the app-level
/// token, a WebSocket, "hello"; every envelope acknowledged at once (Slack resends what is not acknowledged within 3 s),
/// then handled in the background: events_api (a person's DM) and interactive (a click's block_actions). An envelope
/// sent again is handled once. On "disconnect" a new connection is opened before the old one goes, as Bolt's
/// SocketModeClient does.
/// </summary>
public sealed class BotSocketMode(PadBot bot, Uri apiBase, string appToken, FaultSet faults, ILogger<BotSocketMode> log) : IAsyncDisposable
{
    /// <summary>How long the click-acked-late fault's work before ack() takes: past Slack's 3 s.</summary>
    private static readonly TimeSpan LateAck = TimeSpan.FromSeconds(4);

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly ConcurrentDictionary<string, byte> _handled = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _readers = [];

    public async Task ConnectAsync(CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(apiBase, "apps.connections.open"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", appToken);
        using var response = await Http.SendAsync(request, ct);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct));
        var url = answer?["url"]?.GetValue<string>() ?? throw new InvalidOperationException($"apps.connections.open: {answer?["error"]}");
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(url), ct);
        if ((await SocketModeFrames.ReceiveAsync(socket, ct))?["type"]?.GetValue<string>() != "hello")
            throw new InvalidOperationException("Socket Mode did not say hello");
        lock (_readers) _readers.Add(Task.Run(() => ReadAsync(socket)));
    }

    /// <summary>The next frame, or null once the link is closed or the bot is stopping.</summary>
    private async Task<JsonObject?> NextFrameAsync(ClientWebSocket socket)
    {
        try { return await SocketModeFrames.ReceiveAsync(socket, _stop.Token); }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException) { return null; }
    }

    private async Task ReadAsync(ClientWebSocket socket)
    {
        using var _ = socket;
        while (!_stop.IsCancellationRequested && socket.State == WebSocketState.Open)
        {
            // Assigned, then tested: a mutant of the test must not leave the frame unassigned (Stryker drops the method's mutants then).
            var message = await NextFrameAsync(socket);
            if (message is null) break;
            var envelopeId = message["envelope_id"]?.GetValue<string>();
            var type = message["type"]?.GetValue<string>();
            var ackedLate = type == "interactive" && faults.Has("click-acked-late");
            if (envelopeId is not null && !ackedLate) await SocketModeFrames.SendAsync(socket, new JsonObject { ["envelope_id"] = envelopeId });
            switch (type)
            {
                case "disconnect" when message["reason"]?.GetValue<string>() is "link_disabled" or "too_many_websockets":
                    log.LogWarning("Slack closed the bot's Socket Mode link: {Reason}", message["reason"]);
                    return;
                case "disconnect":
                    if (message["reason"]?.GetValue<string>() == "warning") break; // still delivers until Slack asks for the refresh
                    await ReconnectAsync();
                    return;
                case "events_api":
                    if (FirstTime(message["payload"]?["event_id"])) OnEvent(message["payload"]!["event"] as JsonObject);
                    break;
                case "interactive":
                    if (FirstTime(message["envelope_id"])) OnClick(message["payload"] as JsonObject);
                    if (!ackedLate) break;
                    // The bug of a Bolt handler that does its work before ack(): the click is handled, but Slack has given up.
                    await Task.Delay(LateAck, _stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    await SocketModeFrames.SendAsync(socket, new JsonObject { ["envelope_id"] = envelopeId });
                    break;
            }
        }
        // Closed without notice (a dropped network): reconnect unless stopping.
        if (!_stop.IsCancellationRequested) await ReconnectAsync();
    }

    /// <summary>Whether this event (by its event_id) or click (by its envelope) is new: Slack sends again what it thinks was lost.</summary>
    private bool FirstTime(JsonNode? id) => id?.GetValue<string>() is { } key && _handled.TryAdd(key, 0);

    private async Task ReconnectAsync()
    {
        try { await ConnectAsync(_stop.Token); }
        catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "The bot could not reconnect to Slack"); }
        catch (OperationCanceledException) { }
    }

    /// <summary>A person's message in a DM with the bot: its own messages, edits and deletions are not for it to answer.</summary>
    private void OnEvent(JsonObject? e)
    {
        if (e?["type"]?.GetValue<string>() != "message" || e["bot_id"] is not null || e["subtype"] is not null) return;
        Background(() => bot.OnMessageAsync(e["user"]!.GetValue<string>(), e["channel"]!.GetValue<string>(), e["ts"]!.GetValue<string>(),
            e["thread_ts"]?.GetValue<string>(), e["text"]!.GetValue<string>()));
    }

    /// <summary>A click on one of the bot's buttons, answered through its response_url as Bolt apps do with respond().</summary>
    private void OnClick(JsonObject? payload)
    {
        if (payload?["type"]?.GetValue<string>() != "block_actions" || payload["response_url"]?.GetValue<string>() is not { Length: > 0 } responseUrl) return;
        var action = payload["actions"]![0]!;
        Background(() => bot.OnActionAsync(payload["user"]!["id"]!.GetValue<string>(), payload["channel"]!["id"]!.GetValue<string>(),
            payload["container"]!["message_ts"]!.GetValue<string>(), payload["container"]!["thread_ts"]?.GetValue<string>(), action["action_id"]!.GetValue<string>(),
            action["value"]?.GetValue<string>(), responseUrl, Typed(payload)));
    }

    /// <summary>What the person typed in the message's comments input (state.values), or null.</summary>
    private static string? Typed(JsonObject payload) =>
        (payload["state"]?["values"] as JsonObject ?? []).Select(b => b.Value?[Messages.DecisionComment]?["value"]?.GetValue<string>())
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    private void Background(Func<Task> work) => _ = Task.Run(async () =>
    {
        try { await work(); }
        catch (Exception e) { log.LogError(e, "The bot failed to handle a Slack envelope"); }
    });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Task[] readers;
        lock (_readers) readers = [.. _readers];
        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
