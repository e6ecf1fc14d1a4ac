using System.Text.RegularExpressions;

namespace PadUat.Support.Shards;

/// <summary>
/// Which features each of N shards runs, so that CI agents can split one UAT run (a job matrix) and every agent, asked
/// on its own, computes the same split. The features are SpecFlow's generated test classes (features/**/*.feature.cs,
/// written by the build), weighed by their tests and dealt largest first to the lightest shard.
/// </summary>
public static partial class ShardPlan
{
    /// <summary>Each generated feature class with its number of tests (a scenario each, an example row each).</summary>
    public static IReadOnlyList<(string Class, int Tests)> Features(string featuresDir)
    {
        var features = Directory.EnumerateFiles(featuresDir, "*.feature.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => File.ReadAllText(f)).Select(code => (Class: ClassName().Match(code).Groups[1].Value, Tests: Tests().Count(code)))
            .Where(f => f.Class.Length > 0).ToList();
        return features.Count > 0 ? features
            : throw new InvalidOperationException($"{featuresDir} holds no generated features (*.feature.cs): build PadUat first (./uat setup)");
    }

    /// <summary>Each shard's feature classes, shard 1 first.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Split(string featuresDir, int shards)
    {
        if (shards < 1) throw new ArgumentException($"a run is split into 1 or more shards, not {shards}");
        var features = Features(featuresDir);
        var bins = Enumerable.Range(0, shards).Select(_ => (Tests: 0, Classes: new List<string>())).ToList();
        foreach (var feature in features.OrderByDescending(f => f.Tests).ThenBy(f => f.Class, StringComparer.Ordinal))
        {
            var lightest = bins.IndexOf(bins.MinBy(b => b.Tests));
            bins[lightest] = (bins[lightest].Tests + feature.Tests, bins[lightest].Classes.Append(feature.Class).ToList());
        }
        return bins.Select(b => (IReadOnlyList<string>)b.Classes).ToList();
    }

    /// <summary>The dotnet test filter that runs shard <paramref name="shard"/> of <paramref name="shards"/>.</summary>
    public static string Filter(string featuresDir, int shard, int shards)
    {
        if (shard < 1 || shard > shards) throw new ArgumentException($"shard {shard} of {shards}: shards are numbered 1 to {shards}");
        var classes = Split(featuresDir, shards)[shard - 1];
        return classes.Count == 0 ? throw new InvalidOperationException($"shard {shard} of {shards} has no feature: use fewer shards")
            : string.Join('|', classes.Select(c => $"FullyQualifiedName~.{c}."));
    }

    [GeneratedRegex(@"public partial class (\w+Feature)\b")]
    private static partial Regex ClassName();

    // One per scenario, one per example row of an outline.
    [GeneratedRegex(@"\[Xunit\.(SkippableFactAttribute|InlineDataAttribute)\(")]
    private static partial Regex Tests();
}
