using PadUat.Support.Allure;
using PadUat.Support.Features;
using PadUat.Support.SignOff;

namespace PadUat.Support.Checklist;

/// <summary>How a checklist line stands in a run.</summary>
public enum LineState
{
    /// <summary>Every step that checks it ran and passed.</summary>
    Passed,
    /// <summary>A step that checks it failed or broke.</summary>
    Failed,
    /// <summary>A step that checks it did not run (a filtered run, or an earlier step stopped its scenario).</summary>
    NotRun,
    /// <summary>Its scenario does not apply: the target declares the feature absent (scenario 9).</summary>
    NotApplicable,
    /// <summary>No step can check it: the signer confirms it (declared.tsv says why).</summary>
    SignerConfirms,
    /// <summary>A line of the checklist's sign-off, answered when the run is signed.</summary>
    AtSignOff,
    /// <summary>Neither checked nor declared: the sign-off refuses the run.</summary>
    Unaccounted,
}

/// <summary>A step that checks a line, in one test, and how it came out (null: it did not run).</summary>
/// <param name="NotApplicable">Its test was skipped because the target declares the feature absent.</param>
/// <param name="Note">What the feature's mark says of how the step answers the line.</param>
public sealed record CheckingStep(string Test, string Step, string Where, string? Status, string? ResultUuid, bool NotApplicable = false, string? Note = null);

/// <param name="Answered">For a sign-off line once the run is signed: whether the sign-off's answer meets it.</param>
public sealed record CoverageRow(ChecklistLine Line, LineState State, IReadOnlyList<CheckingStep> Steps, string? Why, bool? Answered = null);

/// <summary>
/// The checklist line by line against one run: which steps check each line and how they came out, or who answers it
/// instead and why. What the coverage page shows and what the sign-off refuses on (a line unaccounted for).
/// </summary>
public sealed class ChecklistCoverage
{
    public IReadOnlyList<CoverageRow> Rows { get; }

    private ChecklistCoverage(IReadOnlyList<CoverageRow> rows) => Rows = rows;

    public int Count(LineState state) => Rows.Count(r => r.State == state);

    public int Count(ChecklistLineKind kind) => Rows.Count(r => r.Line.Kind == kind);

    public IEnumerable<CoverageRow> Unaccounted => Rows.Where(r => r.State == LineState.Unaccounted);

    /// <summary>The sign-off's answer on each line answered at sign-off (S1-S18), once this run is signed.</summary>
    public ChecklistCoverage WithSignOff(IReadOnlyDictionary<string, (bool Met, string Answer)> answers) => new(Rows.Select(r =>
        r.State == LineState.AtSignOff && answers.TryGetValue(r.Line.Id, out var a) ? r with { Why = $"Signed: {a.Answer}", Answered = a.Met } : r).ToList());

    public static ChecklistCoverage Load(string repoRoot, RunResults? run) => Load(repoRoot, FeatureCatalogue.Load(repoRoot), run);

    /// <summary>Against the tests already read from features/ (the sign-off reads them once for both its judgements).</summary>
    public static ChecklistCoverage Load(string repoRoot, IReadOnlyList<ExpectedTest> tests, RunResults? run) =>
        Evaluate(UatChecklist.Load(repoRoot), tests, ChecklistDeclarations.Load(repoRoot), run);

    /// <summary>
    /// Judges each line. A mark or declaration naming a line the checklist does not have, or a line both checked and
    /// declared, is an error naming where it is: the page must never count a line twice or a line that is not there.
    /// </summary>
    public static ChecklistCoverage Evaluate(IReadOnlyList<ChecklistLine> checklist, IReadOnlyList<ExpectedTest> tests,
        IReadOnlyList<ChecklistDeclaration> declarations, RunResults? run)
    {
        var known = checklist.Select(l => l.Id).ToHashSet();
        var checks = tests.SelectMany(t => (t.Checks ?? []).Select(c => (Test: t, Check: c))).ToList();
        foreach (var (_, check) in checks.Where(c => !known.Contains(c.Check.LineId)))
            throw new InvalidOperationException($"{check.Where}: checklist {check.LineId} names no line of the checklist ({UatChecklist.File})");
        var declared = new Dictionary<string, ChecklistDeclaration>();
        foreach (var declaration in declarations)
        {
            if (!known.Contains(declaration.LineId))
                throw new InvalidOperationException($"{ChecklistDeclarations.File}: {declaration.LineId} names no line of the checklist");
            if (!declared.TryAdd(declaration.LineId, declaration))
                throw new InvalidOperationException($"{ChecklistDeclarations.File}: {declaration.LineId} is declared twice");
            if (checks.FirstOrDefault(c => c.Check.LineId == declaration.LineId).Check is { } both)
                throw new InvalidOperationException($"{ChecklistDeclarations.File}: {declaration.LineId} is declared, yet {both.Where} checks it: one or the other");
        }

        var rows = checklist.Select(line =>
        {
            var steps = checks.Where(c => c.Check.LineId == line.Id)
                .Select(c => Outcome(c.Test, c.Check, run)).ToList();
            if (steps.Count > 0) return new CoverageRow(line, StateOf(steps), steps, null);
            return declared.TryGetValue(line.Id, out var d)
                ? new CoverageRow(line, d.AnsweredBy == AnsweredBy.Signer ? LineState.SignerConfirms : LineState.AtSignOff, [], d.Why)
                : new CoverageRow(line, LineState.Unaccounted, [], null);
        }).ToList();
        return new ChecklistCoverage(rows);
    }

    private static CheckingStep Outcome(ExpectedTest test, ChecklistCheck check, RunResults? run) => Judged(test, check, run) with { Note = check.Note };

    private static CheckingStep Judged(ExpectedTest test, ChecklistCheck check, RunResults? run)
    {
        var text = test.Steps[check.StepIndex];
        var result = run?.Find(test);
        if (result is null) return new(test.Title, text, check.Where, null, null);
        if (result.Status == AllureStatus.Skipped && result.Labels.Any(l => l.Name == SignOffCriteria.NotApplicableLabel))
            return new(test.Title, text, check.Where, AllureStatus.Skipped, result.Uuid, NotApplicable: true);
        // A result's steps are the Gherkin steps, in order (the harness's own set-up is a fixture beside them); a step is
        // matched by its place and must read as the feature does, so a result from another version of the feature checks nothing.
        var step = result.Steps.ElementAtOrDefault(check.StepIndex);
        var status = step is not null && step.Name == text ? step.Status : null;
        return new(test.Title, text, check.Where, status, result.Uuid);
    }

    private static LineState StateOf(IReadOnlyList<CheckingStep> steps) =>
        steps.Any(s => s.Status is AllureStatus.Failed or AllureStatus.Broken) ? LineState.Failed
        : steps.All(s => s.Status == AllureStatus.Passed) ? LineState.Passed
        : steps.All(s => s.NotApplicable) ? LineState.NotApplicable
        : LineState.NotRun;
}
