using System.Text.RegularExpressions;

namespace PadUat.Support.TestData;

/// <summary>
/// bo_airflow belongs to another system and is read-only to the app and to us. Every statement the harness
/// writes with passes through here; one that would change bo_airflow is refused before it is sent.
/// </summary>
public static partial class WriteGuard
{
    public const string ReadOnlySchema = "bo_airflow";

    public static void Check(string sql)
    {
        if (WritesReferenceData().IsMatch(sql))
            throw new InvalidOperationException($"Refused: the harness never writes {ReadOnlySchema} (statement: {sql.Trim()})");
    }

    public static void CheckTable(string qualifiedTable)
    {
        if (qualifiedTable.StartsWith(ReadOnlySchema + ".", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Refused: the harness never writes {ReadOnlySchema} (table {qualifiedTable})");
    }

    [GeneratedRegex(@"\b(insert\s+into|update|delete\s+from|truncate(\s+table)?|alter\s+table|drop\s+table|create\s+table|copy)\s+""?bo_airflow""?\s*\.",
        RegexOptions.IgnoreCase)]
    private static partial Regex WritesReferenceData();
}
