using Dapper;
using Npgsql;

namespace PadUat.Support.TestData;

/// <summary>
/// Every row a scenario caused in padealing — requests it submitted (and through them their approvals,
/// executions and audit rows), refusal audit rows, restricted-list entries it added — so the scenario can
/// delete exactly those afterwards (plan 6.3) and leave a shared database as it found it.
/// </summary>
public sealed class CreatedRows
{
    private readonly HashSet<int> _requests = [];
    private readonly List<(string Table, long Id)> _rows = [];
    private readonly HashSet<(int ActorId, DateTime Since)> _refusalsBy = [];

    public IReadOnlyCollection<int> Requests => _requests;
    public IReadOnlyList<(string Table, long Id)> Rows => _rows;

    public void Request(int requestId) => _requests.Add(requestId);

    /// <summary>
    /// A UAT person made attempts the SUT refuses before any request exists (restricted securities): the
    /// audit rows it writes for them carry no request id, so they are found by who and since when.
    /// </summary>
    public void RefusalsBy(int actorId, DateTime since) => _refusalsBy.Add((actorId, since));

    public void Row(string qualifiedTable, long id)
    {
        WriteGuard.CheckTable(qualifiedTable);
        if (!qualifiedTable.StartsWith("padealing.", StringComparison.Ordinal))
            throw new ArgumentException($"Only padealing rows are created by the harness, not {qualifiedTable}", nameof(qualifiedTable));
        _rows.Add((qualifiedTable, id));
    }

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
        _requests.Clear();
        _rows.Clear();
        _refusalsBy.Clear();
        return deleted;
    }
}
