using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using PadUat.Support;
using PadUat.Support.Allure;
using Xunit;

namespace PadUat.Tests;

/// <summary>The results follow Allure's model field by field, and the real Allure 3 CLI renders them with the right counts.</summary>
public sealed class AllureOutputTests : IDisposable
{
    private readonly string _dir = Results.NewDirectory();

    private static TestResult Sample()
    {
        var outline = new ScenarioDescription("Scenario 4 — execution", "features", "An execution is recorded", "why it matters",
            ["scenario-4", "critical", "allure.owner:QA", "allure.issue:PAD-12", "allure.label.layer:e2e"], ["uat-5.5"],
            [new("hours", "30"), new("within", "yes")]);
        var result = ScenarioResults.Create(outline, "00000000-0000-0000-0000-000000000001", "ci-host", "7-1");
        result.Start = 1_700_000_000_000;
        result.Stop = 1_700_000_002_000;
        result.Stage = "finished";
        result.Steps.Add(new StepResult { Name = "Given the employee has a request", Stage = "finished", Start = 1_700_000_000_100, Stop = 1_700_000_000_900 });
        result.Attachments.Add(new Attachment("Slack transcript — employee", "00000000-0000-0000-0000-000000000002-attachment.txt", "text/plain"));
        return result;
    }

    /// <summary>Approval style: on a difference the actual output is written beside the golden file as *.received.json to review.</summary>
    [Fact]
    public void A_result_matches_the_golden_file()
    {
        var golden = Path.Combine("Golden", "execution-result.json");
        var actual = JsonSerializer.Serialize(Sample(), AllureResultsWriter.Json).ReplaceLineEndings().Trim();
        var expected = File.Exists(golden) ? File.ReadAllText(golden).ReplaceLineEndings().Trim() : "";
        if (actual != expected) File.WriteAllText(Path.ChangeExtension(golden, ".received.json"), actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_result_has_every_field_of_allures_model_with_its_type()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(Sample(), AllureResultsWriter.Json))!.AsObject();
        foreach (var field in new[] { "uuid", "historyId", "testCaseId", "name", "fullName", "status", "stage" })
            Assert.Equal(JsonValueKind.String, json[field]!.GetValueKind());
        foreach (var field in new[] { "start", "stop" }) Assert.Equal(JsonValueKind.Number, json[field]!.GetValueKind());
        foreach (var field in new[] { "labels", "links", "parameters", "steps", "attachments" }) Assert.Equal(JsonValueKind.Array, json[field]!.GetValueKind());
        Assert.Contains(json["labels"]!.AsArray(), l => l!["name"]!.GetValue<string>() == "severity" && l["value"]!.GetValue<string>() == "critical");
        Assert.Contains(json["labels"]!.AsArray(), l => l!["name"]!.GetValue<string>() == "owner" && l["value"]!.GetValue<string>() == "QA");
        Assert.Contains(json["labels"]!.AsArray(), l => l!["name"]!.GetValue<string>() == "layer");
        Assert.Equal("issue", json["links"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(["hours", "within"], json["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void Ids_are_stable_across_runs_and_outline_rows_differ_only_in_history()
    {
        ScenarioDescription Row(string v) => new("F", "features", "S", null, [], [], [new("x", v)]);
        var a = ScenarioResults.Create(Row("1"), "u1", "h", "t");
        var b = ScenarioResults.Create(Row("1"), "u2", "h2", "t2");
        var c = ScenarioResults.Create(Row("2"), "u3", "h", "t");
        Assert.Equal((a.TestCaseId, a.HistoryId), (b.TestCaseId, b.HistoryId));
        Assert.Equal(a.TestCaseId, c.TestCaseId);
        Assert.NotEqual(a.HistoryId, c.HistoryId);
    }

    [Fact]
    public async Task Each_render_shows_its_own_run_at_the_printed_path_sorted_into_categories_loading_nothing_from_outside()
    {
        var first = Path.Combine(_dir, "first");
        var writer = new AllureResultsWriter(first);
        foreach (var test in Results.Expected.Take(3)) Results.Write(writer, test, AllureStatus.Passed);
        var second = Path.Combine(_dir, "second");
        writer = new AllureResultsWriter(second);
        string[] statuses = [AllureStatus.Passed, AllureStatus.Passed, AllureStatus.Failed, AllureStatus.Broken, AllureStatus.Skipped];
        foreach (var (test, status) in Results.Expected.Zip(statuses)) Results.Write(writer, test, status);
        var report = Path.Combine(_dir, "report");
        var history = Path.Combine(_dir, "history.jsonl");

        await RenderAsync(first, report, history, newRun: true);
        await RenderAsync(second, report, history, newRun: true);
        await RenderAsync(second, report, history, newRun: false); // a re-render, as after a sign-off

        var stats = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(report, "summary.json")))!["stats"]!;
        Assert.Equal((5, 2, 1, 1, 1), (stats["total"]!.GetValue<int>(), stats["passed"]!.GetValue<int>(), stats["failed"]!.GetValue<int>(),
            stats["broken"]!.GetValue<int>(), stats["skipped"]!.GetValue<int>()));
        Assert.False(Directory.Exists(Path.Combine(report, "awesome")), "a second render was written beside the first");
        Assert.Equal(2, File.ReadAllLines(history).Length); // two runs, three renders
        var categories = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(report, "widgets", "categories.json")))!["nodes"]!.AsObject()
            .Select(n => n.Value!["name"]?.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Product defects", "Test defects", "Not applicable to this target", "Confirmed by this run, by severity" }, categories);
        // Allure's own page is tests.html: index.html is the summary page paduat writes after the render.
        Assert.DoesNotContain("googletagmanager", await File.ReadAllTextAsync(Path.Combine(report, "tests.html")));
        Assert.False(File.Exists(Path.Combine(report, "index.html")));
        // The same run read rule by rule, beside the main report and as self-contained.
        Assert.DoesNotContain("googletagmanager", await File.ReadAllTextAsync(Path.Combine(report, "by-rule", "index.html")));
        var byRule = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(report, "by-rule", "summary.json")))!["stats"]!;
        Assert.Equal(5, byRule["total"]!.GetValue<int>());
    }

    private static async Task RenderAsync(string results, string report, string history, bool newRun)
    {
        var root = RepoRoot.Find();
        Assert.True(File.Exists(Path.Combine(root, "node_modules", ".bin", "allure")), "The Allure CLI is not installed: run ./uat setup (npm ci) first");
        using var process = Process.Start(new ProcessStartInfo("node", [Path.Combine(root, "tools", "render-report.mjs"), results, report, history, .. newRun ? new[] { "--new-run" } : []])
        { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true })!;
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token);
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
