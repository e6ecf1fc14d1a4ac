using Npgsql;
using PadUat.Support.Configuration;

namespace PadUat.Support.Lifecycle;

/// <summary>
/// One UAT run per target at a time — two runs would drive the same test people in the same Slack DMs and read each
/// other's replies. The lock is a PostgreSQL advisory lock held by a session of this run for the run's length: it
/// writes nothing to the target's tables and goes away with the session, even when the run is killed. The session's
/// application_name names the run, so a second run that waits in vain can say whose run is in the way.
/// </summary>
public sealed class RunLock : IAsyncDisposable
{
    /// <summary>"PADUAT" and a version, as one bigint; pg_locks shows it as classid (high half) and objid (low half).</summary>
    private const long Key = 0x5041_4455_4154_0001;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private readonly NpgsqlConnection _session;

    private RunLock(NpgsqlConnection session) => _session = session;

    /// <summary>Takes the target's lock, waiting up to <paramref name="wait"/>; otherwise one error naming the run that holds it.</summary>
    public static async Task<RunLock> AcquireAsync(DatabaseSettings database, string runId, string appEnv, TimeSpan wait, CancellationToken ct = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString()) { ApplicationName = Describe(runId, appEnv), Pooling = false };
        var session = new NpgsqlConnection(builder.ConnectionString);
        await session.OpenAsync(ct);
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            await using (var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", session) { Parameters = { new("key", Key) } })
                if ((bool)(await take.ExecuteScalarAsync(ct))!) return new RunLock(session);
            if (DateTime.UtcNow >= deadline) break;
            await Task.Delay(Poll, ct);
        }
        var holder = await HolderAsync(session, ct);
        await session.DisposeAsync();
        throw new UnreachableTargetError(
            $"Another UAT run is using the {appEnv} target ({database.Name} at {database.Host}:{database.Port}): {holder}. " +
            $"Waited {wait.TotalSeconds:0} s for it to finish; run again once it has (UAT_LOCK_WAIT_S sets the wait).");
    }

    /// <summary>"paduat 20261129-092308-51d6afc5 dev ci-runner-3": within PostgreSQL's 63 characters for application_name.</summary>
    private static string Describe(string runId, string appEnv)
    {
        var text = $"paduat {runId} {appEnv} {Environment.MachineName}";
        return text.Length <= 63 ? text : text[..63];
    }

    private static async Task<string> HolderAsync(NpgsqlConnection session, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT a.application_name, a.backend_start
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.classid::bigint = @high AND l.objid::bigint = @low
            """, session) { Parameters = { new("high", (long)(uint)(Key >> 32)), new("low", (long)(uint)(Key & 0xFFFF_FFFF)) } };
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return "a run that has just finished";
        var parts = reader.GetString(0).Split(' ', 4);
        var since = reader.GetDateTime(1).ToUniversalTime();
        return parts is ["paduat", var run, var env, var host]
            ? $"run {run} of env {env} on host {host}, started {since:yyyy-MM-dd HH:mm:ss} UTC"
            : $"a session named \"{reader.GetString(0)}\", connected since {since:yyyy-MM-dd HH:mm:ss} UTC";
    }

    public async ValueTask DisposeAsync() => await _session.DisposeAsync(); // closing the session releases the lock
}
