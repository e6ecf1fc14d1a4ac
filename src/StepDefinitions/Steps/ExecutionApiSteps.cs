using PadUat.Contexts;
using PadUat.Drivers;
using PadUat.Drivers.Dashboard;
using PadUat.Drivers.Slack;
using PadUat.Support.Configuration;
using PadUat.Support.Evidence;
using TechTalk.SpecFlow;

namespace PadUat.Steps;

/// <summary>An execution recorded through the application's API (e2e_test_scenarios.md:293-300), held to the same rules as the bot's dialogue.</summary>
[Binding]
public sealed class ExecutionApiSteps(DashboardDriver dashboard, SlackDriver slack, Cast cast, RequestContext request, DashboardContext opened)
{
    [When(@"^the employee records an execution of (\d+) at ([\d.]+) through the application's API$")]
    public async Task WhenRecordsThroughApi(decimal quantity, decimal price)
    {
        request.Execution = ExecutionReport.Of(request.RequestId, quantity, price);
        await slack.ListenAsync();
        opened.Answer = await (await dashboard.ApiAsync(cast.Employee)).RecordExecutionAsync(request.RequestId, quantity, price, request.Execution.ConfirmationNumber);
    }

    [Then(@"^the API (accepts|refuses) the execution$")]
    public void ThenApiAnswers(string answer) => Expect.That(opened.Answer!.Done == (answer == "accepts"),
        $"The API should {(answer == "accepts" ? "accept" : "refuse")} the execution", () => $"it answered \"{opened.Answer.Message}\"");
}
