using Npgsql;
using PadUat.Support;
using PadUat.Support.Configuration;

namespace PadUat.Cli;

/// <summary>
/// `paduat fingerprint --before &lt;ISO time&gt;`: for the rehearsal, a checksum and row count per table of what the
/// target held before the UAT began — every bo_airflow table whole, and padealing's rows created before that time —
/// plus the rows the UAT people created since (which must be none once the run has cleaned up). Rows the background
/// traffic adds later are not in the fingerprint: they are other people's, created after the time given.
/// </summary>
public static class TargetFingerprint
{
    private static readonly (string Table, string Rows)[] Padealing =
    [
        ("padealing.pad_request", "SELECT * FROM padealing.pad_request WHERE created_at < @before"),
        ("padealing.pad_approval", "SELECT a.* FROM padealing.pad_approval a JOIN padealing.pad_request r ON r.id = a.request_id WHERE r.created_at < @before"),
        ("padealing.pad_execution", "SELECT e.* FROM padealing.pad_execution e JOIN padealing.pad_request r ON r.id = e.request_id WHERE r.created_at < @before"),
        ("padealing.audit_log", "SELECT * FROM padealing.audit_log WHERE created_at < @before"),
        ("padealing.restricted_security", "SELECT * FROM padealing.restricted_security WHERE created_at < @before"),
        ("padealing.compliance_config", "SELECT * FROM padealing.compliance_config"),
        ("padealing.employee_role", "SELECT * FROM padealing.employee_role"),
    ];

    public static async Task<int> RunAsync(string root, IReadOnlyDictionary<string, string> options)
    {
        var before = options.TryGetValue("before", out var b) && DateTime.TryParse(b, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var t)
            ? t : throw new ArgumentException("--before: an ISO time (UTC), e.g. 2026-11-29T10:00:00Z");
        var settings = UatSettings.LoadFromProcess(root);
        var database = settings.Database ?? throw new ArgumentException("fingerprint reads a deployed target: set APP_ENV to one (e.g. rehearsal)");
        await using var conn = new NpgsqlConnection(database.ConnectionString());
        await conn.OpenAsync();
        await using (var readOnly = new NpgsqlCommand("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY", conn)) await readOnly.ExecuteNonQueryAsync();
        var reference = new List<string>();
        await using (var tables = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'bo_airflow' ORDER BY 1", conn))
        await using (var reader = await tables.ExecuteReaderAsync())
            while (await reader.ReadAsync()) reference.Add($"bo_airflow.{reader.GetString(0)}");
        foreach (var (table, rows) in reference.Select(r => (r, $"SELECT * FROM {r}")).Concat(Padealing))
        {
            await using var cmd = new NpgsqlCommand($"SELECT count(*), coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') FROM ({rows}) t", conn);
            cmd.Parameters.AddWithValue("before", before);
            await using var reader = await cmd.ExecuteReaderAsync();
            await reader.ReadAsync();
            Console.WriteLine($"{table}\t{reader.GetInt64(0)}\t{reader.GetString(1)}");
        }
        var people = Roles.All.Select(settings.People.EmailOf).ToArray();
        await using var left = new NpgsqlCommand("""
            WITH uat AS (SELECT employee_id AS id FROM bo_airflow.contact WHERE contact_type = 'email' AND lower(value) = ANY(@people))
            SELECT (SELECT count(*) FROM padealing.pad_request WHERE created_at >= @before AND employee_id IN (SELECT id FROM uat))
                 + (SELECT count(*) FROM padealing.audit_log WHERE created_at >= @before AND actor_id IN (SELECT id FROM uat))
                 + (SELECT count(*) FROM padealing.restricted_security WHERE created_at >= @before AND added_by_id IN (SELECT id FROM uat))
            """, conn);
        left.Parameters.AddWithValue("people", people.Select(p => p.ToLowerInvariant()).ToArray());
        left.Parameters.AddWithValue("before", before);
        var leftCount = Convert.ToInt64(await left.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Console.WriteLine($"uat-rows-left\t{leftCount}\t-");
        if (leftCount > 0)
        {
            // Name what is left, so whoever reads the rehearsal knows which write escaped the clean-up.
            await using var which = new NpgsqlCommand("""
                WITH uat AS (SELECT employee_id AS id FROM bo_airflow.contact WHERE contact_type = 'email' AND lower(value) = ANY(@people))
                SELECT 'pad_request #' || id || ' ' || status || ' by ' || employee_id || ' at ' || created_at FROM padealing.pad_request WHERE created_at >= @before AND employee_id IN (SELECT id FROM uat)
                UNION ALL SELECT 'audit_log #' || id || ' ' || action || ' by ' || actor_id || ' on request ' || coalesce(request_id::text, '-') || ' at ' || created_at FROM padealing.audit_log WHERE created_at >= @before AND actor_id IN (SELECT id FROM uat)
                UNION ALL SELECT 'restricted_security #' || id || ' ' || ticker || ' at ' || created_at FROM padealing.restricted_security WHERE created_at >= @before AND added_by_id IN (SELECT id FROM uat)
                """, conn);
            which.Parameters.AddWithValue("people", people.Select(p => p.ToLowerInvariant()).ToArray());
            which.Parameters.AddWithValue("before", before);
            await using var rows = await which.ExecuteReaderAsync();
            while (await rows.ReadAsync()) Console.Error.WriteLine($"left on the target: {rows.GetString(0)}");
        }
        await using var others = new NpgsqlCommand("""
            SELECT count(*) FROM padealing.pad_request r WHERE r.created_at >= @before AND NOT EXISTS (
                SELECT 1 FROM bo_airflow.contact c WHERE c.employee_id = r.employee_id AND c.contact_type = 'email' AND lower(c.value) = ANY(@people))
            """, conn);
        others.Parameters.AddWithValue("people", people.Select(p => p.ToLowerInvariant()).ToArray());
        others.Parameters.AddWithValue("before", before);
        Console.WriteLine($"background-requests\t{await others.ExecuteScalarAsync()}\t-");
        // Someone who is not a UAT person and has rows to lose: the rehearsal forges journal lines naming them.
        await using var background = new NpgsqlCommand("""
            SELECT r.employee_id FROM padealing.pad_request r WHERE r.created_at < @before AND NOT EXISTS (
                SELECT 1 FROM bo_airflow.contact c WHERE c.employee_id = r.employee_id AND c.contact_type = 'email' AND lower(c.value) = ANY(@people))
            GROUP BY r.employee_id ORDER BY count(*) DESC, r.employee_id LIMIT 1
            """, conn);
        background.Parameters.AddWithValue("people", people.Select(p => p.ToLowerInvariant()).ToArray());
        background.Parameters.AddWithValue("before", before);
        Console.WriteLine($"background-actor\t{await background.ExecuteScalarAsync() ?? "-"}\t-");
        if (options.TryGetValue("actor", out var actorText) && int.TryParse(actorText, System.Globalization.CultureInfo.InvariantCulture, out var actor))
        {
            await using var rows = new NpgsqlCommand("""
                SELECT (SELECT count(*) FROM padealing.pad_request WHERE employee_id = @actor AND created_at < @before)
                     + (SELECT count(*) FROM padealing.audit_log WHERE actor_id = @actor AND created_at < @before)
                """, conn);
            rows.Parameters.AddWithValue("actor", actor);
            rows.Parameters.AddWithValue("before", before);
            Console.WriteLine($"actor-rows\t{await rows.ExecuteScalarAsync()}\t-");
        }
        return 0;
    }
}
