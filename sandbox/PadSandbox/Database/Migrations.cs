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

        using var conn = new NpgsqlConnection(appConnectionString);
        conn.Execute("""
            CREATE TABLE IF NOT EXISTS padealing.alembic_version (version_num varchar(32) PRIMARY KEY);
            DELETE FROM padealing.alembic_version;
            INSERT INTO padealing.alembic_version (version_num) VALUES (@head);
            """, new { head = Head });
        if (faults.Has("missing-index"))
            conn.Execute("DROP INDEX padealing.ix_pad_request_status; DROP INDEX padealing.ix_pad_request_employee_id;");
    }
}
