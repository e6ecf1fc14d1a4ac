using PadUat.Support.Allure;
using PadUat.Support.Evidence;
using Xunit;

namespace PadUat.Tests;

/// <summary>Evidence lands on the step that produced it; failures are sorted into product defects and the rest.</summary>
public sealed class EvidenceTests : IDisposable
{
    private readonly string _dir = Results.NewDirectory();

    private (Evidence Evidence, TestResult Test) Begin()
    {
        var writer = new AllureResultsWriter(_dir);
        var evidence = new Evidence(writer);
        var test = ScenarioResults.Create(new ScenarioDescription("F", "features", "S", null, [], [], []), writer.NewUuid(), "h", "t");
        evidence.Begin(test);
        return (evidence, test);
    }

    [Fact]
    public async Task Driver_steps_nest_inside_the_gherkin_step_and_keep_their_attachments()
    {
        var (evidence, test) = Begin();
        evidence.BeginStep("When the employee asks");
        await evidence.StepAsync("Database: request #1", () => { evidence.Attach("rows", "text/plain", "id | status"); return Task.FromResult(1); });
        evidence.EndStep(AllureStatus.Passed);
        evidence.End(AllureStatus.Passed, null);

        var gherkin = Assert.Single(test.Steps);
        var sql = Assert.Single(gherkin.Steps);
        Assert.Equal("Database: request #1", sql.Name);
        Assert.Equal("id | status", File.ReadAllText(Path.Combine(_dir, Assert.Single(sql.Attachments).Source)));
        Assert.Empty(gherkin.Attachments);
        Assert.True(File.Exists(Path.Combine(_dir, $"{test.Uuid}-result.json")));
    }

    [Theory]
    [InlineData(typeof(CheckFailed), AllureStatus.Failed)]
    [InlineData(typeof(InvalidOperationException), AllureStatus.Broken)]
    [InlineData(typeof(TimeoutException), AllureStatus.Broken)]
    public async Task A_failed_check_is_failed_and_anything_else_is_broken(Type exception, string status)
    {
        var (evidence, test) = Begin();
        var error = (Exception)Activator.CreateInstance(exception, "boom")!;
        await Assert.ThrowsAsync(exception, () => evidence.StepAsync("driver action", () => Task.FromException<int>(error)));
        var step = Assert.Single(test.Steps);
        Assert.Equal(status, step.Status);
        Assert.Equal("boom", step.StatusDetails!.Message);
    }

    [Fact]
    public void A_declared_skip_is_skipped() => Assert.Equal(AllureStatus.Skipped, Evidence.StatusOf(new SkipException("n/a")));

    [Fact]
    public void Ending_closes_open_steps_and_records_the_error()
    {
        var (evidence, test) = Begin();
        evidence.BeginStep("Then it is stored");
        evidence.End(AllureStatus.Failed, new CheckFailed("status was rejected"));
        Assert.Equal(("finished", AllureStatus.Failed, "status was rejected"), (test.Stage, test.Status, test.StatusDetails!.Message));
        Assert.Equal("finished", test.Steps[0].Stage);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed class SkipException(string message) : Exception(message);
}
