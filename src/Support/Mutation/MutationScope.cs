using System.Text.Json;
using System.Text.RegularExpressions;

namespace PadUat.Support.Mutation;

/// <summary>
/// Which of the stand-in's code one `./uat mutate` tests, as Stryker.NET `--mutate` patterns. The whole is the files
/// mutation/stryker-config.json names; a <b>part</b> (K of N) is a share of those files, whole, balanced by their code
/// lines, so N jobs side by side measure the whole and their reports sum to its score; a <b>sample</b> is lines drawn at
/// random across the whole (a seeded draw), for an estimate of the whole's score and of a full run's length in a fraction
/// of its time. Stryker takes a mutant when a pattern's character span contains it: a sample holds the mutants of one line.
/// </summary>
public static partial class MutationScope
{
    /// <summary>The files the config's mutate patterns take (exclusions applied), relative to the project, in order.</summary>
    public static IReadOnlyList<string> Files(string projectDir, IEnumerable<string> patterns)
    {
        var rules = patterns.Select(p => (Exclude: p.StartsWith('!'), Glob: Glob(p.TrimStart('!')))).ToList();
        return Directory.EnumerateFiles(projectDir, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(projectDir, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Where(f => rules.Any(r => !r.Exclude && r.Glob.IsMatch(f)) && !rules.Any(r => r.Exclude && r.Glob.IsMatch(f)))
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The mutate patterns of mutation/stryker-config.json.</summary>
    public static IReadOnlyList<string> ConfiguredPatterns(string configJson)
    {
        using var config = JsonDocument.Parse(configJson);
        return config.RootElement.GetProperty("stryker-config").GetProperty("mutate").EnumerateArray().Select(p => p.GetString()!).ToList();
    }

    /// <summary>Part <paramref name="part"/> of <paramref name="parts"/>: whole files, the largest first into the lightest part.</summary>
    public static IReadOnlyList<string> Part(string projectDir, IReadOnlyList<string> files, int part, int parts)
    {
        if (parts < 1 || part < 1 || part > parts) throw new ArgumentException($"--part {part}/{parts}: K/N with 1 ≤ K ≤ N");
        var load = new int[parts];
        var mine = new List<string>();
        foreach (var (file, lines) in files.Select(f => (f, CodeLines(File.ReadAllText(Path.Combine(projectDir, f))).Count))
                     .OrderByDescending(f => f.Count).ThenBy(f => f.f, StringComparer.Ordinal))
        {
            var lightest = Array.IndexOf(load, load.Min());
            load[lightest] += lines;
            if (lightest == part - 1) mine.Add(Pattern(file));
        }
        return mine;
    }

    /// <summary><paramref name="count"/> code lines drawn at random (seeded) across <paramref name="files"/>, one pattern per file.</summary>
    public static IReadOnlyList<string> Sample(string projectDir, IReadOnlyList<string> files, int count, int seed)
    {
        var drawn = files.SelectMany(f => CodeLines(File.ReadAllText(Path.Combine(projectDir, f))).Select(span => (File: f, Span: span))).ToArray();
        if (count < 1 || count > drawn.Length) throw new ArgumentException($"--sample {count}: between 1 and the {drawn.Length} code lines of the mutated files");
        new Random(seed).Shuffle(drawn);
        return drawn.Take(count).GroupBy(l => l.File).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Pattern(g.Key) + string.Concat(g.OrderBy(l => l.Span.Start).Select(l => $"{{{l.Span.Start}..{l.Span.End}}}"))).ToList();
    }

    /// <summary>
    /// The character spans (as Stryker counts them: the text as read, without a byte-order mark) of the lines that hold code:
    /// not blank, not a comment, a using, an attribute or a lone brace — lines where no mutant can be.
    /// </summary>
    public static IReadOnlyList<(int Start, int End)> CodeLines(string text)
    {
        var spans = new List<(int, int)>();
        for (var start = 0; start < text.Length;)
        {
            var end = text.IndexOf('\n', start) is var n and >= 0 ? n : text.Length;
            var line = text[start..end].Trim();
            if (line.Length > 0 && !NotCode().IsMatch(line)) spans.Add((start, end));
            start = end + 1;
        }
        return spans;
    }

    private static string Pattern(string file) => $"**/{file}";

    private static Regex Glob(string pattern) => new("^" + Regex.Escape(pattern).Replace(@"\*\*/", "(.*/)?").Replace(@"\*", "[^/]*") + "$");

    [GeneratedRegex(@"^(//|using |namespace |\[|[{}();,\]]+$|#)")]
    private static partial Regex NotCode();
}
