using PadUat.Cli;
using PadUat.Support;
using PadUat.Support.Configuration;
using PadUat.Support.Lifecycle;

// Every command prints one precise line on error and exits 2 (usage/settings) or 1 (a refusal or a red result).
try
{
    var root = RepoRoot.Find(Directory.GetCurrentDirectory());
    return args switch
    {
        ["check"] => await Commands.CheckAsync(root),
        ["summary", var resultsDir] => Commands.Summary(resultsDir),
        ["fault-matrix", .. var rest] => await FaultMatrixCommand.RunAsync(root, Options.Parse(rest)),
        ["trx-counts", .. var files] => Commands.TrxCountsOf(files),
        ["mutation-summary", .. var paths] when paths.Length >= 2 => Commands.MutationSummaryOf(paths[..^1], paths[^1]),
        ["mutation-scope", .. var rest] => Commands.MutationScopeOf(root, Options.Parse(rest)),
        ["timings", var resultsDir] => Commands.Timings(resultsDir),
        ["report-pages", var resultsDir, var reportDir] => ReportPagesCommand.Write(root, resultsDir, reportDir),
        ["signoff", "--verify"] => Commands.VerifySignOff(root),
        ["signoff", .. var rest] => Commands.SignOff(root, Options.Parse(rest)),
        ["trx-names", var trx] => TrxNames.Rewrite(trx),
        ["manifest", var resultsDir, .. var trxFiles] => Commands.Manifest(resultsDir, trxFiles),
        ["seal", var resultsDir, "--key", var key] => Commands.Seal(root, resultsDir, key),
        ["shard-filter", var shard, var shards] => Commands.ShardFilter(root, shard, shards),
        ["merge", "--out", var outDir, .. var shardDirs] => Commands.Merge(outDir, shardDirs),
        ["scan-secrets", .. var paths] when paths.Length > 0 => Commands.ScanSecrets(paths),
        ["rehearsal-verdict", var facts] => RehearsalCommands.Verdict(facts),
        ["under-way", var resultsDir, .. var rest] => RehearsalCommands.UnderWay(resultsDir, Options.Parse(rest)),
        ["hang-verdict", var factsFile] => RehearsalCommands.HangVerdict(factsFile),
        ["probe", .. var rest] => await ProbeCommand.RunAsync(root, Options.Parse(rest)),
        ["fingerprint", .. var rest] => await TargetFingerprint.RunAsync(root, Options.Parse(rest)),
        ["record-session", .. var rest] => await RecordSessionCommand.RunAsync(root, rest.Contains("--slack"),
            Options.Parse(rest.Where(a => a != "--slack").ToList())),
        _ => Usage(),
    };
}
catch (SettingsError e)
{
    Console.Error.WriteLine($"Settings error — {e.Message}");
    return 2;
}
catch (UnreachableTargetError e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
catch (Exception e) when (e is InvalidOperationException or ArgumentException or DirectoryNotFoundException or PadUat.Drivers.Slack.SlackApiError or HttpRequestException or Npgsql.NpgsqlException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: paduat check
               paduat summary <allure-results dir>
               paduat fault-matrix --features <csproj> --out <dir>   (each sandbox fault against the scenarios that must catch it)
               paduat trx-counts <file.trx>...
               paduat mutation-summary <mutation-report.json>... <equivalent-mutants.tsv>   (./uat mutate's verdict)
               paduat mutation-scope --part K/N | --sample <lines> --seed <n>   (./uat mutate's --mutate patterns: a part, a sample)
               paduat timings <allure-results dir>
               paduat report-pages <allure-results dir> <report dir>   (the page the report opens on, a product owner's minute, and the UAT checklist line by line beside it)
               paduat signoff --ssh-key <private key> --notes "<text>" --confirm all|1-8,10 --app-results <JUnit XML files or folder>
                              --critical-bugs none|"<bug>; …" [--documentation complete] [--release "<release>"]
                              [--accept-with-exceptions "<N|preflight|checklist|app-tests|critical-bugs|documentation>: <why>; …"]
               paduat signoff --verify
               paduat trx-names <file.trx>
               paduat manifest <allure-results dir> <file.trx>...   (the run as it ended, every file by SHA-256)
               paduat seal <allure-results dir> --key <pipeline's private key>   (the nightly's seal over the manifest)
               paduat shard-filter <K> <N>               (the dotnet test filter of shard K of N: its share of the features)
               paduat merge --out <dir> <shard allure-results dir>...   (the shards of one run, one run again)
               paduat scan-secrets <file or dir>...      (exported secrets' values, and credential shapes, also inside zips)
               paduat probe [--contract <name>]         (first contact: every assumption of the target's contract, read only)
               paduat rehearsal-verdict <facts.env>     (the rehearsal's main run, judged)
               paduat under-way <allure-results dir> --at <epoch ms> --what <text> --within <s>
               paduat hang-verdict <facts file>         (the rehearsal's database hang)
               paduat fingerprint --before <ISO time> [--actor N] [--figure NAME]   (APP_ENV: a deployed target)
               paduat record-session --person <person> [--slack] [--out <file>] [--dashboard-url <url>]
        """);
    return 2;
}
