using Npgsql;

namespace PadSandbox.Database;

/// <summary>
/// Builds the backoffice database the way the real one is arranged: bo_airflow owned by someone else and
/// read-only to the app role, padealing owned by the app role, then migrations, reference data and history.
/// </summary>
public static class SandboxDatabase
{
    public const string Name = "backoffice_db";
    public const string AppUser = "pad_app_user";

    /// <param name="migrationsNotApplied">Revisions left unapplied by decision (dev leaves head, <see cref="Migrations.DevCurrent"/>).</param>
    public static async Task BuildAsync(string superuserDbConnection, string appConnection, int historyRequests, FaultSet faults,
        IReadOnlyCollection<string> migrationsNotApplied, CancellationToken ct, int teams = 1)
    {
        await using (var su = new NpgsqlConnection(superuserDbConnection))
        {
            await su.OpenAsync(ct);
            await ExecAsync(su, $"CREATE SCHEMA padealing AUTHORIZATION {AppUser}", ct);
            await ExecAsync(su, Reference("001_bo_airflow_schema"), ct);
            await ExecAsync(su, Reference("002_reference_data"), ct);
            await ExecAsync(su, $"""
                GRANT USAGE ON SCHEMA bo_airflow TO {AppUser};
                GRANT SELECT, REFERENCES ON ALL TABLES IN SCHEMA bo_airflow TO {AppUser};
                REVOKE CREATE ON SCHEMA public FROM PUBLIC;
                -- The head revision runs CREATE SCHEMA IF NOT EXISTS, which needs this even when the schemas exist.
                GRANT CREATE ON DATABASE {Name} TO {AppUser};
                """, ct);
            if (faults.Has("reference-writable"))
                await ExecAsync(su, $"GRANT INSERT, UPDATE ON bo_airflow.oracle_employee TO {AppUser}", ct);
        }

        Migrations.Upgrade(appConnection, faults, migrationsNotApplied);

        await using var app = new NpgsqlConnection(appConnection);
        await app.OpenAsync(ct);
        await ExecAsync(app, Reference("003_app_roles"), ct);
        await ExecAsync(app, Reference("004_history")
            .Replace("{{history}}", historyRequests.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
        if (teams < 2) return;
        // Hired after the history is written, so that they, like team 1, have made no requests before the UAT.
        await using var owner = new NpgsqlConnection(superuserDbConnection);
        await owner.OpenAsync(ct);
        await ExecAsync(owner, SandboxTeams.HireSql(teams), ct);
    }

    private static string Reference(string name) => EmbeddedSql.In("Reference").Single(s => s.Name == name).Sql;

    private static async Task ExecAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 120 };
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
