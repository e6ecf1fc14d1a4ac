using Dapper;
using Npgsql;
using PadUat.Support.Contract;

namespace PadUat.Support.TestData;

/// <summary>
/// Every row a scenario caused in the application's schema — requests it submitted (and through them their approvals,
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
        journal?.Created(_scope, JournalTables.Request, requestId);
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

    public void Row(string concept, long id)
    {
        WriteGuard.CheckTable(concept);
        if (!JournalTables.IsKnown(concept) || concept == JournalTables.Request)
            throw new ArgumentException($"The harness creates rows by id only as {JournalTables.Restriction} (requests: Request), not {concept}", nameof(concept));
        journal?.Created(_scope, concept, id);
        _rows.Add((concept, id));
    }

    /// <summary>
    /// The harness is about to insert a request whose id it has drawn from the table's sequence: journalled first, so a run
    /// killed between the insert's commit and the id's return still leaves a row the next run can name — a request laid down
    /// "approved 3 days ago" cannot be found by a window of time without taking the person's real requests of those days.
    /// </summary>
    public void WillInsertRequest(int requestId) => Request(requestId);

    /// <summary>Deletes children before parents in one transaction, in the target's tables; returns how many rows went.</summary>
    public async Task<int> DeleteAllAsync(NpgsqlConnection connection, TargetContract contract)
    {
        var deleted = 0;
        await using var tx = await connection.BeginTransactionAsync();
        var ids = _requests.ToArray();
        if (ids.Length > 0)
        {
            foreach (var child in new[] { "execution", "approval", "audit" })
                deleted += await connection.ExecuteAsync(contract.Sql($"DELETE FROM [{child}] WHERE [{child}.request] = ANY(@ids)"), new { ids }, tx);
        }
        foreach (var (actor, since) in _refusalsBy)
            deleted += await connection.ExecuteAsync(contract.Sql(
                "DELETE FROM [audit] WHERE [audit.request] IS NULL AND [audit.actor] = @actor AND [audit.at] >= @since"), new { actor, since }, tx);
        foreach (var (concept, id) in Enumerable.Reverse(_rows))
            deleted += await connection.ExecuteAsync(contract.Sql($"DELETE FROM [{concept}] WHERE [{concept}.id] = @id"), new { id }, tx);
        if (ids.Length > 0)
            deleted += await connection.ExecuteAsync(contract.Sql("DELETE FROM [request] WHERE [request.id] = ANY(@ids)"), new { ids }, tx);
        await tx.CommitAsync();
        journal?.Cleaned(_scope);
        _requests.Clear();
        _rows.Clear();
        _refusalsBy.Clear();
        return deleted;
    }
}
