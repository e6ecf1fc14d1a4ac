using Dapper;
using Npgsql;

namespace PadUat.Drivers.Probe;

/// <summary>One column as the database's catalogue describes it.</summary>
public sealed record CatalogColumn(string Table, string Column, bool Required);

/// <summary>
/// What the database says about its own tables, read once inside the probe's READ ONLY transaction: columns (and which must
/// be given on insert), the values a CHECK constraint or an enum type allows, the values a column holds, privileges.
/// </summary>
public sealed partial class SchemaCatalog(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    private ILookup<string, CatalogColumn>? _columns;

    public async Task<ILookup<string, CatalogColumn>> ColumnsAsync(IEnumerable<string> schemas) => _columns ??= (await connection.QueryAsync<CatalogColumn>("""
        SELECT table_schema || '.' || table_name AS "Table", column_name AS "Column",
               is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO' AND is_generated = 'NEVER' AS "Required"
        FROM information_schema.columns WHERE table_schema = ANY(@schemas) ORDER BY table_schema, table_name, ordinal_position
        """, new { schemas = schemas.Distinct().ToArray() }, transaction)).ToLookup(c => c.Table);

    /// <summary>The values a column may hold by its CHECK constraints or its enum type; null when nothing constrains them.</summary>
    public async Task<IReadOnlySet<string>?> AllowedValuesAsync(string table, string column)
    {
        var enumLabels = (await connection.QueryAsync<string>("""
            SELECT e.enumlabel FROM pg_attribute a JOIN pg_enum e ON e.enumtypid = a.atttypid
            WHERE a.attrelid = to_regclass(@table) AND a.attname = @column ORDER BY e.enumsortorder
            """, new { table, column }, transaction)).ToHashSet();
        if (enumLabels.Count > 0) return enumLabels;
        var checks = await connection.QueryAsync<string>("""
            SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
            WHERE c.contype = 'c' AND c.conrelid = to_regclass(@table) AND a.attname = @column AND cardinality(c.conkey) = 1
            """, new { table, column }, transaction);
        var listed = checks.SelectMany(def => Literal().Matches(def).Select(m => m.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal))).ToHashSet();
        return listed.Count > 0 ? listed : null;
    }

    /// <summary>Up to <paramref name="limit"/> distinct values the column holds (names come from the contract, checked against the catalogue first).</summary>
    public async Task<IReadOnlySet<string>> HeldValuesAsync(string table, string column, int limit = 100) =>
        (await connection.QueryAsync<string>($"SELECT DISTINCT {Quote(column)}::text FROM {QuoteTable(table)} WHERE {Quote(column)} IS NOT NULL LIMIT {limit}",
            transaction: transaction)).ToHashSet();

    public Task<bool> HasTablePrivilegeAsync(string table, string privilege) =>
        connection.ExecuteScalarAsync<bool>("SELECT has_table_privilege(current_user, @table, @privilege)", new { table, privilege }, transaction);

    public Task<T?> ScalarAsync<T>(string sql, object? args = null) => connection.ExecuteScalarAsync<T?>(sql, args, transaction);

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? args = null) => connection.QueryAsync<T>(sql, args, transaction);

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static string QuoteTable(string table) => string.Join('.', table.Split('.').Select(Quote));

    [System.Text.RegularExpressions.GeneratedRegex("'((?:[^']|'')*)'")]
    private static partial System.Text.RegularExpressions.Regex Literal();
}
