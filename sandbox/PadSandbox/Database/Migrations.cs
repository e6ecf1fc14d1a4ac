using Dapper;
using Npgsql;

namespace PadSandbox.Database;

/// <summary>One Alembic revision: its id (the file's "-- revision:" line), its name and its SQL.</summary>
public sealed record Revision(string Id, string Name, string Sql);

/// <summary>
/// Applies the padealing migrations as Alembic does: revisions in order, each in its own transaction, the current one
/// recorded in padealing.alembic_version (version_num) and nowhere else. The revisions are the real application's 18
/// (conductor/tracks/dev_db_migration_validation_20260120/MIGRATION_STATUS.md:48-67), with what each did to padealing.
/// Revisions at the end of the history can be left unapplied by decision, as dev left fc3b6e7695d9 (ibid. :20-40).
/// </summary>
public static class Migrations
{
    public static IReadOnlyList<Revision> History { get; } = EmbeddedSql.In("Migrations").Select(Parse).ToList();

    public static string Head => History[^1].Id;

    /// <summary>The revision dev stays at by decision, one behind head (MIGRATION_STATUS.md:11-16).</summary>
    public static string DevCurrent => History[^2].Id;

    /// <param name="notApplied">Revisions left unapplied by decision: a tail of the history.</param>
    public static void Upgrade(string appConnectionString, FaultSet faults, IReadOnlyCollection<string>? notApplied = null)
    {
        var target = History.Count;
        while (target > 0 && notApplied?.Contains(History[target - 1].Id) == true) target--;
        if (notApplied?.Any(r => History.Take(target).Any(h => h.Id == r)) == true)
            throw new ArgumentException($"Only the newest revisions can be left unapplied; {string.Join(", ", notApplied)} are not all at the end of the history");
        // The fault: one more revision is lost without anyone deciding so.
        if (faults.Has("migration-behind")) target--;

        using var conn = new NpgsqlConnection(appConnectionString);
        conn.Open();
        conn.Execute("""
            CREATE TABLE IF NOT EXISTS padealing.alembic_version (
                version_num varchar(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))
            """);
        var current = conn.ExecuteScalar<string?>("SELECT version_num FROM padealing.alembic_version");
        var next = current is null ? 0 : History.ToList().FindIndex(r => r.Id == current) + 1;
        for (var i = next; i < target; i++)
        {
            using var tx = conn.BeginTransaction();
            try { conn.Execute(History[i].Sql, transaction: tx); }
            catch (PostgresException e) { throw new InvalidOperationException($"Migration {History[i].Id} ({History[i].Name}) failed: {e.MessageText}", e); }
            conn.Execute("DELETE FROM padealing.alembic_version; INSERT INTO padealing.alembic_version (version_num) VALUES (@id)",
                new { History[i].Id }, tx);
            tx.Commit();
        }
        ApplySchemaFaults(conn, faults);
    }

    private static Revision Parse((string Name, string Sql) file)
    {
        var header = file.Sql.Split('\n')[0];
        const string Marker = "-- revision: ";
        if (!header.StartsWith(Marker, StringComparison.Ordinal))
            throw new InvalidOperationException($"Migration {file.Name} does not start with \"{Marker}<id> (<name>…)\"");
        var id = header[Marker.Length..].Split(' ')[0];
        return new Revision(id, file.Name[(file.Name.IndexOf('_') + 1)..], file.Sql);
    }

    /// <summary>Schema drift of the kinds the plan's phases 2–3 look for, switched on by faults.</summary>
    private static void ApplySchemaFaults(NpgsqlConnection conn, FaultSet faults)
    {
        if (faults.Has("missing-index"))
            conn.Execute("DROP INDEX IF EXISTS padealing.ix_pad_request_status; DROP INDEX IF EXISTS padealing.ix_pad_request_employee_id;");
        if (faults.Has("unknown-table"))
            conn.Execute("CREATE TABLE IF NOT EXISTS padealing.pad_request_backup_20260120 (LIKE padealing.pad_request)");
        if (faults.Has("unmodelled-column"))
            conn.Execute("ALTER TABLE padealing.pad_request ADD COLUMN IF NOT EXISTS legacy_ref text");
        if (faults.Has("approval-not-unique"))
            conn.Execute("ALTER TABLE padealing.pad_approval DROP CONSTRAINT IF EXISTS pad_approval_request_id_approval_type_key");
    }
}
