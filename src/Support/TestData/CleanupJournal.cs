using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Npgsql;
using PadUat.Support.Configuration;

namespace PadUat.Support.TestData;

/// <summary>A line of the journal: a run began or ended, is about to create rows of a kind, created a row, or cleaned up.</summary>
public sealed record JournalEntry(string Run, string Kind, DateTime AtUtc, string? Table = null, long? Id = null, int? ActorId = null,
    DateTime? Since = null, string? Detail = null);

/// <summary>What the start of a run removed that a run which died had left behind.</summary>
public sealed record ReapedRun(string Run, DateTime StartedUtc, int Rows);

/// <summary>
/// Written before every write the harness makes on a target, to a file per target under reports/journal/ that
/// outlives the process: what the run is about to create (requests its test people will submit, a restricted-list
/// entry, refused attempts) and what it created. A run that ends cleans up and says so. A run that died (CI timeout,
/// OOM, kill -9) did not: the next run against the same target — holding the target's <see cref="Lifecycle.RunLock"/>,
/// so no other run is alive — finds its rows from the journal and deletes them (plan 6.3). Only rows of the UAT
/// people and rows the journal names are touched; the journal never writes bo_airflow.
/// </summary>
public sealed class CleanupJournal
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
    private readonly object _gate = new();

    public string Path { get; }
    public string RunId { get; }

    private CleanupJournal(string path, string runId) { Path = path; RunId = runId; }

    /// <summary>The journal of this target (host, port, database), for this run.</summary>
    public static CleanupJournal Open(string journalDir, DatabaseSettings target, string runId)
    {
        Directory.CreateDirectory(journalDir);
        var key = $"{target.Host}:{target.Port}/{target.Name}";
        var name = $"{string.Concat(key.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'))}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8]}.jsonl";
        return new CleanupJournal(System.IO.Path.Combine(journalDir, name), runId);
    }

    public void RunStarted() => Append(new(RunId, "run-started", DateTime.UtcNow, Detail: $"{Environment.MachineName} pid {Environment.ProcessId}"));
    /// <summary>The run is over and cleaned up; a journal whose every run is over is removed (nothing left to find).</summary>
    public void RunEnded()
    {
        Append(new(RunId, "run-ended", DateTime.UtcNow));
        lock (_gate)
            if (Read().GroupBy(e => e.Run).All(run => run.Any(e => e.Kind is "run-ended" or "reaped"))) File.Delete(Path);
    }

    /// <summary>A UAT person is about to cause requests (through the bot, or inserted as test data) from <paramref name="since"/> (database time).</summary>
    public void WillCreateRequestsAs(int actorId, DateTime since) => Append(new(RunId, "requests-by", DateTime.UtcNow, ActorId: actorId, Since: since));

    /// <summary>A UAT person is about to make attempts the system refuses, audited without a request id.</summary>
    public void WillBeRefused(int actorId, DateTime since) => Append(new(RunId, "refusals-by", DateTime.UtcNow, ActorId: actorId, Since: since));

    /// <summary>The harness is about to add a restricted-list entry for <paramref name="ticker"/> as a UAT person.</summary>
    public void WillRestrict(string ticker, int actorId, DateTime since) => Append(new(RunId, "restricts", DateTime.UtcNow, ActorId: actorId, Since: since, Detail: ticker));

    public void Created(string table, long id) => Append(new(RunId, "created", DateTime.UtcNow, Table: table, Id: id));

    /// <summary>The scenario's rows are deleted: nothing before this line is left to clean.</summary>
    public void Cleaned() => Append(new(RunId, "cleaned", DateTime.UtcNow));

    /// <summary>
    /// Deletes what runs that died left on the target, and marks them reaped. Call holding the target's run lock.
    /// </summary>
    public async Task<IReadOnlyList<ReapedRun>> ReapDeadRunsAsync(NpgsqlConnection connection)
    {
        var reaped = new List<ReapedRun>();
        foreach (var run in Read().Where(e => e.Run != RunId).GroupBy(e => e.Run))
        {
            var entries = run.ToList();
            if (entries.Any(e => e.Kind is "run-ended" or "reaped")) continue;
            var pending = entries.Skip(entries.FindLastIndex(e => e.Kind == "cleaned") + 1).ToList();
            var rows = new CreatedRows(null);
            foreach (var e in pending)
            {
                switch (e.Kind)
                {
                    case "requests-by":
                        foreach (var id in await connection.QueryAsync<int>(
                                     "SELECT id FROM padealing.pad_request WHERE employee_id = @actor AND created_at >= @since", new { actor = e.ActorId, since = e.Since }))
                            rows.Request(id);
                        rows.RefusalsBy(e.ActorId!.Value, e.Since!.Value);
                        break;
                    case "refusals-by": rows.RefusalsBy(e.ActorId!.Value, e.Since!.Value); break;
                    case "restricts":
                        foreach (var id in await connection.QueryAsync<long>(
                                     "SELECT id FROM padealing.restricted_security WHERE ticker = @ticker AND added_by_id = @actor AND created_at >= @since",
                                     new { ticker = e.Detail, actor = e.ActorId, since = e.Since }))
                            rows.Row("padealing.restricted_security", id);
                        break;
                    case "created" when e.Table == "padealing.pad_request": rows.Request((int)e.Id!.Value); break;
                    case "created": rows.Row(e.Table!, e.Id!.Value); break;
                }
            }
            var deleted = await rows.DeleteAllAsync(connection);
            Append(new(run.Key, "reaped", DateTime.UtcNow, Detail: $"{deleted} row(s) deleted by run {RunId}"));
            reaped.Add(new ReapedRun(run.Key, entries[0].AtUtc, deleted));
        }
        return reaped;
    }

    private IReadOnlyList<JournalEntry> Read()
    {
        if (!File.Exists(Path)) return [];
        var entries = new List<JournalEntry>();
        foreach (var line in File.ReadLines(Path))
        {
            try { if (JsonSerializer.Deserialize<JournalEntry>(line, Json) is { } e) entries.Add(e); }
            catch (JsonException) { /* a line cut short by a kill: what it announced is covered by the intent before it */ }
        }
        return entries;
    }

    /// <summary>One line, flushed to disk before the write it announces is made.</summary>
    private void Append(JournalEntry entry)
    {
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, Json) + "\n");
        lock (_gate)
        {
            using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            file.Write(line);
            file.Flush(flushToDisk: true);
        }
    }
}
