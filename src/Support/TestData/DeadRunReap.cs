using Dapper;
using Npgsql;

namespace PadUat.Support.TestData;

/// <summary>
/// What one dead run left, found from its trusted journal lines and deleted. Scopes it cleaned are skipped. A window
/// ("requests by this person since then") is narrowed to the run's own lifetime — from its database start time to
/// now — and taken only for a UAT person; ids are taken only where the row is a UAT person's. Anything else is
/// named in <see cref="Refused"/> and left.
/// </summary>
internal sealed class DeadRunReap(NpgsqlConnection connection, IReadOnlySet<int> uatPeople, IReadOnlyList<JournalLine> lines, DateTime now)
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
                    foreach (var id in await connection.QueryAsync<int>(
                                 "SELECT id FROM padealing.pad_request WHERE employee_id = @actor AND created_at >= @since AND created_at <= @now",
                                 new { actor = e.ActorId, since, now }))
                        rows.Request(id);
                    rows.RefusalsBy(e.ActorId.Value, since);
                    break;
                case JournalKinds.RefusalsBy: rows.RefusalsBy(e.ActorId.Value, since); break;
                case JournalKinds.Restricts:
                    foreach (var id in await connection.QueryAsync<long>(
                                 "SELECT id FROM padealing.restricted_security WHERE ticker = @ticker AND added_by_id = @actor AND created_at >= @since AND created_at <= @now",
                                 new { ticker = e.Detail, actor = e.ActorId, since, now }))
                        rows.Row(JournalTables.RestrictedSecurity, id);
                    break;
            }
        }
        foreach (var (table, ids) in byId)
        {
            var owned = (await connection.QueryAsync<long>(JournalTables.OwnedByQuery(table), new { ids = ids.ToArray(), people = uatPeople.ToArray() })).ToHashSet();
            foreach (var id in owned)
                if (table == JournalTables.PadRequest) rows.Request((int)id); else rows.Row(table, id);
            var foreign = await connection.QueryAsync<long>($"SELECT id FROM {table} WHERE id = ANY(@ids)", new { ids = ids.Where(i => !owned.Contains(i)).ToArray() });
            foreach (var id in foreign) Refused.Add($"{table} #{id}: named by the journal but not a UAT person's row — not touched");
        }
        return await rows.DeleteAllAsync(connection);
    }
}
