using System.Text;
using Dapper;
using Npgsql;

namespace PadUat.Support.TestData;

/// <summary>What the start of a run removed that a run which died had left behind.</summary>
public sealed record ReapedRun(string Run, DateTime StartedUtc, int Rows);

/// <summary>What claiming a target found in its journal: the dead runs cleaned up after, and every line not acted on, with why.</summary>
public sealed record JournalReview(IReadOnlyList<ReapedRun> Reaped, IReadOnlyList<string> NotActedOn);

/// <summary>
/// Written before every write the harness makes on a target, to a file per target identity under reports/journal/ that
/// outlives the process: what the run is about to create (requests its test people will submit, a restricted-list
/// entry, refused attempts) and what it created, each in the scope of one scenario. A scenario that cleaned up says so;
/// a run whose every scope is clean ends the journal. A run that died (CI timeout, OOM, kill -9), or whose clean-up
/// failed (a hung database), did not: the next run against the same target — holding the target's
/// <see cref="Lifecycle.RunLock"/>, so no other run is alive — deletes what it left (plan 6.3).
/// The next run trusts only lines sealed with this machine's <see cref="JournalKey"/> for this <see cref="TargetIdentity"/>,
/// deletes only rows of the UAT people — by the ids the journal names, or for the moment between the bot's commit and
/// the id, rows of a UAT person made inside the dead run's own lifetime — and names every line it does not act on.
/// </summary>
public sealed class CleanupJournal
{
    private readonly object _gate = new();
    private readonly JournalKey _key;
    private readonly TargetIdentity _target;
    private readonly HashSet<int> _openScopes = [];
    private int _scopes;

    public string Path { get; }
    public string RunId { get; }

    private CleanupJournal(string path, string runId, JournalKey key, TargetIdentity target)
    {
        Path = path; RunId = runId; _key = key; _target = target;
    }

    public static CleanupJournal Open(string journalDir, TargetIdentity target, string runId, JournalKey key)
    {
        Directory.CreateDirectory(journalDir);
        return new CleanupJournal(System.IO.Path.Combine(journalDir, target.FileName), runId, key, target);
    }

    /// <param name="databaseNow">The database's clock: the dead run's lifetime, in the time rows are stamped with, bounds what a reap may take.</param>
    public void RunStarted(DateTime databaseNow) =>
        Append(new(RunId, JournalKinds.RunStarted, DateTime.UtcNow, _target.Fingerprint, Since: databaseNow, Detail: $"{Environment.MachineName} pid {Environment.ProcessId}"));

    /// <summary>A scenario's rows are journalled in a scope of their own, so one scenario's clean-up never covers another's.</summary>
    public int NewScope() => Interlocked.Increment(ref _scopes);

    /// <summary>A UAT person is about to cause requests through the bot from <paramref name="since"/> (database time).</summary>
    public void WillCreateRequestsAs(int scope, int actorId, DateTime since) => Intent(scope, JournalKinds.RequestsBy, actorId, since);

    /// <summary>A UAT person is about to make attempts the system refuses, audited without a request id.</summary>
    public void WillBeRefused(int scope, int actorId, DateTime since) => Intent(scope, JournalKinds.RefusalsBy, actorId, since);

    /// <summary>The harness is about to add a restricted-list entry for <paramref name="ticker"/> as a UAT person.</summary>
    public void WillRestrict(int scope, string ticker, int actorId, DateTime since) => Intent(scope, JournalKinds.Restricts, actorId, since, ticker);

    public void Created(int scope, string table, long id)
    {
        if (!JournalTables.IsKnown(table)) throw new ArgumentException($"The harness creates rows by id only in {string.Join(", ", JournalTables.All)}, not {table}", nameof(table));
        Open(scope);
        Append(new(RunId, JournalKinds.Created, DateTime.UtcNow, _target.Fingerprint, scope, Table: table, Id: id));
    }

    /// <summary>The scope's rows are deleted: nothing it announced is left to clean.</summary>
    public void Cleaned(int scope)
    {
        Append(new(RunId, JournalKinds.Cleaned, DateTime.UtcNow, _target.Fingerprint, scope));
        lock (_gate) _openScopes.Remove(scope);
    }

    /// <summary>How many scenarios' rows are still on the target (their clean-up failed or never ran).</summary>
    public int ScopesLeft { get { lock (_gate) return _openScopes.Count; } }

    /// <summary>
    /// The run is over. Clean: the journal says so (and a journal with nothing left to find is removed). Not clean:
    /// the journal stays open — the next run against the target deletes what is left — and says why.
    /// </summary>
    public void RunEnded(string? whyLeft = null)
    {
        if (ScopesLeft > 0)
        {
            Append(new(RunId, JournalKinds.RunLeft, DateTime.UtcNow, _target.Fingerprint, Detail: $"{ScopesLeft} scenario(s) not cleaned up: {whyLeft ?? "clean-up failed"}"));
            return;
        }
        Append(new(RunId, JournalKinds.RunEnded, DateTime.UtcNow, _target.Fingerprint));
        lock (_gate)
        {
            var (trusted, refused) = Read();
            if (refused.Count == 0 && trusted.GroupBy(l => l.Entry.Run).All(Over)) File.Delete(Path);
        }
    }

    /// <summary>
    /// Deletes what runs that died left on the target, and marks them reaped; names every line it will not act on.
    /// Call holding the team's lock. <paramref name="uatPeople"/>: the employee ids of the team's people;
    /// <paramref name="otherTeams"/>: the cast's other teams, whose journals are cleaned by the runs through them, not strangers'.
    /// </summary>
    public async Task<JournalReview> ReapDeadRunsAsync(NpgsqlConnection connection, Contract.TargetContract contract, IReadOnlySet<int> uatPeople,
        IReadOnlyCollection<TargetIdentity>? otherTeams = null)
    {
        var (trusted, notActedOn) = Read();
        var refused = notActedOn.Select(r => $"{System.IO.Path.GetFileName(Path)} {r}")
            .Concat(OtherIdentitiesOfThisDatabase((otherTeams ?? []).Select(t => t.FileName).ToHashSet())).ToList();
        var reaped = new List<ReapedRun>();
        var now = await connection.ExecuteScalarAsync<DateTime>("SELECT now()");
        foreach (var run in trusted.Where(l => l.Entry.Run != RunId).GroupBy(l => l.Entry.Run))
        {
            if (Over(run)) continue;
            var reap = new DeadRunReap(connection, contract, uatPeople, run.ToList(), now);
            var deleted = await reap.DeleteAsync();
            refused.AddRange(reap.Refused.Select(r => $"{System.IO.Path.GetFileName(Path)} {r}"));
            Append(new(run.Key, JournalKinds.Reaped, DateTime.UtcNow, _target.Fingerprint, Detail: $"{deleted} row(s) deleted by run {RunId}"));
            reaped.Add(new ReapedRun(run.Key, run.First().Entry.AtUtc, deleted));
        }
        return new JournalReview(reaped, refused);
    }

    private static bool Over(IEnumerable<JournalLine> run) => run.Any(l => l.Entry.Kind is JournalKinds.RunEnded or JournalKinds.Reaped);

    /// <summary>
    /// Journals of this database written for another env or other test people: never read, but never silently forgotten.
    /// <paramref name="teamJournals"/>: the file names of the cast's other teams' journals, which are not strangers'.
    /// </summary>
    private IEnumerable<string> OtherIdentitiesOfThisDatabase(IReadOnlySet<string> teamJournals)
    {
        var dir = System.IO.Path.GetDirectoryName(Path)!;
        return Directory.EnumerateFiles(dir, $"{_target.DatabaseStem}-*.jsonl")
            .Where(f => f != Path && !teamJournals.Contains(System.IO.Path.GetFileName(f))).Order(StringComparer.Ordinal)
            .Select(f => $"{System.IO.Path.GetFileName(f)}: a journal of this database written for another env or other test people — not acted on; " +
                         "run against that identity to clean it up, or remove the file once a person has checked its rows");
    }

    private void Intent(int scope, string kind, int actorId, DateTime since, string? detail = null)
    {
        Open(scope);
        Append(new(RunId, kind, DateTime.UtcNow, _target.Fingerprint, scope, ActorId: actorId, Since: since, Detail: detail));
    }

    private void Open(int scope) { lock (_gate) _openScopes.Add(scope); }

    private (IReadOnlyList<JournalLine> Trusted, IReadOnlyList<string> Refused) Read() =>
        File.Exists(Path) ? JournalCodec.Read(File.ReadLines(Path), _key, _target.Fingerprint) : ([], []);

    /// <summary>One line, flushed to disk before the write it announces is made; a line cut short by a kill is ended first, never glued onto.</summary>
    private void Append(JournalEntry entry)
    {
        var line = Encoding.UTF8.GetBytes(JournalCodec.Write(entry, _key) + "\n");
        lock (_gate)
        {
            using var file = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
            if (file.Length > 0)
            {
                file.Seek(-1, SeekOrigin.End);
                if (file.ReadByte() != '\n') file.WriteByte((byte)'\n');
            }
            file.Seek(0, SeekOrigin.End);
            file.Write(line);
            file.Flush(flushToDisk: true);
        }
    }
}
