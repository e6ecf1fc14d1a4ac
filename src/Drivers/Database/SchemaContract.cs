using System.Text.Json;

namespace PadUat.Drivers.Database;

public sealed record ColumnDifferences(IReadOnlyList<string> Phantom, IReadOnlyList<string> Unknown, IReadOnlyList<string> WrongType)
{
    public bool None => Phantom.Count == 0 && Unknown.Count == 0 && WrongType.Count == 0;

    public override string ToString() => string.Join("; ", new[]
    {
        Phantom.Count > 0 ? $"phantom (expected by the application, missing in the database): {string.Join(", ", Phantom)}" : null,
        Unknown.Count > 0 ? $"unknown (in the database, not expected by the application): {string.Join(", ", Unknown)}" : null,
        WrongType.Count > 0 ? $"wrong type: {string.Join(", ", WrongType)}" : null,
    }.Where(s => s is not null));
}

/// <summary>A table's unique keys and CHECK-guarded columns: what the contract expects against what the database has.</summary>
public sealed record ConstraintDifferences(IReadOnlyList<string> Missing, IReadOnlyList<string> Unexpected)
{
    public bool None => Missing.Count == 0 && Unexpected.Count == 0;

    public override string ToString() => string.Join("; ", new[]
    {
        Missing.Count > 0 ? $"missing (the application relies on them): {string.Join(", ", Missing)}" : null,
        Unexpected.Count > 0 ? $"unexpected (the application does not know them): {string.Join(", ", Unexpected)}" : null,
    }.Where(s => s is not null));
}

/// <summary>
/// The checked-in description of the tables the application's models expect
/// (targets/(features/00_preflight/schema-contract.json)lt;contract(features/00_preflight/schema-contract.json)gt;.schema.json, named by the target's contract), and the comparison with what the database has.
/// </summary>
public sealed class SchemaContract
{
    private readonly Dictionary<string, Dictionary<string, string>> _tables;
    private readonly Dictionary<string, (string[] Unique, string[] Checked)> _constraints;

    public IReadOnlyList<string> MigrationJournals { get; }
    /// <summary>The application's migration revisions, oldest first — what `alembic history` lists (plan 2.3).</summary>
    public IReadOnlyList<string> Migrations { get; }

    private SchemaContract(Dictionary<string, Dictionary<string, string>> tables, Dictionary<string, (string[], string[])> constraints,
        IReadOnlyList<string> journals, IReadOnlyList<string> migrations)
    {
        _tables = tables; _constraints = constraints; MigrationJournals = journals; Migrations = migrations;
    }

    public static SchemaContract Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var tables = doc.RootElement.GetProperty("tables").EnumerateObject().ToDictionary(
            t => t.Name, t => t.Value.EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetString()!));
        var constraints = doc.RootElement.GetProperty("constraints").EnumerateObject().ToDictionary(t => t.Name, t => (
            Strings(t.Value, "unique"), Strings(t.Value, "checked")));
        return new SchemaContract(tables, constraints, Strings(doc.RootElement, "migration_journals"), Strings(doc.RootElement, "migrations"));
    }

    private static string[] Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var list) ? list.EnumerateArray().Select(j => j.GetString()!).ToArray() : [];

    /// <summary>A table the contract names no constraints for has none beyond its primary key and NOT NULLs.</summary>
    public ConstraintDifferences CompareConstraints(string schema, string table, IReadOnlyList<string> uniqueKeys, IReadOnlyList<string> checkedColumns)
    {
        var (unique, guarded) = _constraints.GetValueOrDefault($"{schema}.{table}", ([], []));
        var expected = unique.Select(u => $"unique ({u})").Concat(guarded.Select(c => $"check on {c}")).ToList();
        var actual = uniqueKeys.Select(u => $"unique ({u})").Concat(checkedColumns.Select(c => $"check on {c}")).ToList();
        return new ConstraintDifferences(expected.Except(actual).ToList(), actual.Except(expected).ToList());
    }

    public bool Describes(string schema, string table) => _tables.ContainsKey($"{schema}.{table}");

    public ColumnDifferences Compare(string schema, string table, IReadOnlyList<ColumnInfo> actual)
    {
        var expected = _tables.TryGetValue($"{schema}.{table}", out var e) ? e
            : throw new ArgumentException($"The schema contract does not describe {schema}.{table}");
        var have = actual.ToDictionary(c => c.Column, c => c.DataType);
        return new ColumnDifferences(
            expected.Keys.Where(c => !have.ContainsKey(c)).ToList(),
            have.Keys.Where(c => !expected.ContainsKey(c)).ToList(),
            expected.Where(c => have.TryGetValue(c.Key, out var t) && t != c.Value).Select(c => $"{c.Key} is {have[c.Key]}, expected {c.Value}").ToList());
    }
}
