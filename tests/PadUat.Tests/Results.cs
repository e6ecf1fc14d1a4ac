using PadUat.Support;
using PadUat.Support.Allure;
using PadUat.Support.Features;
using PadUat.Support.SignOff;

namespace PadUat.Tests;

/// <summary>Builds runs of Allure results for the report and sign-off tests, from what features/ really defines.</summary>
internal static class Results
{
    public static readonly string Root = RepoRoot.Find();
    public static readonly IReadOnlyList<ExpectedTest> Expected = FeatureCatalogue.Load(Root);

    public static string NewDirectory() => Directory.CreateTempSubdirectory("paduat-results-").FullName;

    /// <summary>A run's results folder in a folder of its own, where its manifest and TRX file go beside it (delete with <see cref="DeleteRun"/>).</summary>
    public static string NewRun()
    {
        var dir = Path.Combine(Directory.CreateTempSubdirectory("paduat-run-").FullName, "allure-results");
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static void DeleteRun(string resultsDir) => Directory.Delete(Path.GetDirectoryName(resultsDir)!, recursive: true);

    /// <summary>
    /// The run ends as ./uat ends it: dotnet test's TRX file (one test per result, its outcome the result's) beside the results,
    /// then the manifest of both. Call again after adding results by hand, as an honest run would have written them.
    /// </summary>
    public static RunManifest End(string resultsDir, string trxName = "uat-local.trx", PipelineRun? pipeline = null)
    {
        var trx = Path.Combine(RunManifest.Folder(resultsDir), "test-results", trxName);
        Directory.CreateDirectory(Path.GetDirectoryName(trx)!);
        var tests = RunResults.Load(resultsDir).Tests;
        static string Outcome(string status) => status switch { AllureStatus.Passed => "Passed", AllureStatus.Skipped => "NotExecuted", _ => "Failed" };
        File.WriteAllText(trx, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results>
            {string.Concat(tests.Select(t => $"<UnitTestResult testName=\"{System.Net.WebUtility.HtmlEncode(t.Name)}\" outcome=\"{Outcome(t.Status)}\" />\n"))}</Results>
            <ResultSummary outcome="Completed"><Counters total="{tests.Count}" passed="{tests.Count(t => t.Status == AllureStatus.Passed)}" failed="{tests.Count(t => t.Status is AllureStatus.Failed or AllureStatus.Broken)}" /></ResultSummary></TestRun>
            """);
        return RunManifest.Write(resultsDir, [trx], pipeline, new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc));
    }

    public static TestResult Write(AllureResultsWriter writer, ExpectedTest test, string status, string? message = null, params Label[] labels)
    {
        var result = ScenarioResults.Create(new ScenarioDescription(test.FeatureTitle, test.FeatureFolder, test.TitleTemplate, null, test.Tags, [], test.Arguments),
            writer.NewUuid(), "host", "1-1");
        result.Status = status;
        result.Stage = "finished";
        result.Start = 1_700_000_000_000;
        result.Stop = 1_700_000_001_000;
        result.Labels.AddRange(labels);
        // The Gherkin steps as the harness writes them (its own set-up a fixture beside them): all passed, or the first one
        // as the test ended and the rest not run — what the checklist's coverage reads line by line.
        result.Steps.AddRange(test.Steps.Select((s, i) => new StepResult
        {
            Name = s, Stage = "finished",
            Status = status == AllureStatus.Passed || status == AllureStatus.Skipped ? status : i == 0 ? status : AllureStatus.Skipped,
        }));
        if (status is not AllureStatus.Passed) result.StatusDetails = new StatusDetails(message ?? $"{test.Title} is {status}", null);
        writer.Write(result);
        return result;
    }

    /// <summary>
    /// The application's own test results as its CI writes them (pytest --junitxml): a file per suite in a new folder, each
    /// with its counts; <paramref name="failing"/> fails one test of that suite.
    /// </summary>
    public static string AppTests(string? failing = null)
    {
        var dir = NewDirectory();
        foreach (var (suite, tests) in new[] { ("unit", 312), ("integration", 48), ("e2e", 17) })
            File.WriteAllText(Path.Combine(dir, $"{suite}.xml"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <testsuites><testsuite name="{suite}" errors="0" failures="{(suite == failing ? 1 : 0)}" skipped="2" tests="{tests}" time="12.3"></testsuite></testsuites>
                """);
        return dir;
    }

    /// <summary>
    /// A run of every test the features define, each passed unless <paramref name="statusOf"/> says otherwise (null: not run),
    /// ended as ./uat ends it (<see cref="End"/>).
    /// </summary>
    public static AllureResultsWriter Run(string dir, string runId = "run-1", Func<ExpectedTest, string?>? statusOf = null, string appEnv = "local")
    {
        var writer = new AllureResultsWriter(dir);
        writer.WriteEnvironment([new("APP_ENV", appEnv), new("Run.id", runId), new("Database", "backoffice_db at 127.0.0.1:5432"),
            new("SUT.version", appEnv == "local" ? "pa-dealing-sandbox 1.0" : "pa-dealing 2.3.0"), new("Harness.commit", "abc1234")]);
        foreach (var test in Expected)
            if ((statusOf is null ? AllureStatus.Passed : statusOf(test)) is { } status)
                Write(writer, test, status);
        End(dir);
        return writer;
    }
}
