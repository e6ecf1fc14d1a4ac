using PadUat.Contexts;
using PadUat.Drivers;
using PadUat.Drivers.Dashboard;
using PadUat.Drivers.Slack;
using PadUat.Support.Configuration;
using PadUat.Support.Evidence;
using TechTalk.SpecFlow;

namespace PadUat.Steps;

/// <summary>
/// The application's API, called as a person: an execution (e2e_test_scenarios.md:293-300), held to the same rules as the
/// bot's dialogue, and a decline (:403-425), after which the Slack message that asked for the decision decides nothing.
/// </summary>
[Binding]
public sealed class ApplicationApiSteps(DashboardDriver dashboard, SlackDriver slack, Cast cast, RequestContext request, DashboardContext opened, WorkflowWords words)
{
    [When(@"^the employee records an execution of (\d+) at ([\d.]+) through the application's API$")]
    public async Task WhenRecordsThroughApi(decimal quantity, decimal price)
    {
        request.Execution = ExecutionReport.Of(request.RequestId, quantity, price);
        await slack.ListenAsync();
        opened.Answer = await (await dashboard.ApiAsync(cast.Employee)).RecordExecutionAsync(request.RequestId, quantity, price, request.Execution.ConfirmationNumber);
    }

    [When(@"^(the manager|compliance) declines the request through the application's API because ""(.+)""$")]
    public async Task WhenDeclinesThroughApi(Actor who, string reason) =>
        opened.Answer = await (await dashboard.ApiAsync(who.Person)).DeclineAsync(request.RequestId, words.StageCode(who.Stage), reason);

    [Then(@"^the API (accepts|refuses) the (execution|decline)$")]
    public void ThenApiAnswers(string answer, string what) => Expect.That(opened.Answer!.Done == (answer == "accepts"),
        $"The API should {(answer == "accepts" ? "accept" : "refuse")} the {what}", () => $"it answered \"{opened.Answer.Message}\"");
}
