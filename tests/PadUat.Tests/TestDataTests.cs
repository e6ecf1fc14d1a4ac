using Dapper;
using Npgsql;
using PadUat.Support.TestData;
using Xunit;

namespace PadUat.Tests;

/// <summary>The harness writes only padealing rows it registered, deletes exactly those, and never writes bo_airflow.</summary>
[Collection(SandboxCollection.Name)]
public sealed class TestDataTests(SandboxFixture f)
{
    [Theory]
    [InlineData("INSERT INTO bo_airflow.oracle_employee (id) VALUES (1)")]
    [InlineData("update  bo_airflow.oracle_contact set email = 'x'")]
    [InlineData("DELETE FROM \"bo_airflow\".oracle_position")]
    [InlineData("TRUNCATE bo_airflow.oracle_bloomberg")]
    public void Writes_to_bo_airflow_are_refused(string sql) =>
        Assert.Contains("never writes bo_airflow", Assert.Throws<InvalidOperationException>(() => WriteGuard.Check(sql)).Message);

    [Fact]
    public void Reading_bo_airflow_while_writing_padealing_is_allowed() =>
        WriteGuard.Check("INSERT INTO padealing.restricted_security (security_id) SELECT id FROM bo_airflow.oracle_bloomberg WHERE ticker = 'TSLA'");

    [Fact]
    public void Registering_a_bo_airflow_row_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => new CreatedRows(null).Row("bo_airflow.oracle_contact", 1));

    [Fact]
    public async Task Clean_up_deletes_the_registered_rows_and_nothing_else()
    {
        await using var conn = new NpgsqlConnection(f.Sandbox.AppConnectionString);
        await conn.OpenAsync();
        const string insert = """
            INSERT INTO padealing.restricted_security (security_id, ticker, reason, added_by_id)
            SELECT id, ticker, @reason, 1002 FROM bo_airflow.oracle_bloomberg WHERE ticker = 'KO' RETURNING id
            """;
        var ours = await conn.ExecuteScalarAsync<int>(insert, new { reason = "ours" });
        var theirs = await conn.ExecuteScalarAsync<int>(insert, new { reason = "someone else's" });
        var request = await conn.ExecuteScalarAsync<int>("""
            INSERT INTO padealing.pad_request (employee_id, security_id, direction, quantity, estimated_value, currency, status, insider_info_declaration)
            VALUES (1010, 2001, 'BUY', 1, 1, 'USD', 'pending_manager', true) RETURNING id
            """);
        await conn.ExecuteAsync("INSERT INTO padealing.audit_log (request_id, actor_id, action_type) VALUES (@request, 1010, 'pad_request_submitted')", new { request });

        var created = new CreatedRows(null);
        created.Row(JournalTables.Restriction, ours);
        created.Request(request);
        Assert.Equal(3, await created.DeleteAllAsync(conn, SandboxFixture.Contract));

        Assert.Equal([theirs], await conn.QueryAsync<int>("SELECT id FROM padealing.restricted_security WHERE id IN (@ours, @theirs)", new { ours, theirs }));
        Assert.Equal(0, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM padealing.audit_log WHERE request_id = @request", new { request }));
        await conn.ExecuteAsync("DELETE FROM padealing.restricted_security WHERE id = @theirs", new { theirs });
    }
}
