using PadUat.Contexts;
using PadUat.Drivers;
using PadUat.Drivers.Database;
using PadUat.Drivers.Slack;
using PadUat.Drivers.TestData;
using PadUat.Support.Configuration;
using TechTalk.SpecFlow;
using PadUat.Support.Evidence;

namespace PadUat.Steps;

/// <summary>Plan scenarios 4 and 6: the employee records executions and withdraws requests by telling the bot.</summary>
[Binding]
public sealed class ExecutionSteps(PadJourneys journeys, SlackDriver slack, TestDataDriver testData, FirmDirectory directory,
    PadRecords records, EventualState state, RequestContext request)
{
    [Given(@"^the employee has a request for (\d+) (\w+) approved (\d+) hours ago$")]
    public async Task GivenApprovedHoursAgo(int quantity, string ticker, int hours) =>
        (request.ApprovedHoursAgo, request.RequestId) = (hours, await testData.ApprovedRequestAsync(await journeys.PersonAsync(Roles.Employee), await journeys.PersonAsync(Roles.Manager),
            await journeys.PersonAsync(Roles.Compliance), await directory.SecurityAsync(ticker), quantity, TradeAsk.TypicalValue(quantity), TimeSpan.FromHours(hours)));

    [Given(@"^the employee has executed it$")]
    public Task GivenExecuted() => slack.TellBotAsync(Roles.Employee, BotPhrases.ExecutionReport(request.RequestId, 100, 180.50m, null),
        BotPhrases.ExecutionRecorded(request.RequestId), "the execution is recorded");

    [When(@"^the employee tells the bot they executed (\d+) at ([\d.]+) just now$")]
    public async Task WhenReportsExecution(decimal quantity, decimal price) =>
        request.LastReply = await slack.TellBotAsync(Roles.Employee, BotPhrases.ExecutionReport(request.RequestId, quantity, price, null),
            BotPhrases.ExecutionAnswer(request.RequestId), "an answer to the execution report");

    [Then(@"^the bot confirms the execution, saying within two days: ""(yes|no)""$")]
    public void ThenExecutionConfirmed(string within) =>
        Expect.Equal(within, BotPhrases.ExecutionRecorded(request.RequestId).Match(request.LastReply!.Text).Groups["within"].Value,
            $"The bot's answer to whether the execution was within two days{After()}", $"the bot (\"{request.LastReply.Text}\")");

    [Then(@"^an execution of (\d+) at ([\d.]+) is recorded for the request with executed_within_two_days ""(yes|no)""$")]
    public async Task ThenExecutionRecorded(decimal quantity, decimal price, string within)
    {
        var e = (await state.ExecutionAsync(request.RequestId))!;
        Expect.Equal((quantity, price), (e.Quantity, e.Price), $"The execution recorded for request #{request.RequestId} (quantity, price)", "the database");
        Expect.Equal(within == "yes", e.ExecutedWithinTwoDays, $"executed_within_two_days{After()}", "the database");
    }

    /// <summary>" for an execution 60 h after the compliance approval", when the scenario knows.</summary>
    private string After() => request.ApprovedHoursAgo is { } h ? $" for an execution {h} h after the compliance approval" : "";

    [Then(@"^no execution is recorded for the request$")]
    public async Task ThenNoExecution() => Expect.That(await records.ExecutionAsync(request.RequestId) is null,
        $"No execution should be recorded for request #{request.RequestId}", () => "the database holds one");

    [When(@"^(the employee|a colleague) (?:withdraws|tries to withdraw) the request$")]
    public async Task WhenWithdraws(Actor who) =>
        request.LastReply = await slack.TellBotAsync(who.Role, BotPhrases.Withdraw(request.RequestId), BotPhrases.WithdrawalAnswer(request.RequestId),
            "an answer to the withdrawal");

    [Then(@"^the bot confirms the request is withdrawn$")]
    public void ThenWithdrawn() => Expect.That(BotPhrases.Withdrawn(request.RequestId).IsMatch(request.LastReply!.Text),
        $"The bot should confirm request #{request.RequestId} is withdrawn", () => $"it said \"{request.LastReply.Text}\"");

    [Then(@"^the bot refuses (?:the colleague )?because (?:the request is|it is) (not approved|executed|not their request)$")]
    public void ThenRefusedBecause(string reason) => Expect.That(BotPhrases.RefusedBecause(reason).IsMatch(request.LastReply!.Text),
        $"The bot should refuse because the request is {reason}", () => $"it said \"{request.LastReply.Text}\"");
}
