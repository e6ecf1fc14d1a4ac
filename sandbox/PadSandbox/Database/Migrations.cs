using Dapper;
using DbUp;
using Npgsql;

namespace PadSandbox.Database;

/// <summary>
/// Applies the padealing migrations with DbUp (journal in padealing.schemaversions) and records the head
/// revision in alembic_version, the table the real app's Alembic keeps, so preflight can compare current to head.
/// </summary>
public static class Migrations
{
    public static string Head => EmbeddedSql.In("Migrations").Last().Name;

    public static void UpgradeToHead(string appConnectionString, FaultSet faults)
    {
        var upgrader = DeployChanges.To
            .PostgresqlDatabase(appConnectionString)
            .WithScripts(EmbeddedSql.In("Migrations")
                .Select(s => new DbUp.Engine.SqlScript(s.Name, s.Sql)))
            .JournalToPostgresqlTable("padealing", "schemaversions")
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();
        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
            throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);

        var revisions = EmbeddedSql.In("Migrations").Select(s => s.Name).ToList();
        using var conn = new NpgsqlConnection(appConnectionString);
        conn.Execute("""
            CREATE TABLE IF NOT EXISTS padealing.alembic_version (version_num varchar(32) PRIMARY KEY);
            DELETE FROM padealing.alembic_version;
            INSERT INTO padealing.alembic_version (version_num) VALUES (@revision);
            """, new { revision = faults.Has("migration-behind") ? revisions[^2] : Head });
        ApplySchemaFaults(conn, faults);
    }

    /// <summary>Schema drift of the kinds the plan's phases 2–3 look for, switched on by faults.</summary>
    private static void ApplySchemaFaults(NpgsqlConnection conn, FaultSet faults)
    {
        if (faults.Has("missing-index"))
            conn.Execute("DROP INDEX padealing.ix_pad_request_status; DROP INDEX padealing.ix_pad_request_employee_id;");
        if (faults.Has("unknown-table"))
            conn.Execute("CREATE TABLE IF NOT EXISTS padealing.active_stocks (ticker text PRIMARY KEY, updated_at timestamptz)");
        if (faults.Has("unmodelled-column"))
            conn.Execute("ALTER TABLE padealing.pad_request ADD COLUMN IF NOT EXISTS legacy_ref text");
        if (faults.Has("approval-not-unique"))
            conn.Execute("ALTER TABLE padealing.pad_approval DROP CONSTRAINT pad_approval_request_id_approval_type_key");
    }
}
