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

/// <summary>
/// The checked-in description of the tables the application's models expect
/// (features/00_preflight/schema-contract.json), and the comparison with what the database has.
/// </summary>
public sealed class SchemaContract
{
    private readonly Dictionary<string, Dictionary<string, string>> _tables;

    public IReadOnlyList<string> MigrationJournals { get; }

    private SchemaContract(Dictionary<string, Dictionary<string, string>> tables, IReadOnlyList<string> journals)
    {
        _tables = tables; MigrationJournals = journals;
    }

    public static SchemaContract Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var tables = doc.RootElement.GetProperty("tables").EnumerateObject().ToDictionary(
            t => t.Name, t => t.Value.EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetString()!));
        var journals = doc.RootElement.GetProperty("migration_journals").EnumerateArray().Select(j => j.GetString()!).ToList();
        return new SchemaContract(tables, journals);
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
