using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PadUat.Support.Mutation;

/// <summary>
/// A Stryker.NET run of the UAT (`./uat mutate`), summed over one or more reports (disjoint parts of the code, run side
/// by side): the mutation score per area (workflow, bot, dashboard) and overall, then every mutant the features let
/// live. A survivor declared in mutation/equivalent-mutants.tsv (with why no test could ever see it) is shown as such and
/// not counted; any other survivor is a bug the UAT would let through, and fails the summary. A declaration that no
/// longer matches a survivor (the run tested it and it died, it no longer compiles, or its line is gone) is named stale.
/// </summary>
public static partial class MutationSummary
{
    private sealed record Tally(int Detected, int Survived, int Equivalent, int Total);

    private sealed record Survivor(string File, int At, string Status, string Mutator, string Line, string Replacement, string? Why);

    /// <summary>The summary's lines, and whether every survivor is declared.</summary>
    public static (bool Passed, IReadOnlyList<string> Lines) Summarise(IEnumerable<string> reportJsons, string equivalentsTsv, string equivalentsName)
    {
        var equivalents = ReadEquivalents(equivalentsTsv, equivalentsName);
        var used = new HashSet<string>();
        var (tested, uncompilable, existing, testedFiles) = (new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>());
        var areas = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var survivors = new List<Survivor>();
        foreach (var json in reportJsons)
        {
            using var report = JsonDocument.Parse(json);
            foreach (var file in report.RootElement.GetProperty("files").EnumerateObject())
            {
                var name = SandboxPrefix().Replace(file.Name, "");
                var source = file.Value.GetProperty("source").GetString()!.Split('\n');
                var area = name.Split('/')[0].ToLowerInvariant();
                var t = areas.GetValueOrDefault(area, new Tally(0, 0, 0, 0));
                foreach (var m in file.Value.GetProperty("mutants").EnumerateArray())
                {
                    var at = m.GetProperty("location").GetProperty("start").GetProperty("line").GetInt32();
                    var line = at - 1 < source.Length ? source[at - 1] : "";
                    var (status, mutator) = (m.GetProperty("status").GetString()!, m.GetProperty("mutatorName").GetString()!);
                    var replacement = m.TryGetProperty("replacement", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "";
                    var key = Key(name, line, mutator, replacement);
                    existing.Add(key);
                    if (status == "CompileError") uncompilable.Add(key);
                    if (status is not ("Killed" or "Timeout" or "Survived" or "NoCoverage")) continue;
                    tested.Add(key);
                    testedFiles.Add(name);
                    if (status is "Killed" or "Timeout") { t = t with { Detected = t.Detected + 1, Total = t.Total + 1 }; continue; }
                    var why = equivalents.GetValueOrDefault(key);
                    if (why is not null) used.Add(key);
                    t = why is null ? t with { Survived = t.Survived + 1, Total = t.Total + 1 } : t with { Equivalent = t.Equivalent + 1, Total = t.Total + 1 };
                    survivors.Add(new(name, at, status, mutator, line.Trim(), Spaces().Replace(replacement, " "), why));
                }
                areas[area] = t;
            }
        }
        var lines = new List<string> { "Mutation score of the UAT (mutants the features detect, of those they could):" };
        var all = new Tally(0, 0, 0, 0);
        foreach (var (area, t) in areas.Where(a => a.Value.Total > 0))
        {
            lines.Add(ScoreLine(area, t));
            all = new(all.Detected + t.Detected, all.Survived + t.Survived, all.Equivalent + t.Equivalent, all.Total + t.Total);
        }
        lines.Add(ScoreLine("all", all));
        if (survivors.Count > 0) lines.AddRange(["", "Mutants the features let live:"]);
        foreach (var s in survivors.OrderBy(s => s.File, StringComparer.Ordinal).ThenBy(s => s.At))
            lines.Add($"  {(s.Why is null ? s.Status.PadRight(10) : "equivalent")} {s.File}:{s.At} {s.Mutator}: {Cut(s.Line, 100)}  =>  {Cut(s.Replacement, 80)}" +
                      (s.Why is null ? "" : $"\n             why: {s.Why}"));
        foreach (var key in equivalents.Keys.Where(k => !used.Contains(k) && (tested.Contains(k) || uncompilable.Contains(k) || (testedFiles.Contains(k.Split('\t')[0]) && !existing.Contains(k)))))
            lines.AddRange(["", $"No longer a survivor (remove from {equivalentsName}): {string.Join(": ", key.Split('\t').Take(2))}"]);
        var undeclared = survivors.Count(s => s.Why is null);
        if (undeclared > 0)
            lines.AddRange(["", $"{undeclared} mutant(s) survive that are not declared equivalent: a bug of that shape would pass the UAT." +
                                $" Add a check grounded in the plan, or declare it in {equivalentsName} with why no test can see it."]);
        return (undeclared == 0, lines);
    }

    /// <summary>A mutant by its file, the trimmed line it changes, the mutator and the replacement: stable across edits elsewhere in the file.</summary>
    private static string Key(string file, string line, string mutator, string replacement) =>
        string.Join('\t', file, line.Trim(), mutator, Spaces().Replace(replacement, " ").Trim());

    private static Dictionary<string, string> ReadEquivalents(string tsv, string name)
    {
        var equivalents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in tsv.Split('\n').Where(r => r.Trim().Length > 0 && !r.StartsWith('#')))
        {
            var cells = row.Split('\t');
            if (cells.Length < 5 || cells[4].Length == 0)
                throw new InvalidOperationException($"{name}: every row needs file, source line, mutator, replacement and why: {row}");
            equivalents[Key(cells[0], cells[1], cells[2], cells[3])] = cells[4];
        }
        return equivalents;
    }

    private static string ScoreLine(string area, Tally t) =>
        $"  {area,-10} {Percent(t.Detected, t.Total),8}  ({t.Detected}/{t.Total}; without the {t.Equivalent} declared equivalent: {Percent(t.Detected, t.Total - t.Equivalent)})";

    private static string Percent(int n, int d) => d == 0 ? "n/a" : $"{(100.0 * n / d).ToString("0.0", CultureInfo.InvariantCulture)} %";

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    [GeneratedRegex(@"^.*sandbox/PadSandbox/")]
    private static partial Regex SandboxPrefix();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
