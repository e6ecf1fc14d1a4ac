using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace PadSandbox.Tests;

/// <summary>A stand-in Slack app on loopback: records what Slack (the emulator) sends it and answers as told.</summary>
internal sealed class AppEndpoint : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public sealed record Received(string Path, string ContentType, IReadOnlyDictionary<string, string> Headers, string Body);

    public ConcurrentQueue<Received> Requests { get; } = new();
    public Uri BaseUrl { get; }

    /// <summary>What to answer the n-th request (0-based): a status and a delay before answering.</summary>
    public Func<int, (HttpStatusCode Status, TimeSpan Delay)> Answer { get; set; } = _ => (HttpStatusCode.OK, TimeSpan.Zero);

    /// <summary>Whether every answer carries X-Slack-No-Retry: 1 (the app asks Slack not to send an event again).</summary>
    public bool NoRetry { get; set; }

    public AppEndpoint()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUrl.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public async Task<Received> NextAsync(Func<Received, bool> matches, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (Requests.FirstOrDefault(matches) is { } found) return found;
            await Task.Delay(20);
        }
        throw new TimeoutException($"nothing matching arrived within {within.TotalSeconds} s; got {Requests.Count} request(s)");
    }

    private async Task ServeAsync()
    {
        var n = 0;
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            var index = n++;
            _ = Task.Run(async () =>
            {
                using var reader = new StreamReader(context.Request.InputStream);
                var body = await reader.ReadToEndAsync();
                Requests.Enqueue(new Received(context.Request.Url!.AbsolutePath, context.Request.ContentType ?? "",
                    context.Request.Headers.AllKeys.ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase), body));
                var (status, delay) = Answer(index);
                await Task.Delay(delay);
                try
                {
                    context.Response.StatusCode = (int)status;
                    if (NoRetry) context.Response.Headers["X-Slack-No-Retry"] = "1";
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { }
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
