using PadUat.Support.Allure;
using PadUat.Support.SignOff;

namespace PadUat.Support.Shards;

/// <summary>
/// The shards of one run made one run again: their Allure results side by side in one folder, under one run id that a
/// sign-off binds to, with each shard's id, team and clean-up kept. Refused, naming the files, when the shards are not
/// of one run (another env, harness or system version), or when a test ran in two shards — the merged report must
/// count every test exactly once.
/// </summary>
public static class ShardMerge
{
    /// <summary>Environment keys every shard must agree on: the same run of the same harness against the same system.</summary>
    private static readonly string[] SameInEveryShard = ["APP_ENV", "Database", "SUT.version", "Harness.commit", "Migration.current"];

    /// <summary>Environment keys each shard has its own of, kept side by side in the merged run's.</summary>
    private static readonly string[] PerShard = ["Test.teams", "Cleanup.left.by.dead.runs", "Cleanup.journal.not.acted.on", "Cleanup.left.by.this.run", "Slack.bot.messages"];

    /// <summary>The merged run in <paramref name="outDir"/>, its shards' TRX files in test-results/ beside it, and its manifest.</summary>
    public static string Merge(IReadOnlyList<string> shardDirs, string outDir, DateTime nowUtc)
    {
        if (shardDirs.Count < 2) throw new ArgumentException("merge needs the results of two or more shards");
        var shards = shardDirs.Select(RunResults.Load).ToList();
        // Each shard as its agent left it: a shard edited on its way to the merge is refused, not merged into a run.
        var manifests = shards.Select(s => RunManifest.Read(s.Directory)).ToList();
        foreach (var (shard, manifest) in shards.Zip(manifests))
            if (RunIntegrity.Problems(shard, manifest) is [var first, ..] problems)
                throw new InvalidOperationException($"The shard in {shard.Directory} is not as it ended: {first}{(problems.Count > 1 ? $" (and {problems.Count - 1} more)" : "")}");
        foreach (var key in SameInEveryShard)
        {
            var values = shards.Select(s => s.Environment.GetValueOrDefault(key, "")).Distinct().ToList();
            if (values.Count > 1)
                throw new InvalidOperationException($"The shards are not of one run: their {key} differs ({string.Join(" / ", values)})");
        }
        var ids = shards.Select(s => s.RunId).ToList();
        if (ids.Any(id => id.Length == 0) || ids.Distinct().Count() < ids.Count)
            throw new InvalidOperationException($"Each shard needs a run id of its own: {string.Join(", ", ids.Select(id => id.Length == 0 ? "(none)" : id))}");
        var twice = shards.SelectMany(s => s.Tests.Select(t => (Shard: s.RunId, Key: RunResults.Identity(t), t.Name)))
            .GroupBy(t => t.Key).Where(g => g.Count() > 1).ToList();
        if (twice.Count > 0)
            throw new InvalidOperationException($"{twice.Count} test(s) ran in more than one shard, e.g. \"{twice[0].First().Name}\" in {string.Join(" and ", twice[0].Select(t => t.Shard))}: " +
                                                "give every shard the same shard count (./uat shard K/N)");

        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        Directory.CreateDirectory(outDir);
        foreach (var shard in shards)
            foreach (var file in Directory.EnumerateFiles(shard.Directory).Where(f => Path.GetFileName(f) is not ("environment.properties" or "executor.json")))
                File.Copy(file, Path.Combine(outDir, Path.GetFileName(file)), overwrite: false); // uuid-named: a clash is an error
        var executor = Path.Combine(shards[0].Directory, "executor.json");
        if (File.Exists(executor)) File.Copy(executor, Path.Combine(outDir, "executor.json"));

        var runId = $"{nowUtc:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..8]}";
        new AllureResultsWriter(outDir).WriteEnvironment(Environment(shards, runId));
        var trxDir = Path.Combine(RunManifest.Folder(outDir), "test-results");
        Directory.CreateDirectory(trxDir);
        var trx = shards.Zip(manifests).SelectMany(s => s.Second!.Files.Where(f => f.Path.EndsWith(".trx", StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.Combine(RunManifest.Folder(s.First.Directory), f.Path))).ToList();
        if (trx.Select(Path.GetFileName).Distinct().Count() < trx.Count)
            throw new InvalidOperationException($"The shards' TRX files share names ({string.Join(", ", trx.Select(Path.GetFileName))}): name each after its shard (./uat shard K/N does)");
        var copies = trx.Select(f => { var copy = Path.Combine(trxDir, Path.GetFileName(f)); File.Copy(f, copy, overwrite: true); return copy; }).ToList();
        RunManifest.Write(outDir, copies, RunManifest.ThisPipeline(), nowUtc);
        return runId;
    }

    /// <summary>"none" when no shard has any; otherwise each shard's that has, named ("shard 2: 3 row(s) left …").</summary>
    private static string PerShardValue(IReadOnlyList<RunResults> shards, string key)
    {
        var values = shards.Select((s, i) => (Shard: i + 1, Value: s.Environment.GetValueOrDefault(key, "none"))).Where(v => v.Value != "none").ToList();
        return values.Count == 0 ? "none" : string.Join("; ", values.Select(v => $"shard {v.Shard}: {v.Value}"));
    }

    private static IEnumerable<KeyValuePair<string, string>> Environment(IReadOnlyList<RunResults> shards, string runId)
    {
        var first = shards[0].Environment;
        foreach (var (key, value) in first)
        {
            if (key == "Run.id")
            {
                yield return new(key, runId);
                yield return new("Run.shards", string.Join("; ", shards.Select((s, i) => $"shard {i + 1}: run {s.RunId}")));
            }
            else if (PerShard.Contains(key))
                yield return new(key, PerShardValue(shards, key));
            else if (key == "Run.started.utc")
                yield return new(key, shards.Select(s => s.Environment.GetValueOrDefault(key, value)).Order(StringComparer.Ordinal).First());
            else yield return new(key, value);
        }
    }
}
