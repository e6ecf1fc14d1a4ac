using PadUat.Contexts;
using PadUat.Drivers.Database;
using PadUat.Drivers.Slack;
using PadUat.Support.Configuration;
using TechTalk.SpecFlow;
using PadUat.Support.Evidence;
using PadUat.Drivers;

namespace PadUat.Steps;

/// <summary>Plan scenarios 4 and 6: the employee records executions and withdraws requests by telling the bot.</summary>
[Binding]
public sealed class ExecutionSteps(BotPhrases phrases, Cast cast, SlackDriver slack, PadRecords records, EventualState state, RequestContext request)
{
    [When(@"^(the employee|the manager|compliance|a colleague) reports executing (\d+) at ([\d.]+) just now$")]
    public Task WhenReportsExecution(Actor who, decimal quantity, decimal price) => ReportAsync(who, quantity, price, null);

    [When(@"^the employee reports executing (\d+) at ([\d.]+), " + WorkflowWords.Duration + " (after|before) compliance approved$")]
    public Task WhenReportsExecutionAfter(decimal quantity, decimal price, TimeSpan offset, string side)
    {
        request.ExecutionTiming = $"{offset.TotalHours:0.##} h {side} the compliance approval";
        return ReportAsync(new Actor(cast.Employee), quantity, price, request.History!.FinalDecisionAt + (side == "after" ? offset : -offset));
    }

    [When(@"^the employee reports executing (\d+) at ([\d.]+) (the same day|\d+ (?:days|weekdays|business days) later) at (\d\d:\d\d)$")]
    public Task WhenReportsExecutionOn(decimal quantity, decimal price, string offset, string time)
    {
        var at = request.Calendar!.Later(request.History!.FinalDecisionAt, offset, time);
        request.ExecutionTiming = $"approved {request.History.FinalDecisionAt:ddd yyyy-MM-dd HH:mm}, executed {at:ddd yyyy-MM-dd HH:mm} UTC";
        return ReportAsync(new Actor(cast.Employee), quantity, price, at);
    }

    [When(@"^the employee reports executing (\d+) at ([\d.]+) today, giving the date alone$")]
    public Task WhenReportsExecutionToday(decimal quantity, decimal price) => ReportDayAsync(quantity, price, TimeSpan.Zero);

    [When(@"^the employee reports executing (\d+) at ([\d.]+) " + WorkflowWords.Duration + " ago, giving the date alone$")]
    public Task WhenReportsExecutionDaysAgo(decimal quantity, decimal price, TimeSpan ago) => ReportDayAsync(quantity, price, ago);

    [When(@"^the employee reports executing (\d+) at ([\d.]+), " + WorkflowWords.Duration + " from now$")]
    public async Task WhenReportsFutureExecution(decimal quantity, decimal price, TimeSpan ahead) =>
        await ReportAsync(new Actor(cast.Employee), quantity, price, await records.DatabaseNowAsync() + ahead);

    [When(@"^the employee reports executing (\d+) at ([\d.]+) just now, up to the summary, and leaves it open$")]
    public async Task WhenReportsUpToSummary(decimal quantity, decimal price)
    {
        request.Execution = ExecutionReport.Of(request.RequestId, quantity, price);
        request.LastReply = await slack.OpenExecutionSummaryAsync(cast.Employee, request.RequestId, request.Execution);
    }

    [When(@"^the employee clicks Record Execution on the summary left open$")]
    public async Task WhenRecordsOnOpenSummary() => request.LastReply = await slack.RecordOnOpenSummaryAsync(cast.Employee, request.RequestId);

    [Then(@"^the summary the employee clicked now shows the execution was not recorded$")]
    public Task ThenSummaryShowsNotRecorded() => slack.ExpectClickAnswerAsync(cast.Employee,
        phrases.ExecutionSummaryNotRecorded, "the execution summary they clicked showing nothing was recorded");

    [Then(@"^the bot confirms the execution, saying within two days: ""(yes|no)""$")]
    public void ThenExecutionConfirmed(string within) =>
        Expect.Equal(within, phrases.ExecutionRecorded(request.RequestId).Match(request.LastReply!.Text).Groups["within"].Value,
            $"The bot's answer to whether the execution was within two days{Timing()}", $"the bot (\"{request.LastReply.Text}\")");

    [Then(@"^an execution of (\d+) at ([\d.]+) is recorded for the request, within two days: ""(yes|no)""$")]
    public async Task ThenExecutionRecorded(decimal quantity, decimal price, string within)
    {
        var e = (await state.ExecutionAsync(request.RequestId))!;
        Expect.Equal((quantity, price, PadJourneys.ConfirmationNumber(request.RequestId)), (e.Quantity, e.Price, e.ConfirmationNumber),
            $"The execution recorded for request #{request.RequestId} (quantity, price, confirmation number)", "the database");
        Expect.Equal(within == "yes", e.ExecutedWithinTwoDays, $"Whether the execution is within two days (as the database records it){Timing()}", "the database");
    }

    [Then(@"^an execution of (\d+) at ([\d.]+) is recorded for the request on the day given$")]
    public async Task ThenExecutionRecordedOnDay(decimal quantity, decimal price)
    {
        var e = (await state.ExecutionAsync(request.RequestId))!;
        Expect.Equal((quantity, price, request.Execution!.At!.Value.Date), (e.Quantity, e.Price, e.ExecutedAt.Date),
            $"The execution recorded for request #{request.RequestId} (quantity, price, day executed)", "the database");
    }

    [When(@"^(the employee|the manager|compliance|a colleague) withdraws the request$")]
    public async Task WhenWithdraws(Actor who) =>
        request.LastReply = await slack.WithdrawAsync(who.Person, request.RequestId, new Withdrawal(PadJourneys.WithdrawalReason));

    [Then(@"^the bot confirms the request is withdrawn$")]
    public void ThenWithdrawn() => Expect.That(phrases.Withdrawn(request.RequestId).IsMatch(request.LastReply!.Text),
        $"The bot should confirm request #{request.RequestId} is withdrawn", () => $"it said \"{request.LastReply.Text}\"");

    /// <summary>Checklist 4.7: the notice in compliance's channel carries the execution's date, quantity, price and value.</summary>
    [Then(@"^compliance is told of the execution, with its date, quantity, price and value$")]
    public async Task ThenComplianceToldOfExecution()
    {
        var e = request.Execution!;
        await slack.ExpectNotifiedAsync(cast.Compliance, "executionNotice",
            phrases.ExecutionNotice(request.RequestId, e.Quantity, e.Price, e.At ?? await records.DatabaseNowAsync()), $"of the execution of request #{request.RequestId}");
    }

    /// <summary>Checklist 6.3: the manager (by DM) and compliance (in its channel) are told, with the reason given.</summary>
    [Then(@"^the manager and compliance are told the employee withdrew the request, with the reason$")]
    public async Task ThenToldOfWithdrawal()
    {
        var notice = phrases.WithdrawalNotice(request.RequestId, PadJourneys.WithdrawalReason);
        await slack.ExpectNotifiedAsync(cast.Manager, "withdrawalNoticeToManager", notice, $"of the withdrawal of request #{request.RequestId}");
        await slack.ExpectNotifiedAsync(cast.Compliance, "withdrawalNoticeToCompliance", notice, $"of the withdrawal of request #{request.RequestId}");
    }

    /// <summary>Checklist 6.2, "Reason captured": the withdrawal's audit row keeps what the employee gave as the reason.</summary>
    [Then(@"^the audit log keeps the reason for " + WorkflowWords.AuditEvent + "$")]
    public Task ThenAuditKeepsReason(StoredWord action) => state.AuditTrailAsync(request.RequestId,
        a => a.Any(x => x.Action == action.Code && x.Details.Contains(PadJourneys.WithdrawalReason, StringComparison.Ordinal)),
        $"to have a '{action.Code}' row ({action}) whose details keep the reason \"{PadJourneys.WithdrawalReason}\"");

    /// <summary>Checklist 4.2's form: the day <paramref name="ago"/> before the database's now, given as a date alone.</summary>
    private async Task ReportDayAsync(decimal quantity, decimal price, TimeSpan ago) =>
        await ReportAsync(new Actor(cast.Employee), quantity, price, (await records.DatabaseNowAsync() - ago).Date, dayOnly: true);

    private async Task ReportAsync(Actor who, decimal quantity, decimal price, DateTime? at, bool dayOnly = false)
    {
        request.Execution = ExecutionReport.Of(request.RequestId, quantity, price, at, dayOnly);
        request.LastReply = await slack.ReportExecutionAsync(who.Person, request.RequestId, request.Execution);
    }

    /// <summary>" (48 h after the compliance approval)", when the scenario says.</summary>
    private string Timing() => request.ExecutionTiming is { } t ? $" ({t})" : "";
}
