using PadUat.Support;
using PadUat.Support.Allure;
using PadUat.Support.Configuration;
using PadUat.Support.Lifecycle;
using PadUat.Support.SignOff;

namespace PadUat.Cli;

public static class Commands
{
    /// <summary>
    /// Before a run: the settings are complete and, for a deployed target, the database, Slack and the dashboard
    /// answer — so a dead dependency is one message, not a timeout per scenario. Local targets start inside the run.
    /// </summary>
    public static async Task<int> CheckAsync(string root)
    {
        var settings = UatSettings.LoadFromProcess(root);
        if (!settings.UsesSandbox)
        {
            await using var run = await UatRun.StartAsync(settings);
            await PadUat.Drivers.TargetSettingsCheck.CheckAsync(run.Target);
        }
        Console.WriteLine($"Settings for '{settings.AppEnv}' are complete (target: {(settings.UsesSandbox ? "local sandbox, started by the run" : "deployed system, reachable; every person's Slack token, the bot's user id and the dashboard's path confirmed")}).");
        return 0;
    }

    /// <summary>The run's one-line summary, from the results the harness wrote.</summary>
    public static int Summary(string resultsDir)
    {
        var run = RunResults.Load(resultsDir);
        int Count(string status) => run.Tests.Count(t => t.Status == status);
        var env = run.Environment.GetValueOrDefault("APP_ENV", "?");
        Console.WriteLine($"UAT against {env}: {Count(AllureStatus.Passed)} passed, {Count(AllureStatus.Failed)} failed, " +
                          $"{Count(AllureStatus.Broken)} broken, {Count(AllureStatus.Skipped)} skipped of {run.Tests.Count}");
        foreach (var (key, what) in new[] { ("Cleanup.left.by.dead.runs", "cleaned up after runs that died"),
                     ("Cleanup.journal.not.acted.on", "clean-up journal lines not acted on (left for a person)"), ("Cleanup.left.by.this.run", "left on the target") })
            if (run.Environment.GetValueOrDefault(key) is { } value && value != "none") Console.WriteLine($"  {what}: {value}");
        foreach (var t in run.Tests.Where(t => t.Status is AllureStatus.Failed or AllureStatus.Broken).OrderBy(t => t.FullName, StringComparer.Ordinal))
            Console.WriteLine($"  {t.Status,-7} {t.FullName}{(t.Parameters.Count > 0 ? $" [{string.Join(", ", t.Parameters.Select(p => p.Value))}]" : "")}: {t.StatusDetails?.Message?.Split('\n')[0]}");
        return run.Tests.Any(t => t.Status is AllureStatus.Failed or AllureStatus.Broken) ? 1 : 0;
    }

    /// <summary>The passed and failed tests of TRX files, summed: "N passed, M failed".</summary>
    public static int TrxCountsOf(IEnumerable<string> files)
    {
        var (passed, failed) = PadUat.Support.Evidence.TrxCounts.Sum(files);
        Console.WriteLine($"{passed} passed, {failed} failed");
        return 0;
    }

    /// <summary>Stryker's reports summed: the score per area and every survivor; exit 1 while a survivor is undeclared.</summary>
    public static int MutationSummaryOf(IEnumerable<string> reports, string equivalents)
    {
        var (passed, lines) = PadUat.Support.Mutation.MutationSummary.Summarise(reports.Select(File.ReadAllText), File.ReadAllText(equivalents), equivalents);
        foreach (var line in lines) Console.WriteLine(line);
        return passed ? 0 : 1;
    }

    /// <summary>For ./uat mutate: the --mutate patterns of a part of the whole (the config's files) or of a sample of its lines, one per line.</summary>
    public static int MutationScopeOf(string root, IReadOnlyDictionary<string, string> options)
    {
        var project = Path.Combine(root, "sandbox", "PadSandbox");
        var files = PadUat.Support.Mutation.MutationScope.Files(project,
            PadUat.Support.Mutation.MutationScope.ConfiguredPatterns(File.ReadAllText(Path.Combine(root, "mutation", "stryker-config.json"))));
        var patterns = options switch
        {
            { Count: 1 } when options.TryGetValue("part", out var part) && part.Split('/') is [var k, var n] =>
                PadUat.Support.Mutation.MutationScope.Part(project, files, Number(k, "--part K"), Number(n, "--part N")),
            { Count: 2 } when options.TryGetValue("sample", out var lines) && options.TryGetValue("seed", out var seed) =>
                PadUat.Support.Mutation.MutationScope.Sample(project, files, Number(lines, "--sample"), int.TryParse(seed, out var s) ? s
                    : throw new ArgumentException($"--seed: '{seed}' is not a whole number")),
            _ => throw new ArgumentException("mutation-scope: --part K/N, or --sample <lines> --seed <n>"),
        };
        foreach (var pattern in patterns) Console.WriteLine(pattern);
        return 0;
    }

    /// <summary>For ./uat shard: the filter running shard <paramref name="shard"/> of <paramref name="shards"/>.</summary>
    public static int ShardFilter(string root, string shard, string shards)
    {
        Console.WriteLine(PadUat.Support.Shards.ShardPlan.Filter(Path.Combine(root, "features"), Number(shard, "shard"), Number(shards, "shards")));
        return 0;
    }

    private static int Number(string text, string what) =>
        int.TryParse(text, out var n) && n > 0 ? n : throw new ArgumentException($"{what}: '{text}' is not a positive whole number");

    /// <summary>For ./uat merge: the shards' results as one run's, under a run id of its own.</summary>
    public static int Merge(string outDir, IReadOnlyList<string> shardDirs)
    {
        var runId = PadUat.Support.Shards.ShardMerge.Merge(shardDirs, outDir, DateTime.UtcNow);
        Console.WriteLine($"Merged {shardDirs.Count} shards into run {runId}: {outDir}");
        return 0;
    }

    /// <summary>
    /// For bench/suite.sh: when the first test started, when the last ended (epoch ms), how many tests ended how, and each
    /// feature's time with the test team it ran through (the results' thread label).
    /// </summary>
    public static int Timings(string resultsDir)
    {
        var tests = RunResults.Load(resultsDir).Tests;
        Console.WriteLine($"first-start-ms {tests.Min(t => t.Start)}");
        Console.WriteLine($"last-stop-ms {tests.Max(t => t.Stop)}");
        Console.WriteLine($"outcome {string.Join(' ', tests.GroupBy(t => t.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}"))}");
        foreach (var feature in tests.GroupBy(t => RunResults.Label(t, "feature")).OrderBy(g => g.Min(t => t.Start)))
            Console.WriteLine($"feature-ms {feature.Sum(t => t.Stop - t.Start),7} {feature.Count(),3} {RunResults.Label(feature.First(), "thread").Replace(' ', '-')} {feature.Key}");
        return 0;
    }

    /// <summary>
    /// Every file under the paths, and every entry of every zip among them, searched for the values of the secrets exported
    /// to this process and for credential shapes. Prints how much it read and where it found what (never a value).
    /// </summary>
    public static int ScanSecrets(IEnumerable<string> paths)
    {
        var values = Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(UatSettings.IsSecret).Select(Environment.GetEnvironmentVariable).OfType<string>().ToList();
        var outcome = PadUat.Support.Evidence.SecretScan.Scan(paths, values);
        foreach (var finding in outcome.Findings) Console.Error.WriteLine($"credential found: {finding.What} in {finding.Where}");
        Console.WriteLine($"{outcome.Findings.Count} credential(s) found in {outcome.Files} file(s), {outcome.Zips} of them zips opened (traces among them)");
        return outcome.Findings.Count == 0 ? 0 : 1;
    }

    public static int SignOff(string root, IReadOnlyDictionary<string, string> options)
    {
        if (options.ContainsKey("by"))
            throw new ArgumentException("--by: the name on a sign-off is the principal env/allowed_signers lists for your --ssh-key, not free text: leave --by out");
        var unknown = options.Keys.Except(["notes", "confirm", "accept-with-exceptions", "ssh-key", "app-results", "critical-bugs", "documentation", "release"]).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}");
        var request = new SignOffRequest(options.GetValueOrDefault("ssh-key"), options.GetValueOrDefault("notes", ""), options.GetValueOrDefault("confirm"),
            options.GetValueOrDefault("accept-with-exceptions"), options.GetValueOrDefault("app-results"), options.GetValueOrDefault("critical-bugs"),
            options.GetValueOrDefault("documentation"), options.GetValueOrDefault("release"));
        var outcome = SignOffDesk.Sign(root, RepoRoot.AllureResults(root), SignOffDir(root), request, AllowedSigners.For(root), DateTime.UtcNow);
        if (outcome.Record is not { } record)
        {
            Console.Error.WriteLine("Refused: this run does not meet the sign-off criteria (plan 5.12):");
            foreach (var reason in outcome.Refusals) Console.Error.WriteLine($"  - {reason}");
            Console.Error.WriteLine("Each reason says what to do: fix the run, or sign knowingly with --accept-with-exceptions \"<scenario, checklist, app-tests, …>: <why>; …\" naming each one you accept.");
            return 1;
        }
        Console.WriteLine($"{record.Verdict} by {record.SignedBy} for run {record.RunId}, SSH-signed; SHA-256 of the record {record.RecordSha256}." +
                          (record.NotARelease is { } why ? $" A rehearsal, not a release sign-off: {why}." : ""));
        Console.WriteLine($"Record: {Path.Combine(SignOffDir(root), SignOffDesk.PageFile)} (and on the report's summary page).");
        return 0;
    }

    public static int VerifySignOff(string root)
    {
        var validity = SignOffDesk.Verify(RepoRoot.AllureResults(root), SignOffDir(root), AllowedSigners.For(root));
        Console.WriteLine(validity);
        return validity.StartsWith("VALID", StringComparison.Ordinal) ? 0 : 1;
    }

    /// <summary>For ./uat when a run or a merge ends: the run's manifest, every result and TRX file by SHA-256.</summary>
    public static int Manifest(string resultsDir, IReadOnlyList<string> trxFiles)
    {
        var manifest = RunManifest.Write(resultsDir, trxFiles, RunManifest.ThisPipeline(), DateTime.UtcNow);
        Console.WriteLine($"Run {manifest.RunId}: {manifest.Files.Count} files in its manifest, {RunManifest.PathFor(resultsDir)}");
        return 0;
    }

    /// <summary>For the nightly: the run's manifest sealed with the pipeline's key, then checked as --verify will check it.</summary>
    public static int Seal(string root, string resultsDir, string key)
    {
        RunSeal.Seal(resultsDir, key);
        var seal = RunSeal.Check(resultsDir, AllowedSigners.For(root));
        Console.WriteLine($"Run {RunManifest.Read(resultsDir)!.RunId}: {seal.Says}");
        return seal.Sealed ? 0 : 1;
    }

    /// <summary>Beside the results it signs: reports/signoff for reports/allure-results, a rehearsal's own for its own (ALLURE_RESULTS_DIR).</summary>
    private static string SignOffDir(string root) => SignOffDesk.DirFor(RepoRoot.AllureResults(root));
}
