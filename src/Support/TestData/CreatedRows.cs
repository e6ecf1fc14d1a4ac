using Dapper;
using Npgsql;

namespace PadUat.Support.TestData;

/// <summary>
/// Every row a scenario caused in padealing — requests it submitted (and through them their approvals,
/// executions and audit rows), refusal audit rows, restricted-list entries it added — so the scenario can
/// delete exactly those afterwards (plan 6.3) and leave a shared database as it found it. Each is announced to
/// the run's <see cref="CleanupJournal"/> first, so a run that dies before cleaning up is cleaned up by the next.
/// </summary>
public sealed class CreatedRows(CleanupJournal? journal)
{
    /// <summary>This scenario's scope in the journal: its clean-up covers its own rows, never another scenario's.</summary>
    private readonly int _scope = journal?.NewScope() ?? 0;
    private readonly HashSet<int> _requests = [];
    private readonly List<(string Table, long Id)> _rows = [];
    private readonly HashSet<(int ActorId, DateTime Since)> _refusalsBy = [];

    public IReadOnlyCollection<int> Requests => _requests;
    public IReadOnlyList<(string Table, long Id)> Rows => _rows;

    public void Request(int requestId)
    {
        journal?.Created(_scope, JournalTables.PadRequest, requestId);
        _requests.Add(requestId);
    }

    /// <summary>
    /// A UAT person made attempts the SUT refuses before any request exists (restricted securities): the
    /// audit rows it writes for them carry no request id, so they are found by who and since when.
    /// </summary>
    public void RefusalsBy(int actorId, DateTime since)
    {
        journal?.WillBeRefused(_scope, actorId, since);
        _refusalsBy.Add((actorId, since));
    }

    /// <summary>Announced before a UAT person submits or is given requests (and may be refused), from <paramref name="since"/> (database time).</summary>
    public void WillCreateRequestsAs(int actorId, DateTime since) => journal?.WillCreateRequestsAs(_scope, actorId, since);

    /// <summary>Announced before a restricted-list entry is inserted as a UAT person.</summary>
    public void WillRestrict(string ticker, int actorId, DateTime since) => journal?.WillRestrict(_scope, ticker, actorId, since);

    public void Row(string qualifiedTable, long id)
    {
        WriteGuard.CheckTable(qualifiedTable);
        if (!JournalTables.IsKnown(qualifiedTable) || qualifiedTable == JournalTables.PadRequest)
            throw new ArgumentException($"The harness creates rows by id only in {JournalTables.RestrictedSecurity} (requests: Request), not {qualifiedTable}", nameof(qualifiedTable));
        journal?.Created(_scope, qualifiedTable, id);
        _rows.Add((qualifiedTable, id));
    }

    /// <summary>
    /// The harness is about to insert a request whose id it has drawn from the table's sequence: journalled first, so a run
    /// killed between the insert's commit and the id's return still leaves a row the next run can name — a request laid down
    /// "approved 3 days ago" cannot be found by a window of time without taking the person's real requests of those days.
    /// </summary>
    public void WillInsertRequest(int requestId) => Request(requestId);

    /// <summary>Deletes children before parents in one transaction; returns how many rows went.</summary>
    public async Task<int> DeleteAllAsync(NpgsqlConnection connection)
    {
        var deleted = 0;
        await using var tx = await connection.BeginTransactionAsync();
        var ids = _requests.ToArray();
        if (ids.Length > 0)
        {
            foreach (var table in new[] { "pad_execution", "pad_approval", "audit_log" })
                deleted += await connection.ExecuteAsync($"DELETE FROM padealing.{table} WHERE request_id = ANY(@ids)", new { ids }, tx);
        }
        foreach (var (actor, since) in _refusalsBy)
            deleted += await connection.ExecuteAsync(
                "DELETE FROM padealing.audit_log WHERE request_id IS NULL AND actor_id = @actor AND created_at >= @since", new { actor, since }, tx);
        foreach (var (table, id) in Enumerable.Reverse(_rows))
            deleted += await connection.ExecuteAsync($"DELETE FROM {table} WHERE id = @id", new { id }, tx);
        if (ids.Length > 0)
            deleted += await connection.ExecuteAsync("DELETE FROM padealing.pad_request WHERE id = ANY(@ids)", new { ids }, tx);
        await tx.CommitAsync();
        journal?.Cleaned(_scope);
        _requests.Clear();
        _rows.Clear();
        _refusalsBy.Clear();
        return deleted;
    }
}
