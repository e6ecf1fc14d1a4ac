using System.Diagnostics;
using PadUat.Support.Allure;

namespace PadUat.Support.Evidence;

/// <summary>
/// What one scenario did and saw, as Allure steps: the Gherkin steps, and inside each the driver actions with
/// their SQL, Slack transcripts and screenshots. Drivers write here; the report reads it. Attachments land on
/// the innermost open step, so they belong to the step that produced them.
/// </summary>
public sealed class Evidence(AllureResultsWriter writer)
{
    private readonly Stack<ExecutableItem> _open = new();
    private readonly ExecutableItem _detached = new StepResult { Name = "(no scenario)" };

    private ExecutableItem Current => _open.Count > 0 ? _open.Peek() : _detached;

    public void Begin(TestResult test)
    {
        _open.Clear();
        test.Start = AllureResultsWriter.Now();
        _open.Push(test);
    }

    public StepResult BeginStep(string name)
    {
        var step = new StepResult { Name = name, Start = AllureResultsWriter.Now() };
        Current.Steps.Add(step);
        _open.Push(step);
        return step;
    }

    public void EndStep(string status, Exception? error = null)
    {
        if (_open.Count == 0 || _open.Peek() is not StepResult step) return;
        _open.Pop();
        Finish(step, status, error);
    }

    public async Task<T> StepAsync<T>(string name, Func<Task<T>> action)
    {
        BeginStep(name);
        try
        {
            var result = await action();
            EndStep(AllureStatus.Passed);
            return result;
        }
        catch (Exception e)
        {
            EndStep(StatusOf(e), e);
            throw;
        }
    }

    public Task StepAsync(string name, Func<Task> action) => StepAsync(name, async () => { await action(); return true; });

    /// <summary>Steps that were not carried out, shown as such with why (after a failure, or nothing to capture).</summary>
    public void NotRun(IEnumerable<string> names, string why)
    {
        foreach (var name in names)
        {
            var now = AllureResultsWriter.Now();
            Current.Steps.Add(new StepResult { Name = name, Status = AllureStatus.Skipped, Stage = "finished", Start = now, Stop = now, StatusDetails = new StatusDetails(why, null) });
        }
    }

    /// <summary>A label on the scenario's result (e.g. why it does not apply to this target).</summary>
    public void Label(string name, string value)
    {
        if (_open.LastOrDefault() is TestResult test) test.Labels.Add(new Label(name, value));
    }

    public void Attach(string name, string mimeType, string content) => Current.Attachments.Add(writer.Attach(name, mimeType, content));

    public void Attach(string name, string mimeType, byte[] content) => Current.Attachments.Add(writer.Attach(name, mimeType, content));

    /// <summary>Names the harness's own steps before the scenario's: moved to its set-up when the result is written.</summary>
    public const string SetUp = "Before the scenario: ";
    /// <summary>Names the harness's own steps after the scenario's: moved to its tear-down when the result is written.</summary>
    public const string TearDown = "After the scenario: ";

    /// <summary>
    /// Closes every open step and the test, and writes the result file: the scenario's own steps in the result, the
    /// harness's set-up and tear-down (the database clock, screenshots of a failure, the clean-up) beside it as fixtures,
    /// so the report's text is the scenario's and the mechanics are folded away, still there to open.
    /// </summary>
    public TestResult? End(string status, Exception? error)
    {
        while (_open.Count > 1) EndStep(status == AllureStatus.Passed ? AllureStatus.Passed : AllureStatus.Broken);
        if (_open.Count == 0 || _open.Pop() is not TestResult test) return null;
        Finish(test, status, error);
        var befores = Fixtures(test.Steps.TakeWhile(s => s.Name.StartsWith(SetUp, StringComparison.Ordinal)).ToList(), SetUp);
        test.Steps.RemoveRange(0, befores.Count);
        var afters = Fixtures(test.Steps.AsEnumerable().Reverse().TakeWhile(s => s.Name.StartsWith(TearDown, StringComparison.Ordinal)).Reverse().ToList(), TearDown);
        test.Steps.RemoveRange(test.Steps.Count - afters.Count, afters.Count);
        if (befores.Count + afters.Count > 0)
            writer.WriteContainer(new TestResultContainer
            {
                Uuid = writer.NewUuid(), Name = test.Name, Children = [test.Uuid], Befores = befores, Afters = afters, Start = test.Start, Stop = test.Stop,
            });
        writer.Write(test);
        return test;
    }

    /// <summary>The steps as fixtures, named without their prefix: "Note the database clock".</summary>
    private static List<StepResult> Fixtures(List<StepResult> steps, string prefix)
    {
        foreach (var step in steps) step.Name = char.ToUpperInvariant(step.Name[prefix.Length]) + step.Name[(prefix.Length + 1)..];
        return steps;
    }

    public static string StatusOf(Exception e) =>
        Outcomes.IsSkip(e) ? AllureStatus.Skipped : Outcomes.IsCheckFailure(e) ? AllureStatus.Failed : AllureStatus.Broken;

    private static void Finish(ExecutableItem item, string status, Exception? error)
    {
        item.Status = status;
        item.Stage = "finished";
        item.Stop = AllureResultsWriter.Now();
        if (error is not null)
            item.StatusDetails = new StatusDetails(error.Message, Demystify(error));
    }

    private static string Demystify(Exception e) => new StackTrace(e, fNeedFileInfo: true).ToString().Trim() is { Length: > 0 } trace
        ? $"{e.GetType().FullName}: {e.Message}\n{trace}"
        : e.ToString();
}
