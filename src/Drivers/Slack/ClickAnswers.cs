using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using PadUat.Support;

namespace PadUat.Drivers.Slack;

/// <summary>What an app posted to a click's response_url: replace or delete the clicked message, or answer the clicker.</summary>
public sealed record ClickAnswer(string Text, bool ReplacesOriginal, bool DeletesOriginal, bool Ephemeral)
{
    public static ClickAnswer From(JsonObject body) => new(body["text"]?.ToString() ?? "",
        Flag(body, "replace_original"), Flag(body, "delete_original"),
        !Flag(body, "replace_original") && !Flag(body, "delete_original") && body["response_type"]?.ToString() != "in_channel");

    public string Describe() => DeletesOriginal ? "deleted the clicked message"
        : ReplacesOriginal ? $"replaced the clicked message with \"{Text}\"" : $"answered only the clicker: \"{Text}\"";

    private static bool Flag(JsonObject body, string name) => body[name] is JsonValue v &&
        (v.TryGetValue<bool>(out var b) ? b : v.TryGetValue<string>(out var s) && s == "true");
}

/// <summary>
/// The response_url of every click the harness sends, served by the harness itself (Slack's part when the harness
/// stands in for a person's Slack client): a loopback listener, or — against a deployed bot — one reachable at a
/// public base URL (SLACK_RESPONSE_URL_BASE). Like Slack, each URL takes five answers within thirty minutes.
/// </summary>
public sealed class ClickAnswers : IAsyncDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    private const int Uses = 5;
    private static readonly TimeSpan PollCap = TimeSpan.FromMilliseconds(50);
    private readonly HttpListener _listener;
    private readonly Uri _publicBase;
    private readonly ConcurrentDictionary<string, Hook> _hooks = new();
    private readonly Task _serving;

    private sealed class Hook(DateTimeOffset expires)
    {
        public DateTimeOffset Expires { get; } = expires;
        public List<ClickAnswer> Answers { get; } = [];
        public TaskCompletionSource Changed { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Why answers cannot reach this run (a deployed bot and no public URL), or null when they can.</summary>
    public string? Unreachable { get; }

    private ClickAnswers(HttpListener listener, Uri publicBase, string? unreachable)
    {
        _listener = listener; _publicBase = publicBase; Unreachable = unreachable;
        _serving = Task.Run(ServeAsync);
    }

    /// <param name="listen">host:port to listen on (port 0: a free one).</param>
    /// <param name="publicBase">The base URL the bot reaches the listener at; null: the listener's own loopback address.</param>
    public static ClickAnswers Start(string listen, Uri? publicBase, bool botIsLocal)
    {
        var (host, port) = HostAndPort(listen);
        var listener = new HttpListener();
        var bound = port == 0 ? FreePort() : port;
        listener.Prefixes.Add($"http://{host}:{bound}/slack/response/");
        listener.Start();
        var unreachable = publicBase is null && !botIsLocal
            ? "SLACK_RESPONSE_URL_BASE is not set, so the bot's answers to clicks (its response_url posts) cannot reach this run"
            : null;
        return new ClickAnswers(listener, publicBase ?? new Uri($"http://{host}:{bound}/"), unreachable);
    }

    /// <summary>A fresh response_url for one click.</summary>
    public (string Id, string Url) Issue()
    {
        var id = Guid.NewGuid().ToString("N");
        _hooks[id] = new Hook(DateTimeOffset.UtcNow + Lifetime);
        return (id, new Uri(_publicBase, $"slack/response/{id}").ToString());
    }

    /// <summary>Waits (bounded) for the app to answer the click in a way that satisfies <paramref name="matches"/>.</summary>
    public async Task<ClickAnswer> ExpectAsync(string id, Func<ClickAnswer, bool> matches, string expectation, TimeSpan timeout)
    {
        if (Unreachable is not null) throw new InvalidOperationException($"Cannot check {expectation}: {Unreachable}");
        var hook = _hooks[id];
        var answers = await Eventually.UntilAsync(() => Task.FromResult(Snapshot(hook)), a => a.Any(matches), timeout, expectation,
            a => a.Count == 0 ? "no answer to the click" : string.Join(" | ", a.Select(x => x.Describe())),
            // An answer landing between the look and the wait is caught by the short poll; no Slack call is spent either way.
            waitForNews: max => Task.WhenAny(hook.Changed.Task, Task.Delay(max < PollCap ? max : PollCap)));
        return answers.First(matches);
    }

    /// <summary>What the app has answered the click so far.</summary>
    public IReadOnlyList<ClickAnswer> AnswersSoFar(string id) =>
        Unreachable is null ? Snapshot(_hooks[id]) : throw new InvalidOperationException($"Cannot read the answers to a click: {Unreachable}");

    private static List<ClickAnswer> Snapshot(Hook hook)
    {
        lock (hook) return [.. hook.Answers];
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var (status, answer) = await TakeAsync(context.Request);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(answer));
        context.Response.Close();
    }

    private async Task<(int, JsonObject)> TakeAsync(HttpListenerRequest request)
    {
        var id = request.Url!.AbsolutePath.TrimEnd('/').Split('/')[^1];
        if (request.HttpMethod != "POST") return (405, Error("method_not_allowed"));
        if (!_hooks.TryGetValue(id, out var hook) || hook.Expires < DateTimeOffset.UtcNow) return (404, Error("expired_url"));
        JsonObject? body;
        try { body = await JsonNode.ParseAsync(request.InputStream) as JsonObject; }
        catch (JsonException) { body = null; }
        if (body is null) return (400, Error("invalid_payload"));
        TaskCompletionSource changed;
        lock (hook)
        {
            if (hook.Answers.Count >= Uses) return (404, Error("used_url"));
            hook.Answers.Add(ClickAnswer.From(body));
            changed = hook.Changed;
            hook.Changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
        return (200, new JsonObject { ["ok"] = true });
    }

    private static JsonObject Error(string code) => new() { ["ok"] = false, ["error"] = code };

    private static (string Host, int Port) HostAndPort(string listen)
    {
        var colon = listen.LastIndexOf(':');
        return colon > 0 && int.TryParse(listen[(colon + 1)..], out var port) ? (listen[..colon], port) : (listen, 0);
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
