using PadUat.Support.Configuration;
using PadUat.Contexts;
using PadUat.Drivers;
using PadUat.Drivers.Database;
using PadUat.Drivers.Slack;
using PadUat.Drivers.TestData;
using PadUat.Support.Evidence;
using PadUat.Support.Features;
using PadUat.Support;
using PadUat.Support.Contract;
using TechTalk.SpecFlow;

namespace PadUat.Steps;

/// <summary>
/// Requests that already got somewhere — the starting points of the rule outlines — and the two checks every
/// refused action shares: the person is refused, and the request is exactly as it was.
/// </summary>
[Binding]
public sealed class RequestHistorySteps(BotPhrases phrases, Cast cast, PadJourneys journeys, SlackDriver slack, PadRecords records, RequestContext request,
    ScenarioClock clock)
{
    [Given(@"^(the employee|the manager|compliance) has a request for (\d+) (\w+) that is " + WorkflowWords.Stage + "$")]
    public Task GivenRequestAt(Actor owner, int quantity, string ticker, RequestStage stage) =>
        LayDownAsync(journeys.RequestAtAsync(owner.Person, quantity, ticker, stage, TimeSpan.FromHours(2), TimeSpan.FromHours(1)));

    [Given(@"^the employee has a request for (\d+) (\w+) that is waiting for compliance at (high|medium|low) risk$")]
    public Task GivenPendingAtRisk(int quantity, string ticker, string risk) => LayDownAsync(journeys.RequestAtAsync(cast.Employee, quantity, ticker,
        RequestStage.WaitingForCompliance, TimeSpan.FromHours(2), TimeSpan.FromHours(1), Enum.Parse<RiskLevel>(risk, ignoreCase: true)));

    [Given(@"^the employee has a request for (\d+) (\w+) that compliance approved " + WorkflowWords.Duration + " ago, " +
           WorkflowWords.Duration + " after their manager$")]
    public Task GivenApprovedAgo(int quantity, string ticker, TimeSpan ago, TimeSpan managerBefore) =>
        LayDownAsync(journeys.RequestAtAsync(cast.Employee, quantity, ticker, RequestStage.Approved, ago, managerBefore));

    [Given(@"^the employee has a request for (\d+) (\w+) that compliance approved on (an? \w+|the business day before a holiday) at (\d\d:\d\d), " +
           WorkflowWords.Duration + " after their manager$")]
    public async Task GivenApprovedOn(int quantity, string ticker, string day, string time, TimeSpan managerBefore)
    {
        request.Calendar = new BusinessCalendar(await records.HolidaysAsync());
        await LayDownAsync(journeys.RequestDecidedAtAsync(cast.Employee, quantity, ticker, RequestStage.Approved,
            request.Calendar.Past(day, time, clock.Start), managerBefore));
    }

    /// <summary>
    /// Refused in the bot's answer to what they wrote, or — for a click, which Slack answers elsewhere — in a message
    /// to them; either way with a reason a person can act on (the workflow: "refused with a reason").
    /// </summary>
    [Then(@"^(the employee|the manager|compliance|a colleague) is refused with a reason$")]
    public async Task ThenRefused(Actor who)
    {
        var answer = request.LastReply ?? await slack.ExpectToldAsync(who.Person, phrases.NotAllowed, "that they may not do this");
        Expect.That(phrases.RefusalWithReason.IsMatch(answer.Text), $"The bot should refuse {who.Person}, saying why",
            () => $"it answered \"{answer.Text}\"");
    }

    [Then(@"^the request is unchanged$")]
    public async Task ThenUnchanged() => Expect.Equal(request.Before!.Text, (await records.TrailAsync(request.RequestId)).Text,
        $"Request #{request.RequestId} after a refused action: its row, approvals, execution and audit trail", "the database");

    private async Task LayDownAsync(Task<RequestHistory> laying)
    {
        request.History = await laying;
        request.RequestId = request.History.Id;
        request.Before = await records.TrailAsync(request.RequestId);
    }
}
