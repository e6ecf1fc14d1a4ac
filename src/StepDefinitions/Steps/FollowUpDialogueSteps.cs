using PadUat.Contexts;
using PadUat.Drivers;
using PadUat.Drivers.Database;
using PadUat.Drivers.Slack;
using PadUat.Support.Evidence;
using TechTalk.SpecFlow;

namespace PadUat.Steps;

/// <summary>
/// Checklist 4.1-4.5 and 6.1-6.2: what the employee saw in the conversation that records an execution or withdraws a
/// request — the request shown, each question asked, the summary of their answers with its button.
/// </summary>
[Binding]
public sealed class FollowUpDialogueSteps(SlackDriver slack, PadRecords records, RequestContext request)
{
    [Then(@"^the bot showed the employee the approved request and asked for the execution's date, quantity, price and confirmation number$")]
    public async Task ThenExecutionDialogue() => Shows(FollowUpReview.ExecutionDialogueMissing(slack.LastFollowUp, request.RequestId, (await StoredAsync()).Ticker),
        "The bot should show the approved request, then ask for the execution's date, quantity, price and confirmation number");

    [Then(@"^the execution summary shows the date, quantity, price and confirmation number given, the actual value beside the estimated one, and a button to record it$")]
    public async Task ThenExecutionSummary()
    {
        var now = await records.DatabaseNowAsync();
        var days = request.Execution!.At is { } at ? [at] : new[] { now, now.AddDays(-1), now.AddDays(1) };
        Shows(FollowUpReview.ExecutionSummaryMissing(slack.LastFollowUp, request.Execution, (await StoredAsync()).EstimatedValue, days),
            "The execution summary should show the date, quantity, price and confirmation number given, the actual value beside the estimate, and Record Execution");
    }

    [Then(@"^the bot showed the employee the request and asked why they withdraw it$")]
    public async Task ThenWithdrawalDialogue() => Shows(FollowUpReview.WithdrawalDialogueMissing(slack.LastFollowUp, request.RequestId, (await StoredAsync()).Ticker),
        "The bot should show the request, then ask why the employee withdraws it");

    [Then(@"^the bot asked the employee to confirm the withdrawal, showing the reason they gave, with a button to withdraw the request$")]
    public void ThenWithdrawalSummary() => Shows(FollowUpReview.WithdrawalSummaryMissing(slack.LastFollowUp, new Withdrawal(PadJourneys.WithdrawalReason)),
        "The bot should ask for the final confirmation, showing the reason given, with Withdraw Request");

    private async Task<PadRequest> StoredAsync() => (await records.RequestAsync(request.RequestId))!;

    private void Shows(IReadOnlyList<string> missing, string should) => Expect.That(missing.Count == 0, should,
        () => $"it does not show {string.Join("; ", missing)} (first answer: \"{slack.LastFollowUp?.First.Shown()}\"; summary: \"{slack.LastFollowUp?.Summary?.Shown()}\")");
}
