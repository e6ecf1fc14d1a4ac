using System.Runtime.ExceptionServices;
using BoDi;
using PadUat.Drivers.Dashboard;
using PadUat.Drivers.Database;
using PadUat.Drivers.Slack;
using PadUat.Drivers.TestData;
using PadUat.Support;
using PadUat.Support.Allure;
using PadUat.Support.Evidence;
using PadUat.Support.Lifecycle;
using TechTalk.SpecFlow;

namespace PadUat.Hooks;

/// <summary>
/// Per scenario: give the drivers their run-wide parts, record every Gherkin step as an Allure step, and
/// afterwards save failure artefacts, attach Slack transcripts, delete the scenario's rows and write the result.
/// </summary>
[Binding]
public sealed class ScenarioHooks(IObjectContainer container, ScenarioContext scenario, FeatureContext feature)
{
    private Evidence Evidence => container.Resolve<Evidence>();
    private int _gherkinStepsBegun;
    private FirmLock.Held? _firm;

    [BeforeScenario(Order = 0)]
    public async Task BeginAsync()
    {
        var evidence = new Evidence(RunHooks.Results);
        container.RegisterInstanceAs(evidence);
        // The report's timeline has a row per team: which features ran side by side, and through whom.
        evidence.Begin(ScenarioResults.Create(Describe(), RunHooks.Results.NewUuid(), Environment.MachineName,
            feature.TryGetValue(out TeamSession leased) ? leased.Claimed.Team.Name : $"{Environment.ProcessId}-{Environment.CurrentManagedThreadId}"));
        if (RunHooks.StartupError is { } error) ExceptionDispatchInfo.Throw(error);

        var run = RunHooks.Run!;
        // The feature's team: the people the scenario's words name, and their browser, Slack and journal.
        var team = feature.Get<TeamSession>();
        container.RegisterInstanceAs(run);
        container.RegisterInstanceAs(run.Target);
        container.RegisterInstanceAs(run.Settings);
        container.RegisterInstanceAs(team.Claimed.Team.People);
        container.RegisterInstanceAs(run.Contract);
        container.RegisterInstanceAs(RunHooks.Browser!);
        container.RegisterInstanceAs(team.Slack);
        container.RegisterInstanceAs(team.Claimed.Journal);
        // After the registrations: the scenario's end still resolves its drivers to write its result.
        if (run.Health.Tripped is { } hung) throw new TargetStoppedAnswering($"Not run: {hung}. The run ends its remaining scenarios at once.");
        // Beside other teams' scenarios, alone when it is tagged @firm-wide, and neither when its feature holds the firm alone.
        if (feature.TryGetValue(RunHooks.FirmRefusal, out Exception refused)) ExceptionDispatchInfo.Throw(refused);
        if (!feature.TryGetValue(out FirmLock.Held _))
        {
            var alone = scenario.ScenarioInfo.Tags.Contains(RunHooks.FirmWideTag);
            RunHooks.Firm!.Enter(alone);
            try { _firm = await RunHooks.Firm.TakeAsync(team.Claimed.Lock, alone); }
            catch
            {
                RunHooks.Firm.Leave(alone);
                throw;
            }
        }
        evidence.BeginStep($"{Support.Evidence.Evidence.SetUp}note the database clock");
        container.Resolve<ScenarioClock>().Start = await container.Resolve<PadRecords>().DatabaseNowAsync();
        evidence.EndStep(AllureStatus.Passed);
    }

    [BeforeStep]
    public void BeginStep()
    {
        var step = scenario.StepContext.StepInfo;
        _gherkinStepsBegun++;
        Evidence.BeginStep($"{step.StepInstance.Keyword.Trim()} {step.Text}");
        if (step.Table is { } table)
            Evidence.Attach("data table", "text/csv", string.Join('\n', new[] { table.Header.ToArray() }.Concat(table.Rows.Select(r => r.Values.ToArray()))
                .Select(cells => string.Join(',', cells.Select(c => c.Contains(',') ? $"\"{c}\"" : c)))));
    }

    [AfterStep]
    public void EndStep()
    {
        var error = scenario.TestError;
        Evidence.EndStep(error is null ? StatusOf(scenario.ScenarioExecutionStatus) : Evidence.StatusOf(error), error);
    }

    [AfterScenario(Order = 0)]
    public async Task EndAsync()
    {
        var error = scenario.TestError;
        var status = error is null ? StatusOf(scenario.ScenarioExecutionStatus) : Evidence.StatusOf(error);
        if (status is not AllureStatus.Passed && ThisScenario() is { } written)
            Evidence.NotRun(written.Steps.Skip(_gherkinStepsBegun), status == AllureStatus.Skipped ? "not run: the scenario does not apply to this target" : "not run: an earlier step did not pass");
        if (RunHooks.Run is { } run)
        {
            // A broken step may be the target going silent: asked once here, so the next scenarios end at once instead of each timing out.
            if (status is AllureStatus.Broken && error is not null and not TargetStoppedAnswering && await run.Health.StoppedAnsweringAsync() is { } hung)
                error = new TargetStoppedAnswering($"{error.Message.Split('\n')[0]} — {hung}", error);
            var dashboard = container.Resolve<DashboardDriver>();
            if (status is AllureStatus.Failed or AllureStatus.Broken && !dashboard.AnyPageOpen)
                Evidence.NotRun([$"{Support.Evidence.Evidence.TearDown}save screenshots and traces of the failure"], "no dashboard page was open in this scenario, so there is no screenshot or trace to take");
            await AfterStepAsync("save screenshots and traces of the failure", status is AllureStatus.Failed or AllureStatus.Broken && dashboard.AnyPageOpen,
                dashboard.CaptureFailureAsync);
            var slack = container.Resolve<SlackDriver>();
            await AfterStepAsync("save each person's Slack as they see it", status is AllureStatus.Failed or AllureStatus.Broken && slack.AnyClientOpen,
                slack.CaptureFailureAsync);
            slack.AttachTranscripts();
            if (run.Health.Tripped is { } silent)
                Evidence.NotRun([$"{Support.Evidence.Evidence.TearDown}delete the rows this scenario created"], $"{silent}; the rows stay in the clean-up journal and the next run against this target deletes them");
            else
                await AfterStepAsync("delete the rows this scenario created", true, () => container.Resolve<TestDataDriver>().CleanUpAsync());
            await dashboard.DisposeAsync();
            if (status is AllureStatus.Failed or AllureStatus.Broken) await RunHooks.Browser!.ReplaceIfGoneAsync();
        }
        Evidence.End(status, error ?? PendingError(scenario.ScenarioExecutionStatus));
        // After the result is written: on a database that stopped answering, letting go takes the command's timeout.
        if (_firm is not null) await _firm.DisposeAsync();
    }

    private async Task AfterStepAsync(string name, bool when, Func<Task> action)
    {
        if (!when) return;
        try { await Evidence.StepAsync($"{Support.Evidence.Evidence.TearDown}{name}", action); }
        catch (Exception e) when (e is not OutOfMemoryException) { /* recorded on the step as broken; the scenario's own outcome stands */ }
    }

    private static string StatusOf(ScenarioExecutionStatus status) => status switch
    {
        ScenarioExecutionStatus.OK => AllureStatus.Passed,
        ScenarioExecutionStatus.Skipped => AllureStatus.Skipped,
        _ => AllureStatus.Broken,
    };

    private static Exception? PendingError(ScenarioExecutionStatus status) => status switch
    {
        ScenarioExecutionStatus.StepDefinitionPending => new InvalidOperationException("A step definition is pending"),
        ScenarioExecutionStatus.UndefinedStep => new InvalidOperationException("A step has no definition"),
        ScenarioExecutionStatus.BindingError => new InvalidOperationException("A step's binding is in error"),
        _ => null,
    };

    /// <summary>This scenario (this example row) as features/ writes it, for the steps it did not get to.</summary>
    private PadUat.Support.Features.ExpectedTest? ThisScenario()
    {
        var d = Describe();
        return RunHooks.Catalogue.FirstOrDefault(t => t.FeatureTitle == d.FeatureTitle && t.TitleTemplate == d.ScenarioTitle
            && t.Arguments.Select(a => (a.Key, a.Value)).SequenceEqual(d.Arguments.Select(a => (a.Key, a.Value))));
    }

    private ScenarioDescription Describe()
    {
        var info = scenario.ScenarioInfo;
        var args = info.Arguments.Cast<System.Collections.DictionaryEntry>()
            .Select(e => new KeyValuePair<string, string>((string)e.Key, e.Value?.ToString() ?? "")).ToList();
        // SpecFlow reports the folder relative to the project ("../../features/…"); the report names it from the repo root.
        var folder = feature.FeatureInfo.FolderPath.Replace('\\', '/').Replace("../", "", StringComparison.Ordinal);
        return new ScenarioDescription(feature.FeatureInfo.Title, folder, info.Title, info.Description,
            feature.FeatureInfo.Tags, info.Tags, args, feature.FeatureInfo.Description);
    }
}
