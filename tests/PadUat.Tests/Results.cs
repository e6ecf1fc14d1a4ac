using PadUat.Support.Allure;

namespace PadUat.Tests;

/// <summary>Builds small runs of Allure results for the report and sign-off tests.</summary>
internal static class Results
{
    public static string NewDirectory() => Directory.CreateTempSubdirectory("paduat-results-").FullName;

    public static TestResult Write(AllureResultsWriter writer, string feature, string title, string status, params string[] tags)
    {
        var result = ScenarioResults.Create(new ScenarioDescription(feature, "features", title, null, tags, [], []), writer.NewUuid(), "host", "1-1");
        result.Status = status;
        result.Stage = "finished";
        result.Start = 1_700_000_000_000;
        result.Stop = 1_700_000_001_000;
        if (status is not AllureStatus.Passed) result.StatusDetails = new StatusDetails($"{title} is {status}", null);
        writer.Write(result);
        return result;
    }

    /// <summary>A run in which all ten UAT scenarios passed, plus one preflight check.</summary>
    public static AllureResultsWriter PassingRun(string dir)
    {
        var writer = new AllureResultsWriter(dir);
        writer.WriteEnvironment([new("APP_ENV", "local"), new("Database", "backoffice_db at 127.0.0.1:5432")]);
        Write(writer, "Preflight", "migrated", AllureStatus.Passed, "preflight", "blocker");
        for (var n = 1; n <= 10; n++) Write(writer, $"Scenario {n}", $"check {n}", AllureStatus.Passed, $"scenario-{n}", "critical");
        return writer;
    }
}
