using Npgsql;

namespace PadUat.Support.Lifecycle;

/// <summary>
/// Most features look only at their own team's requests and may run beside any other team's. A few judge the whole
/// firm's data — the dashboard's totals against the database, the restricted list every request is checked against,
/// response times — and would read another team's requests mid-flight as a wrong figure. Those are tagged
/// <c>@firm-wide</c> and hold this lock exclusively; every other feature holds it shared. It is a PostgreSQL advisory lock
/// (taken on the team's own <see cref="TeamLock"/> session), so runs in other processes through other teams respect it
/// too, and in this process a gate that lets a firm-wide feature in before features that came after it.
/// </summary>
public sealed class FirmLock
{
    /// <summary>"PADF": pg_locks' classid; objid 0.</summary>
    private const int Space = 0x5041_4446;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private readonly object _gate = new();
    private int _shared, _exclusiveWaiting;
    private bool _exclusive;

    /// <summary>How long a feature waits for features of other runs before it gives up with their names.</summary>
    public TimeSpan Wait { get; }

    public FirmLock(TimeSpan wait) => Wait = wait;

    /// <summary>
    /// This process's side, first: shared, or alone when <paramref name="alone"/>, a feature that waits to be alone letting
    /// no later feature in ahead of it. Blocking on purpose: SpecFlow runs a feature's hooks on its test thread, which waits either way.
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

    /// <summary>Undoes <see cref="Enter"/> when the feature could not go on to <see cref="TakeAsync"/>.</summary>
    public void Leave(bool alone)
    {
        lock (_gate)
        {
            if (alone) _exclusive = false; else _shared--;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The target's side, after <see cref="Enter"/>, on the leased team's session: other runs' features; dispose to let go of both.</summary>
    public async Task<Held> TakeAsync(TeamLock team, bool alone, CancellationToken ct = default)
    {
        var session = team.Session;
        var deadline = DateTime.UtcNow + Wait;
        var take = alone ? "pg_try_advisory_lock" : "pg_try_advisory_lock_shared";
        while (true)
        {
            await using (var cmd = new NpgsqlCommand($"SELECT {take}(@space, 0)", session) { Parameters = { new("space", Space) } })
                if ((bool)(await cmd.ExecuteScalarAsync(ct))!) return new Held(this, session, alone);
            if (DateTime.UtcNow >= deadline) break;
            await Task.Delay(Poll, ct);
        }
        throw new UnreachableTargetError(
            $"{(alone ? "This feature judges the whole firm's data and waited for" : "This feature waited for")} another run's " +
            $"{(alone ? "features" : "firm-wide feature")} to finish: {await HolderName.OfAsync(session, Space, 0, ct)}. Waited {Wait.TotalMinutes:0} min.");
    }

    public sealed class Held(FirmLock firm, NpgsqlConnection session, bool alone) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var cmd = new NpgsqlCommand($"SELECT {(alone ? "pg_advisory_unlock" : "pg_advisory_unlock_shared")}(@space, 0)", session)
                    { Parameters = { new("space", Space) } };
                await cmd.ExecuteScalarAsync();
            }
            finally { firm.Leave(alone); }
        }
    }
}
