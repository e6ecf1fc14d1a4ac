using Dapper;
using Npgsql;
using PadUat.Support.Contract;

namespace PadUat.Support.TestData;

/// <summary>
/// What one dead run left, found from its trusted journal lines and deleted. Scopes it cleaned are skipped. A window
/// ("requests by this person since then") is narrowed to the run's own lifetime — from its database start time to
/// now — and taken only for a UAT person; ids are taken only where the row is a UAT person's. Anything else is
/// named in <see cref="Refused"/> and left.
/// </summary>
internal sealed class DeadRunReap(NpgsqlConnection connection, TargetContract contract, IReadOnlySet<int> uatPeople, IReadOnlyList<JournalLine> lines, DateTime now)
{
    public List<string> Refused { get; } = [];

    public async Task<int> DeleteAsync()
    {
        var runStart = lines.FirstOrDefault(l => l.Entry.Kind == JournalKinds.RunStarted)?.Entry.Since;
        var cleaned = lines.Where(l => l.Entry.Kind == JournalKinds.Cleaned).Select(l => l.Entry.Scope).ToHashSet();
        var rows = new CreatedRows(null);
        var byId = new Dictionary<string, List<long>>();
        foreach (var (number, e) in lines.Where(l => l.Entry.Scope > 0 && !cleaned.Contains(l.Entry.Scope)))
        {
            if (e.Kind == JournalKinds.Created)
            {
                (byId.TryGetValue(e.Table!, out var ids) ? ids : byId[e.Table!] = []).Add(e.Id!.Value);
                continue;
            }
            if (!uatPeople.Contains(e.ActorId!.Value)) { Refused.Add($"line {number}: employee #{e.ActorId} is not one of the UAT people — their rows are not touched"); continue; }
            if (runStart is null) { Refused.Add($"line {number}: its run has no trusted start line, so its window cannot be bounded — not acted on"); continue; }
            var since = e.Since!.Value > runStart.Value ? e.Since.Value : runStart.Value; // never before the dead run began
            switch (e.Kind)
            {
                case JournalKinds.RequestsBy:
                    foreach (var id in await connection.QueryAsync<int>(contract.Sql(
                                 "SELECT [request.id] FROM [request] WHERE [request.person] = @actor AND [request.createdAt] >= @since AND [request.createdAt] <= @now"),
                                 new { actor = e.ActorId, since, now }))
                        rows.Request(id);
                    rows.RefusalsBy(e.ActorId.Value, since);
                    break;
                case JournalKinds.RefusalsBy: rows.RefusalsBy(e.ActorId.Value, since); break;
                case JournalKinds.Restricts:
                    foreach (var id in await connection.QueryAsync<long>(contract.Sql(
                                 "SELECT [restriction.id] FROM [restriction] WHERE [restriction.ticker] = @ticker AND [restriction.addedBy] = @actor AND [restriction.createdAt] >= @since AND [restriction.createdAt] <= @now"),
                                 new { ticker = e.Detail, actor = e.ActorId, since, now }))
                        rows.Row(JournalTables.Restriction, id);
                    break;
            }
        }
        foreach (var (table, ids) in byId)
        {
            var owned = (await connection.QueryAsync<long>(JournalTables.OwnedByQuery(table, contract), new { ids = ids.ToArray(), people = uatPeople.ToArray() })).ToHashSet();
            foreach (var id in owned)
                if (table == JournalTables.Request) rows.Request((int)id); else rows.Row(table, id);
            var foreign = await connection.QueryAsync<long>(JournalTables.ExistingQuery(table, contract), new { ids = ids.Where(i => !owned.Contains(i)).ToArray() });
            foreach (var id in foreign) Refused.Add($"{table} #{id}: named by the journal but not a UAT person's row — not touched");
        }
        return await rows.DeleteAllAsync(connection, contract);
    }
}
