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

    /// <summary>Closes every open step and the test, and writes the result file.</summary>
    public TestResult? End(string status, Exception? error)
    {
        while (_open.Count > 1) EndStep(status == AllureStatus.Passed ? AllureStatus.Passed : AllureStatus.Broken);
        if (_open.Count == 0 || _open.Pop() is not TestResult test) return null;
        Finish(test, status, error);
        writer.Write(test);
        return test;
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
