using System.Data;
using Dapper;
using Npgsql;
using PadUat.Support.Evidence;
using PadUat.Support.Lifecycle;

namespace PadUat.Drivers.Database;

/// <summary>
/// The harness's read access to the PA-dealing database. Every check runs in a READ ONLY transaction (it
/// cannot change what it checks), and every query with its rows is kept as evidence in the report.
/// </summary>
public sealed class PadDatabase(Target target, Evidence evidence)
{
    static PadDatabase() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    public string ConnectionString { get; } = target.Database.ConnectionString();

    public Task<IReadOnlyList<T>> QueryAsync<T>(string title, string sql, object? args = null) =>
        evidence.StepAsync($"Database: {title}", async () =>
        {
            await using var conn = await OpenAsync();
            await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead);
            await conn.ExecuteAsync("SET TRANSACTION READ ONLY", transaction: tx);
            var rows = (await conn.QueryAsync<T>(sql, args, tx)).ToList();
            await tx.CommitAsync();
            evidence.Attach(title, "text/plain", SqlEvidence.Render(sql, args, rows));
            return (IReadOnlyList<T>)rows;
        });

    public async Task<T?> SingleOrDefaultAsync<T>(string title, string sql, object? args = null) =>
        (await QueryAsync<T>(title, sql, args)).SingleOrDefault();

    public async Task<T> ScalarAsync<T>(string title, string sql, object? args = null) =>
        (await QueryAsync<T>(title, sql, args)).Single();

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        return conn;
    }
}
