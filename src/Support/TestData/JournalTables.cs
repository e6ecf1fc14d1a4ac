namespace PadUat.Support.TestData;

/// <summary>
/// The only tables whose rows the harness creates by id, each with the column naming the person a row belongs to.
/// A table name never comes from the journal file: a line naming any other table is refused, and a row is deleted only
/// when that column holds one of the UAT people.
/// </summary>
public static class JournalTables
{
    public const string PadRequest = "padealing.pad_request";
    public const string RestrictedSecurity = "padealing.restricted_security";

    private static readonly Dictionary<string, string> OwnerColumn = new(StringComparer.Ordinal)
    {
        [PadRequest] = "employee_id",
        [RestrictedSecurity] = "added_by_id",
    };

    public static IEnumerable<string> All => OwnerColumn.Keys;

    public static bool IsKnown(string table) => OwnerColumn.ContainsKey(table);

    /// <summary>The SQL of "which of these ids are rows of the UAT people", for a known table only.</summary>
    public static string OwnedByQuery(string table) =>
        $"SELECT id FROM {table} WHERE id = ANY(@ids) AND {OwnerColumn[table]} = ANY(@people)";
}
