using PadUat.Support.Allure;
using PadUat.Support.Checklist;
using PadUat.Support.Features;
using PadUat.Support.SignOff;
using Xunit;

namespace PadUat.Tests;

/// <summary>
/// The UAT checklist line by line: read from the checklist itself (120 Confirm lines, 23 validation queries, 18 sign-off
/// lines), each line checked by a marked step or declared, and judged against a run step by step.
/// </summary>
public sealed class ChecklistTests : IDisposable
{
    private readonly string _results = Results.NewDirectory();
    private static readonly IReadOnlyList<ChecklistLine> Checklist = UatChecklist.Load(Results.Root);

    public void Dispose() => Directory.Delete(_results, true);

    [Fact]
    public void The_checklist_has_120_confirm_lines_23_validation_queries_and_18_sign_off_lines_in_its_own_numbering()
    {
        Assert.Equal((120, 23, 18), (Checklist.Count(l => l.Kind == ChecklistLineKind.Confirm),
            Checklist.Count(l => l.Kind == ChecklistLineKind.Query), Checklist.Count(l => l.Kind == ChecklistLineKind.SignOff)));
        Assert.Equal(Checklist.Count, Checklist.Select(l => l.Id).Distinct().Count());
        var line = Checklist.Single(l => l.Id == "1.5b");
        Assert.Equal(("Estimated value calculated correctly", "Step 1.5: Specify Price", 1), (line.Words, line.Section, line.Scenario));
        Assert.Equal("PADRequest status updated to 'pending_compliance_approval'", Checklist.Single(l => l.Id == "2.Vb").Words);
        var query = Checklist.Single(l => l.Id == "3.Q3");
        Assert.Equal("Check all approvals for this request — Expected: 2 rows (manager='approved', compliance='approved')", query.Words);
        Assert.StartsWith("SELECT approver_type, status, comments, approved_at", query.Sql);
        Assert.Equal(("No critical bugs identified", "UAT Sign-Off — Final Validation"), (Checklist.Single(l => l.Id == "S13").Words, Checklist.Single(l => l.Id == "S13").Section));
        Assert.Equal("Scenario 10: Performance Validation", Checklist.Single(l => l.Id == "S10").Words);
    }

    [Fact]
    public void A_mark_that_is_not_a_list_of_line_ids_or_not_right_above_a_step_is_an_error_naming_where_it_is()
    {
        var bad = Write("""
            Feature: F
              Scenario: S
                # checklist 3.4: "Manager received FYI notification"
                Then something
            """);
        Assert.Contains("f.feature:3: a checklist mark lists the lines a step checks", Assert.Throws<InvalidOperationException>(() => Marks(bad)).Message);
        var astray = Write("""
            Feature: F
              # checklist 1.1a
              Scenario: S
                Then something
            """);
        Assert.Contains("f.feature:2: a checklist mark sits right above the step", Assert.Throws<InvalidOperationException>(() => Marks(astray)).Message);
        var good = Write("""
            Feature: F
              Scenario: S
                When one
                # checklist 1.1a, 1.Va — why it is here
                # (a second comment line may follow)
                Then two
            """);
        Assert.Equal([("1.1a", "why it is here"), ("1.Va", "why it is here")], Marks(good)[6]);
    }

    [Fact]
    public void A_mark_naming_a_line_the_checklist_does_not_have_and_a_line_both_checked_and_declared_are_refused()
    {
        var test = Test(new ChecklistCheck("1.4z", 0, "features/x.feature:9"));
        Assert.Equal("features/x.feature:9: checklist 1.4z names no line of the checklist (features/checklist/uat-checklist.md)",
            Assert.Throws<InvalidOperationException>(() => ChecklistCoverage.Evaluate(Checklist, [test], [], null)).Message);
        var checks = Test(new ChecklistCheck("1.4a", 0, "features/x.feature:9"));
        Assert.Contains("1.4a is declared, yet features/x.feature:9 checks it",
            Assert.Throws<InvalidOperationException>(() => ChecklistCoverage.Evaluate(Checklist, [checks], [new("1.4a", AnsweredBy.Signer, "why")], null)).Message);
    }

    [Fact]
    public void A_line_stands_as_its_checking_steps_came_out_and_unchecked_undeclared_lines_are_unaccounted_for()
    {
        var test = Test(new ChecklistCheck("1.1b", 1, "features/x.feature:4"), new ChecklistCheck("1.2a", 2, "features/x.feature:5"), new ChecklistCheck("1.2b", 3, "features/x.feature:6"));
        var writer = new AllureResultsWriter(_results);
        writer.WriteEnvironment([new("Run.id", "run-1")]);
        var result = Results.Write(writer, test, AllureStatus.Failed);
        result.Steps.Clear();
        result.Steps.AddRange([Step("Given zero", AllureStatus.Passed),
            Step("When one", AllureStatus.Passed), Step("Then two", AllureStatus.Failed), Step("And three", AllureStatus.Skipped)]);
        writer.Write(result);

        var coverage = ChecklistCoverage.Evaluate(Checklist, [test], [new("1.1a", AnsweredBy.Signer, "a person's eye")], RunResults.Load(_results));
        Assert.Equal(LineState.SignerConfirms, State(coverage, "1.1a"));
        Assert.Equal(LineState.Passed, State(coverage, "1.1b"));
        Assert.Equal(LineState.Failed, State(coverage, "1.2a"));
        Assert.Equal(LineState.NotRun, State(coverage, "1.2b"));
        Assert.Equal(LineState.Unaccounted, State(coverage, "1.3a"));
        Assert.Equal(LineState.NotRun, State(ChecklistCoverage.Evaluate(Checklist, [test], [], null), "1.1b"));

        var page = ChecklistPage.Render(coverage, "run-1", uuid => $"../tests.html#{uuid}");
        Assert.Contains($"href=\"../tests.html#{result.Uuid}\"", page);
        Assert.Contains("data-testid=\"count-unaccounted\">" + (Checklist.Count - 4), page);
    }

    [Fact]
    public void Every_mark_in_the_features_names_a_line_of_the_checklist_and_every_declaration_one_no_step_checks()
    {
        var coverage = ChecklistCoverage.Load(Results.Root, null);
        Assert.Equal(Checklist.Count, coverage.Rows.Count);
        Assert.All(coverage.Rows.Where(r => r.Line.Kind == ChecklistLineKind.SignOff), r => Assert.Equal(LineState.AtSignOff, r.State));
    }

    private static LineState State(ChecklistCoverage coverage, string id) => coverage.Rows.Single(r => r.Line.Id == id).State;

    private static StepResult Step(string name, string status) => new() { Name = name, Status = status, Stage = "finished" };

    private static ExpectedTest Test(params ChecklistCheck[] checks) =>
        new("Scenario 1 — F", "features", null, "S", [], ["scenario-1"], ["Given zero", "When one", "Then two", "And three"], checks);

    private string Write(string feature)
    {
        var path = Path.Combine(_results, "f.feature");
        File.WriteAllText(path, feature);
        return path;
    }

    private static Dictionary<long, List<(string Id, string? Note)>> Marks(string path) =>
        ChecklistMarks.Read(new Gherkin.Parser().Parse(path), "f.feature");
}
