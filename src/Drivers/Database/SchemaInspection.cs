using System.Text.RegularExpressions;

namespace PadUat.Drivers.Database;

/// <summary>What the application user may do in its own schema and on one reference table (plan 1.2).</summary>
public sealed record SchemaPrivileges(string User, string AppSchema, string ReferenceTable, bool AppUsage, bool AppCreate, bool ReferenceUsage,
    bool ReferenceSelect, bool ReferenceInsert, bool ReferenceUpdate)
{
    public string ReferenceSchema => ReferenceTable.Split('.')[0];
}

public sealed record ColumnInfo(string Column, string DataType);

public sealed record ForeignKey(string ConstraintName, string TableName, string ColumnName, string ForeignSchema, string ForeignTableName,
    string ForeignColumnName);

public sealed record IndexInfo(string TableName, string IndexName, string IndexDef)
{
    /// <summary>The indexed columns, read from the definition's last parenthesis: "… USING btree (status)" → [status].</summary>
    public IReadOnlyList<string> Columns => Regex.Match(IndexDef, @"\(([^()]*)\)[^()]*$") is { Success: true } m
        ? m.Groups[1].Value.Split(',').Select(c => c.Trim().Trim('"')).ToList()
        : [];
}

/// <summary>The plan's phase 1–3 checks: privileges, tables, row counts, columns, keys, indexes, migration revision.</summary>
public sealed partial class SchemaInspection(PadDatabase db, Support.Contract.TargetContract contract)
{
    /// <summary>The application's schema and the reference table are the contract's (the request's schema, the employee table).</summary>
    public Task<SchemaPrivileges> PrivilegesAsync() =>
        db.ScalarAsync<SchemaPrivileges>("privileges of the application user (plan 1.2)", """
            SELECT current_user AS user, @app AS app_schema, @reference AS reference_table,
                   has_schema_privilege(current_user, @app, 'USAGE') AS app_usage,
                   has_schema_privilege(current_user, @app, 'CREATE') AS app_create,
                   has_schema_privilege(current_user, split_part(@reference, '.', 1), 'USAGE') AS reference_usage,
                   has_table_privilege(current_user, @reference, 'SELECT') AS reference_select,
                   has_table_privilege(current_user, @reference, 'INSERT') AS reference_insert,
                   has_table_privilege(current_user, @reference, 'UPDATE') AS reference_update
            """, new { app = contract.Concept("request").Schema, reference = contract.Table("employee") });

    public Task<string> ServerVersionAsync() => db.ScalarAsync<string>("server version", "SELECT version()");

    public Task<IReadOnlyList<string>> TablesAsync(string schema) =>
        db.QueryAsync<string>($"tables in {schema}", """
            SELECT table_name FROM information_schema.tables WHERE table_schema = @schema AND table_type = 'BASE TABLE' ORDER BY table_name
            """, new { schema });

    public async Task<long> RowCountAsync(string schema, string table)
    {
        if (!Identifier().IsMatch(schema) || !Identifier().IsMatch(table))
            throw new ArgumentException($"Not a plain identifier: {schema}.{table}");
        return await db.ScalarAsync<long>($"row count of {schema}.{table}", $"SELECT count(*) FROM {schema}.{table}");
    }

    public Task<IReadOnlyList<ColumnInfo>> ColumnsAsync(string schema, string table) =>
        db.QueryAsync<ColumnInfo>($"columns of {schema}.{table}", """
            SELECT column_name AS column, data_type FROM information_schema.columns
            WHERE table_schema = @schema AND table_name = @table ORDER BY ordinal_position
            """, new { schema, table });

    /// <summary>
    /// Plan 3.4's foreign keys, read from pg_catalog: the plan's information_schema query only shows constraints
    /// on tables the current role owns, so it cannot see keys into the reference schema when run as the application user.
    /// </summary>
    public Task<IReadOnlyList<ForeignKey>> ForeignKeysAsync(string schema) =>
        db.QueryAsync<ForeignKey>($"foreign keys in {schema} (plan 3.4)", """
            SELECT c.conname AS constraint_name, cl.relname AS table_name, a.attname AS column_name,
                   fn.nspname AS foreign_schema, fcl.relname AS foreign_table_name, fa.attname AS foreign_column_name
            FROM pg_constraint c
            JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
            JOIN pg_class fcl ON fcl.oid = c.confrelid JOIN pg_namespace fn ON fn.oid = fcl.relnamespace
            CROSS JOIN LATERAL unnest(c.conkey, c.confkey) AS k(col, fcol)
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col
            JOIN pg_attribute fa ON fa.attrelid = c.confrelid AND fa.attnum = k.fcol
            WHERE c.contype = 'f' AND n.nspname = @schema
            ORDER BY cl.relname, a.attname
            """, new { schema });

    public Task<IReadOnlyList<IndexInfo>> IndexesAsync(string schema) =>
        db.QueryAsync<IndexInfo>($"indexes in {schema} (plan 3.4)", """
            SELECT tablename AS table_name, indexname AS index_name, indexdef AS index_def
            FROM pg_indexes WHERE schemaname = @schema ORDER BY tablename, indexname
            """, new { schema });

    /// <summary>
    /// The table's unique keys other than its primary key, constraints and unique indexes alike, each as its key
    /// columns or expressions ("request_id, approval_type", "lower(value)").
    /// </summary>
    public Task<IReadOnlyList<string>> UniqueKeysAsync(string schema, string table) =>
        db.QueryAsync<string>($"unique keys of {schema}.{table}", """
            SELECT (SELECT string_agg(pg_get_indexdef(i.indexrelid, k, true), ', ' ORDER BY k) FROM generate_series(1, i.indnkeyatts) AS k)
            FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = @schema AND t.relname = @table AND i.indisunique AND NOT i.indisprimary
            ORDER BY 1
            """, new { schema, table });

    /// <summary>The columns a CHECK constraint of the table guards.</summary>
    public Task<IReadOnlyList<string>> CheckedColumnsAsync(string schema, string table) =>
        db.QueryAsync<string>($"columns under a CHECK constraint in {schema}.{table}", """
            SELECT DISTINCT a.attname::text
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
            WHERE c.contype = 'c' AND n.nspname = @schema AND t.relname = @table
            ORDER BY 1
            """, new { schema, table });

    /// <summary>Whether this connection is encrypted, as the server sees it (plan 1.1's SSL settings).</summary>
    public Task<bool> ConnectionEncryptedAsync() =>
        db.ScalarAsync<bool>("is this connection encrypted (pg_stat_ssl)", "SELECT coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)");

    /// <summary>The revision Alembic (or the app's migrator) last recorded; null when the table is missing or empty.</summary>
    public async Task<string?> MigrationRevisionAsync()
    {
        var table = contract.Table("migration");
        var exists = await db.ScalarAsync<bool>($"{table} exists", "SELECT to_regclass(@table) IS NOT NULL", new { table });
        return exists ? await db.SingleOrDefaultAsync<string>("current migration revision (plan 2.3)",
            contract.Sql("SELECT [migration.revision] FROM [migration]")) : null;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex Identifier();
}
