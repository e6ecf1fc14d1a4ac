using Dapper;
using Npgsql;
using PadUat.Support.Configuration;
using PadUat.Support.TestData;

namespace PadUat.Tests;

/// <summary>Clean-up journals of the sandbox's database for the local UAT people, sealed with a key of the test's own.</summary>
internal sealed class JournalFixture(SandboxFixture f, string dir, DatabaseSettings? database = null)
{
    public const int Alex = 1010, Riley = 1011, Charlie = 1012;
    /// <summary>The local env's UAT people: Alex, Sam (their manager), Jordan (compliance), Riley (colleague).</summary>
    public static readonly IReadOnlySet<int> UatPeople = new HashSet<int> { 1010, 1003, 1002, 1011 };
    public static readonly Cast People = new([new(Roles.Employee, 1, "alex.morgan@paduat.example"), new(Roles.Manager, 1, "sam.rivera@paduat.example"),
        new(Roles.Compliance, 1, "jordan.blake@paduat.example"), new(Roles.Colleague, 1, "riley.fenwick@paduat.example")]);

    public JournalKey Key { get; } = JournalKey.FromBytes("a key of this test's own, 32+ chars long"u8.ToArray());
    public DatabaseSettings Database { get; } = database
        ?? new("127.0.0.1", f.Sandbox.DatabasePort, "backoffice_db", "padealing", "pad_app_user", new Secret(f.Sandbox.AppPassword), "Disable");
    public TargetIdentity Identity => new("dev", Database, People);

    public CleanupJournal Open(string runId, TargetIdentity? identity = null) => CleanupJournal.Open(dir, identity ?? Identity, runId, Key);

    public Task<JournalReview> ReapAsync(NpgsqlConnection conn, string runId) => Open(runId).ReapDeadRunsAsync(conn, SandboxFixture.Contract, UatPeople);

    /// <summary>A line as someone with the key could write it, bypassing the journal's own checks.</summary>
    public void Forge(JournalEntry entry) => File.AppendAllText(Path.Combine(dir, Identity.FileName), JournalCodec.Write(entry, Key) + "\n");

    public void AppendRaw(string text) => File.AppendAllText(Path.Combine(dir, Identity.FileName), text);

    public static async Task<NpgsqlConnection> OpenAsync(SandboxFixture f)
    {
        var conn = new NpgsqlConnection(f.Sandbox.AppConnectionString);
        await conn.OpenAsync();
        return conn;
    }

    public static Task<int> InsertRequestAsync(NpgsqlConnection conn, int employee, DateTime? createdAt = null) => conn.ExecuteScalarAsync<int>("""
        WITH r AS (
            INSERT INTO padealing.pad_request (employee_id, security_id, direction, quantity, estimated_value, currency, status, insider_info_declaration, created_at)
            VALUES (@employee, 2001, 'BUY', 1, 1, 'USD', 'pending_manager', true, coalesce(@createdAt, now())) RETURNING id
        ), a AS (INSERT INTO padealing.audit_log (request_id, actor_id, action_type, "timestamp") SELECT id, @employee, 'pad_request_submitted', coalesce(@createdAt, now()) FROM r)
        SELECT id FROM r
        """, new { employee, createdAt });

    public static Task<long> RowsOfRequestAsync(NpgsqlConnection conn, int request) => conn.ExecuteScalarAsync<long>(
        "SELECT (SELECT count(*) FROM padealing.pad_request WHERE id = @request) + (SELECT count(*) FROM padealing.audit_log WHERE request_id = @request)", new { request });

    public static Task DeleteRequestAsync(NpgsqlConnection conn, int request) =>
        conn.ExecuteAsync("DELETE FROM padealing.audit_log WHERE request_id = @request; DELETE FROM padealing.pad_request WHERE id = @request", new { request });
}
