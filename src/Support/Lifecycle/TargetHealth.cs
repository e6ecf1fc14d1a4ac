using Npgsql;

namespace PadUat.Support.Lifecycle;

/// <summary>The target stopped answering: infrastructure, reported as broken — never as a verdict on the product.</summary>
public sealed class TargetStoppedAnswering(string message, Exception? cause = null) : Exception(message, cause);

/// <summary>
/// Whether the target still answers, asked when a wait ran out or a step broke: a wait that expires while the database,
/// Slack and the dashboard answer is the product not doing what the plan expects (failed); one that expires while any of
/// them is silent says nothing about the product (broken). The first silence trips a breaker for the whole run: every
/// later scenario ends at once, broken, naming what hung — a hung target ends the run in bounded time, not a timeout per step.
/// </summary>
public sealed class TargetHealth(Target target)
{
    /// <summary>How long each part may take to answer a probe.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);
    private static readonly HttpClient Http = new() { Timeout = ProbeTimeout };
    private readonly object _gate = new();

    /// <summary>The run's target health, once a run has started (none in the harness's own unit tests: every wait is then a verdict).</summary>
    public static TargetHealth? Current { get; set; }

    /// <summary>What stopped answering and when, once the breaker has tripped; null while the target answers.</summary>
    public string? Tripped { get; private set; }

    /// <summary>Null when every part answers; otherwise the breaker trips and this says what hung.</summary>
    public async Task<string?> StoppedAnsweringAsync()
    {
        if (Tripped is { } already) return already;
        var silent = (await Task.WhenAll(DatabaseAsync(), HttpAsync("Slack Web API", new Uri(target.Slack.ApiUrl, "api.test")),
            HttpAsync("dashboard", target.DashboardUrl))).OfType<string>().ToList();
        if (silent.Count == 0) return null;
        lock (_gate) Tripped ??= $"the {target.AppEnv} target stopped answering at {DateTime.UtcNow:HH:mm:ss} UTC: {string.Join("; ", silent)}";
        return Tripped;
    }

    private async Task<string?> DatabaseAsync()
    {
        var db = target.Database;
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(db.ConnectionString((int)ProbeTimeout.TotalSeconds)) { Pooling = false, CommandTimeout = (int)ProbeTimeout.TotalSeconds };
            await using var conn = new NpgsqlConnection(builder.ConnectionString);
            using var cts = new CancellationTokenSource(ProbeTimeout + TimeSpan.FromSeconds(1));
            await conn.OpenAsync(cts.Token);
            await using var ping = new NpgsqlCommand("SELECT 1", conn);
            await ping.ExecuteScalarAsync(cts.Token);
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            return $"the database {db.Name} at {db.Host}:{db.Port} did not answer within {ProbeTimeout.TotalSeconds:0} s";
        }
    }

    private static async Task<string?> HttpAsync(string what, Uri url)
    {
        try
        {
            using var _ = await Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return $"the {what} at {url.GetLeftPart(UriPartial.Path)} did not answer within {ProbeTimeout.TotalSeconds:0} s";
        }
    }
}
