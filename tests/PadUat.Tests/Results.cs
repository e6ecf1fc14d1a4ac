using PadUat.Support;
using PadUat.Support.Allure;
using PadUat.Support.Features;

namespace PadUat.Tests;

/// <summary>Builds runs of Allure results for the report and sign-off tests, from what features/ really defines.</summary>
internal static class Results
{
    public static readonly string Root = RepoRoot.Find();
    public static readonly IReadOnlyList<ExpectedTest> Expected = FeatureCatalogue.Load(Root);

    public static string NewDirectory() => Directory.CreateTempSubdirectory("paduat-results-").FullName;

    public static TestResult Write(AllureResultsWriter writer, ExpectedTest test, string status, string? message = null, params Label[] labels)
    {
        var result = ScenarioResults.Create(new ScenarioDescription(test.FeatureTitle, test.FeatureFolder, test.TitleTemplate, null, test.Tags, [], test.Arguments),
            writer.NewUuid(), "host", "1-1");
        result.Status = status;
        result.Stage = "finished";
        result.Start = 1_700_000_000_000;
        result.Stop = 1_700_000_001_000;
        result.Labels.AddRange(labels);
        // The Gherkin steps as the harness writes them, after its own first step: all passed, or the first one as the test
        // ended and the rest not run — what the checklist's coverage reads line by line.
        result.Steps.Add(new StepResult { Name = "Before the scenario: note the database clock", Status = AllureStatus.Passed, Stage = "finished" });
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
    /// A run of every test the features define, each passed unless <paramref name="statusOf"/> says otherwise (null: not run).
    /// </summary>
    public static AllureResultsWriter Run(string dir, string runId = "run-1", Func<ExpectedTest, string?>? statusOf = null)
    {
        var writer = new AllureResultsWriter(dir);
        writer.WriteEnvironment([new("APP_ENV", "local"), new("Run.id", runId), new("Database", "backoffice_db at 127.0.0.1:5432")]);
        foreach (var test in Expected)
            if ((statusOf is null ? AllureStatus.Passed : statusOf(test)) is { } status)
                Write(writer, test, status);
        return writer;
    }
}
