using PadUat.Support.Allure;
using PadUat.Support.Evidence;
using PadUat.Support.Features;
using PadUat.Support.SignOff;
using Xunit;

namespace PadUat.Tests;

/// <summary>The report reads as the plan does: names with their example values, the plan's words on failure, the plan's order.</summary>
public sealed class ReadableReportTests
{
    private static readonly ExpectedTest Row = Results.Expected.Single(t => t.Title.StartsWith("An execution 4 days later at 16:01, approved on a Thursday", StringComparison.Ordinal));

    [Fact]
    public void An_outline_row_is_named_with_its_values_everywhere_and_carries_its_features_description()
    {
        var result = ScenarioResults.Create(new ScenarioDescription(Row.FeatureTitle, Row.FeatureFolder, Row.TitleTemplate, null, Row.Tags, [], Row.Arguments,
            Row.FeatureDescription), "u", "h", "t");
        Assert.DoesNotContain('<', result.Name + result.FullName + result.Labels.Single(l => l.Name == "story").Value);
        Assert.EndsWith("An execution 4 days later at 16:01, approved on a Thursday at 16:00 (1 hour after the manager), is recorded as within two days: no", result.FullName);
        Assert.Equal(Row.TestCaseId, result.TestCaseId);
        Assert.Contains("two business days of compliance's final approval", result.Description);
    }

    [Fact]
    public void A_failed_check_says_what_the_plan_expected_and_what_the_system_did()
    {
        var error = Assert.Throws<CheckFailed>(() => Expect.Equal(false, true, "executed_within_two_days for an execution 60 h after the compliance approval", "the database"));
        Assert.Equal("executed_within_two_days for an execution 60 h after the compliance approval should be false; the database says true", error.Message);
        var lists = Assert.Throws<CheckFailed>(() => Expect.Same(["AAPL", "TSLA"], ["AAPL", "GME"], "The restricted securities", "the database", "the compliance view"));
        Assert.Equal("The restricted securities on the compliance view should be those in the database (2); the compliance view shows 2, missing \"TSLA\", not in the database: \"GME\"", lists.Message);
    }

    [Fact]
    public void Steps_that_were_not_carried_out_are_shown_as_not_run_with_why()
    {
        var writer = new AllureResultsWriter(Results.NewDirectory());
        var evidence = new Evidence(writer);
        var test = ScenarioResults.Create(new ScenarioDescription("F", "features", "S", null, [], [], []), writer.NewUuid(), "h", "t");
        evidence.Begin(test);
        evidence.NotRun(Row.Steps.Skip(3), "not run: an earlier step did not pass");
        evidence.End(AllureStatus.Failed, new CheckFailed("x"));
        Assert.Equal(Row.Steps.Count - 3, test.Steps.Count);
        Assert.All(test.Steps, s => Assert.Equal((AllureStatus.Skipped, "not run: an earlier step did not pass"), (s.Status, s.StatusDetails!.Message)));
        Directory.Delete(writer.Directory, true);
    }

    [Fact]
    public void The_catalogue_knows_every_test_in_the_plans_order()
    {
        Assert.Equal(Enumerable.Range(1, 10), Results.Expected.Where(t => t.Scenario is not null).Select(t => t.Scenario!.Value).Distinct().Order());
        Assert.Contains(Results.Expected, t => t.IsPreflight);
        Assert.All(Results.Expected, t => Assert.DoesNotContain('<', t.Title));
    }

    [Fact]
    public void Every_test_has_a_title_of_its_own_that_names_no_placeholder()
    {
        var twice = Results.Expected.GroupBy(t => t.Title).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"tests sharing a title: {string.Join("; ", twice)}");
        Assert.All(Results.Expected, t => Assert.DoesNotContain('<', t.Title));
    }

    [Fact]
    public void Notes_are_required_to_sign()
    {
        var dir = Results.NewRun();
        Results.Run(dir);
        Assert.Equal("--notes: notes are required (what was accepted, on which release)", Assert.Throws<ArgumentException>(() =>
            SignOffDesk.Sign(Results.Root, dir, Path.Combine(dir, "..", "signoff"), new SignOffRequest(Signers.Pat, "  ", "all"), Signers.Reviewed, DateTime.UtcNow)).Message);
        Results.DeleteRun(dir);
    }
}
