using Npgsql;

namespace PadUat.Support.Lifecycle;

/// <summary>
/// Most scenarios look only at their own team's requests, and where they compare the firm's totals they bound them by the
/// counts before and after (as other employees work on dev too), so they run beside any other team's. A few features
/// change or time what every request meets — the restricted list every request is checked against, the response times —
/// and are tagged <c>@firm-wide</c>: they hold this lock exclusively for their length, every other scenario holds it
/// shared. It is a PostgreSQL advisory lock (taken on the team's own <see cref="TeamLock"/> session), so runs in other
/// processes through other teams respect it too, and in this process a gate that lets a firm-wide feature in before
/// scenarios that came after it.
/// </summary>
public sealed class FirmLock
{
    /// <summary>"PADF": pg_locks' classid; objid 0.</summary>
    private const int Space = 0x5041_4446;

    /// <summary>"PADW": held while a firm-wide feature waits, so that other runs' features let it in.</summary>
    private const int Waiting = 0x5041_4457;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private readonly object _gate = new();
    private int _shared, _exclusiveWaiting;
    private bool _exclusive;

    /// <summary>How long a scenario waits for scenarios of other runs before it gives up with their names.</summary>
    public TimeSpan Wait { get; }

    public FirmLock(TimeSpan wait) => Wait = wait;

    /// <summary>
    /// This process's side, first: shared, or alone when <paramref name="alone"/>, a feature that waits to be alone letting
    /// no later scenario in ahead of it. Blocking on purpose: SpecFlow runs a scenario's hooks on its test thread, which waits either way.
    /// </summary>
    public void Enter(bool alone)
    {
        lock (_gate)
        {
            if (alone)
            {
                _exclusiveWaiting++;
                while (_exclusive || _shared > 0) Monitor.Wait(_gate);
                _exclusiveWaiting--;
                _exclusive = true;
            }
            else
            {
                while (_exclusive || _exclusiveWaiting > 0) Monitor.Wait(_gate);
                _shared++;
            }
        }
    }

    /// <summary>Undoes <see cref="Enter"/> when the scenario could not go on to <see cref="TakeAsync"/>.</summary>
    public void Leave(bool alone)
    {
        lock (_gate)
        {
            if (alone) _exclusive = false; else _shared--;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// The target's side, after <see cref="Enter"/>, on the leased team's session: other runs' features; dispose to let go
    /// of both. A feature that waits to be alone first raises a flag (a second advisory lock) that scenarios of other runs
    /// wait behind, as this process's gate does, so it is not starved by their next scenarios.
    /// </summary>
    public async Task<Held> TakeAsync(TeamLock team, bool alone, CancellationToken ct = default)
    {
        var session = team.Session;
        var deadline = DateTime.UtcNow + Wait;
        if (alone)
        {
            await UntilAsync(() => CallAsync(session, "pg_try_advisory_lock", Waiting, ct: ct), deadline, ct);
            try { await UntilAsync(() => CallAsync(session, "pg_try_advisory_lock", Space, ct: ct), deadline, ct); }
            finally { await CallAsync(session, "pg_advisory_unlock", Waiting); }
        }
        else
            await UntilAsync(async () =>
            {
                if (!await CallAsync(session, "pg_try_advisory_lock_shared", Waiting, ct: ct)) return false; // a firm-wide feature is waiting
                try { return await CallAsync(session, "pg_try_advisory_lock_shared", Space, ct: ct); }
                finally { await CallAsync(session, "pg_advisory_unlock_shared", Waiting); }
            }, deadline, ct);
        return new Held(this, session, alone);

        async Task UntilAsync(Func<Task<bool>> attempt, DateTime until, CancellationToken token)
        {
            while (!await attempt())
            {
                if (DateTime.UtcNow >= until)
                    throw new UnreachableTargetError(
                        $"{(alone ? "This feature changes or times what every request meets and waited for" : "This scenario waited for")} another run's " +
                        $"{(alone ? "scenarios" : "firm-wide feature")} to finish: {await HolderName.OfAsync(session, Space, 0, token)}. Waited {Wait.TotalMinutes:0} min.");
                await Task.Delay(Poll, token);
            }
        }
    }

    /// <summary>One of PostgreSQL's advisory-lock functions on (<paramref name="space"/>, 0): whether it took, or let go of, the lock.</summary>
    private static async Task<bool> CallAsync(NpgsqlConnection session, string function, int space, int timeoutSeconds = 30, CancellationToken ct = default)
    {
        await using var cmd = new NpgsqlCommand($"SELECT {function}(@space, 0)", session) { Parameters = { new("space", space) }, CommandTimeout = timeoutSeconds };
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Letting go is one round trip; a database that takes longer has stopped answering.</summary>
    private const int LetGoTimeout = 5;

    public sealed class Held(FirmLock firm, NpgsqlConnection session, bool alone) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try { await CallAsync(session, alone ? "pg_advisory_unlock" : "pg_advisory_unlock_shared", Space, LetGoTimeout); }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // A database that stopped answering (the run's breaker ends what is left): the lock goes with the team's
                // session when the run ends, and until then it only keeps other runs' firm-wide features waiting.
            }
            finally { firm.Leave(alone); }
        }
    }
}
