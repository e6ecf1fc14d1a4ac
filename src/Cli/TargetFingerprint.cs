using Npgsql;
using PadUat.Support;
using PadUat.Support.Configuration;
using PadUat.Support.Contract;

namespace PadUat.Cli;

/// <summary>
/// `paduat fingerprint --before &lt;ISO time&gt; [--actor N] [--figure NAME]`: for the rehearsal, a checksum and row count per table of what the
/// target held before the UAT began — every reference table whole, and the application's rows created before that time —
/// plus the rows the UAT people created since (which must be none once the run has cleaned up). Rows the background
/// traffic adds later are not in the fingerprint: they are other people's, created after the time given.
/// </summary>
public static class TargetFingerprint
{
    /// <summary>The application's rows as they stood before the UAT: each concept's, filtered to rows created before then.</summary>
    private static readonly (string Concept, string Rows)[] Application =
    [
        ("request", "SELECT * FROM [request] WHERE [request.createdAt] < @before"),
        ("approval", "SELECT a.* FROM [approval] a JOIN [request] r ON r.[request.id] = a.[approval.request] WHERE r.[request.createdAt] < @before"),
        ("execution", "SELECT e.* FROM [execution] e JOIN [request] r ON r.[request.id] = e.[execution.request] WHERE r.[request.createdAt] < @before"),
        ("audit", "SELECT * FROM [audit] WHERE [audit.at] < @before"),
        ("restriction", "SELECT * FROM [restriction] WHERE [restriction.createdAt] < @before"),
        ("setting", "SELECT * FROM [setting]"),
        ("role", "SELECT * FROM [role]"),
    ];

    public static async Task<int> RunAsync(string root, IReadOnlyDictionary<string, string> options)
    {
        var before = options.TryGetValue("before", out var b) && DateTime.TryParse(b, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var t)
            ? t : throw new ArgumentException("--before: an ISO time (UTC), e.g. 2026-11-29T10:00:00Z");
        var settings = UatSettings.LoadFromProcess(root);
        var contract = TargetContract.Load(root, settings.ContractName);
        // With --figure NAME only that figure's value is printed, for the rehearsal to hand to its verdicts as it is.
        var figure = options.GetValueOrDefault("figure");
        void Print(string name, object? value, string checksum = "-")
        {
            if (figure is null) Console.WriteLine($"{name}\t{value}\t{checksum}");
            else if (figure == name) Console.WriteLine(value);
        }
        var database = settings.Database ?? throw new ArgumentException("fingerprint reads a deployed target: set APP_ENV to one (e.g. rehearsal)");
        await using var conn = new NpgsqlConnection(database.ConnectionString());
        await conn.OpenAsync();
        await using (var readOnly = new NpgsqlCommand("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY", conn)) await readOnly.ExecuteNonQueryAsync();
        var referenceSchema = contract.Concept("employee").Schema;
        var reference = new List<string>();
        await using (var tables = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = @schema ORDER BY 1", conn))
        {
            tables.Parameters.AddWithValue("schema", referenceSchema);
            await using var reader = await tables.ExecuteReaderAsync();
            while (await reader.ReadAsync()) reference.Add($"{referenceSchema}.{reader.GetString(0)}");
        }
        foreach (var (table, rows) in reference.Select(r => (r, $"SELECT * FROM {r}"))
                     .Concat(Application.Select(a => (contract.Table(a.Concept), contract.Sql(a.Rows)))))
        {
            await using var cmd = new NpgsqlCommand($"SELECT count(*), coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') FROM ({rows}) t", conn);
            cmd.Parameters.AddWithValue("before", before);
            await using var reader = await cmd.ExecuteReaderAsync();
            await reader.ReadAsync();
            Print(table, reader.GetInt64(0), reader.GetString(1));
        }
        var people = settings.Cast.LowerCaseEmails;
        var uat = $"WITH uat(id) AS ({contract.PeopleByEmailSql("people")})";
        var leftCount = Convert.ToInt64(await ScalarAsync(conn, uat + contract.Sql("""
            SELECT (SELECT count(*) FROM [request] WHERE [request.createdAt] >= @before AND [request.person] IN (SELECT id FROM uat))
                 + (SELECT count(*) FROM [audit] WHERE [audit.at] >= @before AND [audit.actor] IN (SELECT id FROM uat))
                 + (SELECT count(*) FROM [restriction] WHERE [restriction.createdAt] >= @before AND [restriction.addedBy] IN (SELECT id FROM uat))
            """), before, people), System.Globalization.CultureInfo.InvariantCulture);
        Print("uat-rows-left", leftCount);
        if (leftCount > 0)
        {
            // Name what is left, so whoever reads the rehearsal knows which write escaped the clean-up.
            await using var which = Command(conn, uat + contract.Sql("""
                SELECT 'request #' || [request.id] || ' ' || [request.status] || ' by ' || [request.person] || ' at ' || [request.createdAt] FROM [request]
                  WHERE [request.createdAt] >= @before AND [request.person] IN (SELECT id FROM uat)
                UNION ALL SELECT 'audit #' || [audit.id] || ' ' || [audit.action] || ' by ' || [audit.actor] || ' on request ' || coalesce([audit.request]::text, '-') || ' at ' || [audit.at]
                  FROM [audit] WHERE [audit.at] >= @before AND [audit.actor] IN (SELECT id FROM uat)
                UNION ALL SELECT 'restriction #' || [restriction.id] || ' ' || [restriction.ticker] || ' at ' || [restriction.createdAt] FROM [restriction]
                  WHERE [restriction.createdAt] >= @before AND [restriction.addedBy] IN (SELECT id FROM uat)
                """), before, people);
            await using var rows = await which.ExecuteReaderAsync();
            while (await rows.ReadAsync()) Console.Error.WriteLine($"left on the target: {rows.GetString(0)}");
        }
        var othersRequests = contract.Sql($"""
            FROM [request] r WHERE NOT EXISTS (SELECT 1 FROM [contact] c WHERE c.[contact.person] = r.[request.person] AND {contract.Filter("contact", "c")}
                                                AND lower(c.[contact.email]) = ANY(@people))
            """);
        Print("background-requests", await ScalarAsync(conn, contract.Sql($"SELECT count(*) {othersRequests} AND r.[request.createdAt] >= @before"), before, people));
        // Someone who is not a UAT person and has rows to lose: the rehearsal forges journal lines naming them.
        var actorSql = contract.Sql($"SELECT r.[request.person] {othersRequests} AND r.[request.createdAt] < @before GROUP BY r.[request.person] ORDER BY count(*) DESC, r.[request.person] LIMIT 1");
        Print("background-actor", await ScalarAsync(conn, actorSql, before, people) ?? "-");
        if (options.TryGetValue("actor", out var actorText) && int.TryParse(actorText, System.Globalization.CultureInfo.InvariantCulture, out var actor))
        {
            await using var rows = Command(conn, contract.Sql("""
                SELECT (SELECT count(*) FROM [request] WHERE [request.person] = @actor AND [request.createdAt] < @before)
                     + (SELECT count(*) FROM [audit] WHERE [audit.actor] = @actor AND [audit.at] < @before)
                """), before, people);
            rows.Parameters.AddWithValue("actor", actor);
            Print("actor-rows", await rows.ExecuteScalarAsync());
        }
        return 0;
    }

    private static NpgsqlCommand Command(NpgsqlConnection conn, string sql, DateTime before, string[] people)
    {
        var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("before", before);
        cmd.Parameters.AddWithValue("people", people);
        return cmd;
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection conn, string sql, DateTime before, string[] people)
    {
        await using var cmd = Command(conn, sql, before, people);
        return await cmd.ExecuteScalarAsync();
    }
}
