using System.Globalization;

namespace PadUat.Support.Rehearsal;

/// <summary>
/// `paduat fingerprint`'s output read back: per table its row count and checksum of what the target held before the UAT,
/// plus the figures after a run (UAT rows left, other employees' requests meanwhile).
/// </summary>
public sealed record Fingerprint(IReadOnlyDictionary<string, (long Rows, string Checksum)> Tables, IReadOnlyDictionary<string, string> Figures)
{
    private static readonly string[] FigureNames = ["uat-rows-left", "background-requests", "background-actor", "actor-rows"];

    public static Fingerprint Parse(IEnumerable<string> lines)
    {
        var tables = new Dictionary<string, (long, string)>();
        var figures = new Dictionary<string, string>();
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            var cells = line.Split('\t');
            if (cells.Length != 3) throw new InvalidOperationException($"not a fingerprint line: '{line}'");
            if (FigureNames.Contains(cells[0])) figures[cells[0]] = cells[1];
            else tables[cells[0]] = (long.Parse(cells[1], CultureInfo.InvariantCulture), cells[2]);
        }
        return new(tables, figures);
    }

    public long Figure(string name) => Figures.TryGetValue(name, out var v) && long.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n
        : throw new InvalidOperationException($"the fingerprint has no figure {name}");

    /// <summary>The tables whose rows of before the UAT differ (or that appeared or went) between two fingerprints.</summary>
    public static IReadOnlyList<string> Changed(Fingerprint before, Fingerprint after) =>
        before.Tables.Keys.Union(after.Tables.Keys).Where(t => before.Tables.GetValueOrDefault(t) != after.Tables.GetValueOrDefault(t)).Order(StringComparer.Ordinal).ToList();
}
