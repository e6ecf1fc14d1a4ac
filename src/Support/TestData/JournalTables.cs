using PadUat.Support.Contract;

namespace PadUat.Support.TestData;

/// <summary>
/// The only kinds of row the harness creates by id, each with the field naming the person a row belongs to; the journal
/// names them by concept, and the target's contract says which table and columns they are. A table never comes from the
/// journal file: a line naming anything else is refused, and a row is deleted only when its owner is one of the UAT people.
/// </summary>
public static class JournalTables
{
    public const string Request = "request";
    public const string Restriction = "restriction";

    private static readonly Dictionary<string, string> OwnerField = new(StringComparer.Ordinal)
    {
        [Request] = "person",
        [Restriction] = "addedBy",
    };

    public static IEnumerable<string> All => OwnerField.Keys;

    public static bool IsKnown(string concept) => OwnerField.ContainsKey(concept);

    /// <summary>The SQL of "which of these ids are rows of the UAT people", for a known concept only.</summary>
    public static string OwnedByQuery(string concept, TargetContract contract) =>
        contract.Sql($"SELECT [{concept}.id] FROM [{concept}] WHERE [{concept}.id] = ANY(@ids) AND [{concept}.{OwnerField[concept]}] = ANY(@people)");

    /// <summary>The SQL of "which of these ids exist at all", for a known concept only.</summary>
    public static string ExistingQuery(string concept, TargetContract contract) =>
        contract.Sql($"SELECT [{concept}.id] FROM [{concept}] WHERE [{concept}.id] = ANY(@ids)");
}
