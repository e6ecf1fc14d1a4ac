using System.Diagnostics;
using PadUat.Support.Allure;
using PadUat.Support.Configuration;

namespace PadUat.Support.Lifecycle;

/// <summary>
/// What a product owner needs to know about the run beside its results: the environment it ran against,
/// who ran it where. No secrets. (How failures are sorted — product defect, test defect, infrastructure — is in allurerc.mjs.)
/// </summary>
public static class RunContext
{
    /// <summary>Keys without spaces: Allure 3 splits a properties key at a space even when escaped.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Environment(UatRun run, string browserVersion, string harnessCommit,
        string slackDelivery = "n/a")
    {
        var t = run.Target;
        return
        [
            new("APP_ENV", t.AppEnv),
            new("Run.id", run.RunId),
            // Features ran side by side, one test team each (./uat --teams N): whose requests the report's steps name.
            new("Test.teams", $"{run.Teams.Count}: {string.Join("; ", run.Teams.Select(t => t.Team.ToString()))}"),
            new("Cleanup.left.by.dead.runs", run.Reaped.Count == 0 ? "none"
                : string.Join("; ", run.Reaped.Select(r => $"{r.Rows} row(s) left by run {r.Run} (started {r.StartedUtc:yyyy-MM-dd HH:mm} UTC), deleted"))),
            new("Cleanup.journal.not.acted.on", run.JournalRefused.Count == 0 ? "none" : $"{run.JournalRefused.Count}: {string.Join("; ", run.JournalRefused)}"),
            new("Cleanup.left.by.this.run", run.LeftBehind ?? "none"),
            new("Database", $"{t.Database.Name} at {t.Database.Host}:{t.Database.Port}"),
            new("Database.schema", t.Database.Schema),
            new("Database.user", t.Database.User),
            new("Database.sslmode", t.Database.SslMode),
            new("Migration.current", run.MigrationRevision),
            new("Migration.head.expected", run.Settings.Migration.ToString()),
            new("SUT.version", t.SutVersion),
            new("Sandbox.faults", t.SandboxFaults.Length == 0 ? "n/a (deployed target)" : t.SandboxFaults),
            new("Sandbox.bot.seed", t.BotSeed is { } seed ? $"{seed} (./uat --bot-seed {seed} words the bot's messages the same way again)" : "n/a (deployed target)"),
            new("Slack.web.api", t.Slack.ApiUrl.ToString()),
            new("Slack.bot.messages", slackDelivery),
            new("Dashboard", t.DashboardUrl.ToString()),
            new("Browser", $"Chromium {browserVersion}"),
            new("Harness.commit", harnessCommit),
            new("Run.started.utc", run.StartedUtc.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
        ];
    }

    /// <summary>For the console when the run claims its target: what it cleaned up after dead runs, and each journal line it would not act on.</summary>
    public static IEnumerable<string> CleanupLines(UatRun run) =>
        run.Reaped.Select(dead => $"Cleaned up after run {dead.Run} (started {dead.StartedUtc:yyyy-MM-dd HH:mm} UTC), which died: {dead.Rows} row(s) deleted.")
            .Concat(run.JournalRefused.Select(why => $"Clean-up journal: not acted on, left for a person — {why}"));

    /// <summary>For the console when the run ends: what it leaves on the target for the next run, if anything.</summary>
    public static IEnumerable<string> LeftLines(UatRun run) => run.LeftBehind is { } left ? [$"Left on the target: {left}."] : [];

    public static ExecutorInfo Executor()
    {
        var env = System.Environment.GetEnvironmentVariables();
        if (env["GITHUB_ACTIONS"] is "true")
        {
            var url = $"{env["GITHUB_SERVER_URL"]}/{env["GITHUB_REPOSITORY"]}/actions/runs/{env["GITHUB_RUN_ID"]}";
            return new ExecutorInfo("GitHub Actions", "github", $"{env["GITHUB_WORKFLOW"]} #{env["GITHUB_RUN_NUMBER"]}", url, null);
        }
        if (env["TF_BUILD"] is "True")
            return new ExecutorInfo("Azure Pipelines", "azure", $"{env["BUILD_DEFINITIONNAME"]} {env["BUILD_BUILDNUMBER"]}",
                $"{env["SYSTEM_COLLECTIONURI"]}{env["SYSTEM_TEAMPROJECT"]}/_build/results?buildId={env["BUILD_BUILDID"]}", null);
        var who = $"{System.Environment.UserName}@{System.Environment.MachineName}";
        return new ExecutorInfo(env["CI"] is "true" ? $"CI ({who})" : $"local ({who})", env["CI"] is "true" ? "ci" : "local", null, null, null);
    }

    public static string HarnessCommit(string repoRoot)
    {
        if (System.Environment.GetEnvironmentVariable("PADUAT_COMMIT") is { Length: > 0 } fromEnv) return fromEnv;
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", repoRoot, "rev-parse", "--short", "HEAD"])
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit(5000);
            return git.ExitCode == 0 && commit.Length > 0 ? commit : "unknown";
        }
        catch (System.ComponentModel.Win32Exception) { return "unknown (no git)"; }
    }

    public static void Write(AllureResultsWriter writer, UatRun run, string browserVersion, string repoRoot, string slackDelivery)
    {
        writer.WriteEnvironment(Environment(run, browserVersion, HarnessCommit(repoRoot), slackDelivery));
        writer.WriteExecutor(Executor()); // categories live in allurerc.mjs, where Allure 3 reads them
    }
}
