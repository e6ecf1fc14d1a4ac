using System.Text.Json;

namespace PadUat.Support.Contract;

/// <summary>Entries read by their dotted path — the bot's wording, the dashboard's elements — where a section is a tree of names.</summary>
public sealed partial class TargetContract
{
    /// <summary>The entry at <paramref name="path"/> ("bot.says.submitted"), or null when the contract has none.</summary>
    public JsonElement? Entry(string path)
    {
        var at = _root;
        foreach (var part in path.Split('.'))
            if (at.ValueKind != JsonValueKind.Object || !at.TryGetProperty(part, out at)) return null;
        return at.ValueKind == JsonValueKind.Null ? null : at;
    }

    /// <summary>
    /// The alternatives at <paramref name="path"/>: a list of strings, or one string. A missing entry ends the scenario
    /// broken, naming it and <paramref name="what"/> it says.
    /// </summary>
    public IReadOnlyList<string> Alternatives(string path, string what) => Entry(path) switch
    {
        { ValueKind: JsonValueKind.String } one => [one.GetString()!],
        { ValueKind: JsonValueKind.Array } many when many.GetArrayLength() > 0 => many.EnumerateArray().Select(e => e.GetString()!).ToList(),
        _ => throw Gap(path, what),
    };

    /// <summary>The names under <paramref name="path"/>, in the file's order (empty when there is no such section).</summary>
    public IReadOnlyList<string> NamesUnder(string path) => Entry(path) is { ValueKind: JsonValueKind.Object } section
        ? section.EnumerateObject().Select(p => p.Name).ToList() : [];
}
