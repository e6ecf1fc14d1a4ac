using System.Security.Cryptography;
using System.Text;
using Npgsql;
using PadUat.Support.Configuration;

namespace PadUat.Support.Lifecycle;

/// <summary>
/// One run per test team at a time — two runs through the same people would drive the same Slack DMs and read each
/// other's replies; runs through different teams share a target. The lock is a PostgreSQL advisory lock held by a
/// session of this run for the run's length: it writes nothing to the target's tables and goes away with the session,
/// even when the run is killed. The session's application_name names the run, so a second run that waits in vain can
/// say whose run is in the way. The same session takes the <see cref="FirmLock"/> for the team's features.
/// </summary>
public sealed class TeamLock : IAsyncDisposable
{
    /// <summary>"PADT": the first of the two keys (pg_locks' classid); the second (objid) is the team's employee, hashed.</summary>
    internal const int Space = 0x5041_4454;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    public TestTeam Team { get; }

    /// <summary>The session holding the lock; closing it releases the lock.</summary>
    internal NpgsqlConnection Session { get; }

    private TeamLock(TestTeam team, NpgsqlConnection session) { Team = team; Session = session; }

    /// <summary>Takes the team's lock, waiting up to <paramref name="wait"/>; otherwise one error naming the run that holds it.</summary>
    public static async Task<TeamLock> AcquireAsync(DatabaseSettings database, TestTeam team, string runId, string appEnv, TimeSpan wait, CancellationToken ct = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString()) { ApplicationName = HolderName.Describe(runId, appEnv), Pooling = false };
        var session = new NpgsqlConnection(builder.ConnectionString);
        await session.OpenAsync(ct);
        var key = KeyOf(team);
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            await using (var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@space, @key)", session) { Parameters = { new("space", Space), new("key", key) } })
                if ((bool)(await take.ExecuteScalarAsync(ct))!) return new TeamLock(team, session);
            if (DateTime.UtcNow >= deadline) break;
            await Task.Delay(Poll, ct);
        }
        var holder = await HolderName.OfAsync(session, Space, key, ct);
        await session.DisposeAsync();
        throw new UnreachableTargetError(
            $"Another UAT run is using {team} on the {appEnv} target ({database.Name} at {database.Host}:{database.Port}): {holder}. " +
            $"Waited {wait.TotalSeconds:0} s for it to finish; run again once it has, or with another team (UAT_LOCK_WAIT_S sets the wait).");
    }

    /// <summary>The team's key: its employee's e-mail, hashed to 32 bits — the same team whatever number an env file gives it.</summary>
    internal static int KeyOf(TestTeam team) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(team.Identity)), 0);

    public async ValueTask DisposeAsync() => await Session.DisposeAsync(); // closing the session releases the lock
}

/// <summary>How a lock's session names its run, and how a run that waits reads whose run is in its way.</summary>
internal static class HolderName
{
    /// <summary>"paduat 20261129-092308-51d6afc5 dev ci-runner-3": within PostgreSQL's 63 characters for application_name.</summary>
    public static string Describe(string runId, string appEnv)
    {
        var text = $"paduat {runId} {appEnv} {Environment.MachineName}";
        return text.Length <= 63 ? text : text[..63];
    }

    public static async Task<string> OfAsync(NpgsqlConnection session, int space, int key, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT a.application_name, a.backend_start
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.classid::bigint = @high AND l.objid::bigint = @low AND a.pid <> pg_backend_pid()
            ORDER BY a.backend_start LIMIT 1
            """, session) { Parameters = { new("high", (long)(uint)space), new("low", (long)(uint)key) } };
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return "a run that has just finished";
        var parts = reader.GetString(0).Split(' ', 4);
        var since = reader.GetDateTime(1).ToUniversalTime();
        return parts is ["paduat", var run, var env, var host]
            ? $"run {run} of env {env} on host {host}, started {since:yyyy-MM-dd HH:mm:ss} UTC"
            : $"a session named \"{reader.GetString(0)}\", connected since {since:yyyy-MM-dd HH:mm:ss} UTC";
    }
}
