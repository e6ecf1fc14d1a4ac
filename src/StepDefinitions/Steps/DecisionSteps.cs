using PadUat.Contexts;
using PadUat.Drivers;
using PadUat.Drivers.Database;
using PadUat.Drivers.Slack;
using PadUat.Support.Configuration;
using TechTalk.SpecFlow;
using PadUat.Support.Evidence;

namespace PadUat.Steps;

/// <summary>Plan scenarios 2, 3 and 5: managers and compliance decide in Slack; who is asked to decide, and that a decision is taken once.</summary>
[Binding]
public sealed class DecisionSteps(BotPhrases phrases, Cast cast, PadJourneys journeys, SlackDriver slack, EventualState state, RequestContext request, WorkflowWords words)
{
    /// <summary>Asked with the trade in the message: whoever decides must see who asks for what (plan 5.3, "notifications sent").</summary>
    [Then(@"^(the manager|compliance) is asked in Slack to decide on the request$")]
    public async Task ThenAskedToDecide(Actor who)
    {
        var message = await slack.ExpectDecisionRequestAsync(who.Person, request.RequestId, who.Stage);
        var employee = (await journeys.PersonAsync(cast.Employee)).Name;
        Expect.That(phrases.DescribesTrade(employee, request.Ask!).IsMatch(message.Text),
            $"The message asking {who.Person} to decide should say {employee} asks to {request.Ask!.Direction} {request.Ask.Quantity} {request.Ask.Ticker}",
            () => $"it says \"{message.Text}\"");
    }

    /// <summary>
    /// Segregation of duties: a stage's decision is offered to its deciders alone — the manager's to the employee's own
    /// manager, compliance's to compliance — never to anyone else in the cast. In Slack a decision can only be clicked
    /// by someone who was sent it, so this is what stands between a colleague and a decision.
    /// </summary>
    [Then(@"^no one but (the manager|compliance) is asked to decide for (?:the manager|compliance)$")]
    public async Task ThenOnlyDecidersAsked(Actor deciders)
    {
        var others = await slack.AskedToDecideAsync(cast.People.Where(p => !deciders.Decides(p)), request.RequestId,
            deciders.Stage, settle: TimeSpan.FromSeconds(2));
        Expect.That(others.Count == 0, $"No one but {deciders.Person.Role} should be asked to decide for that stage",
            () => $"{string.Join(", ", others)} were sent the {deciders.Stage} decision on request #{request.RequestId}");
    }

    /// <summary>Plan 5.10: a conflict is shown to compliance as advice, and only where there is one.</summary>
    [Then(@"^compliance is asked in Slack to decide on the request, (with the conflict shown as advisory|with no conflict shown)$")]
    public async Task ThenComplianceSeesConflict(string shown)
    {
        var message = await slack.ExpectDecisionRequestAsync(cast.Compliance, request.RequestId, PadJourneys.ComplianceStage);
        var expected = shown == "with the conflict shown as advisory";
        Expect.That(phrases.ConflictShownAsAdvisory.IsMatch(message.Text) == expected,
            $"The message asking compliance to decide should {(expected ? "show the conflict as advisory" : "show no conflict")}", () => $"it says \"{message.Text}\"");
    }

    [When(@"^(the manager|compliance) (approves|rejects) the request$")]
    public Task WhenDecides(Actor who, string decision) => journeys.DecideAsync(who.Person, request.RequestId, who.Stage, decision == "approves");

    [When(@"^(the manager|compliance) (approves|rejects) the request with the comment ""(.+)""$")]
    public Task WhenDecidesWithComment(Actor who, string decision, string comment) =>
        journeys.DecideAsync(who.Person, request.RequestId, who.Stage, decision == "approves", comment);

    [When(@"^(the manager|compliance) rejects the request giving no reason$")]
    public Task WhenRejectsWithoutReason(Actor who) => journeys.RejectWithoutReasonAsync(who.Person, request.RequestId, who.Stage);

    [Then(@"^(the manager|compliance) is told a reason is needed to reject$")]
    public Task ThenToldReasonNeeded(Actor who) =>
        slack.ExpectToldWhereAskedAsync(who.Person, who.Stage, phrases.ReasonRequired(request.RequestId), "a reason is required to reject");

    /// <summary>A click the workflow refuses (the request no longer waits for that stage) is answered where the decider clicked, saying why.</summary>
    [Then(@"^(the manager|compliance) is told, where asked, why the click decides nothing$")]
    public Task ThenToldWhyNot(Actor who) =>
        slack.ExpectToldWhereAskedAsync(who.Person, who.Stage, phrases.RefusalWithReason, "why their click decides nothing");

    /// <summary>Checklist 2.3 "Approval comments captured", 5.2 "comments contain rejection reason": the decision keeps what was written.</summary>
    [Then(@"^(the manager|compliance)'s (approval|rejection) of the request is recorded with the comment ""(.+)""$")]
    public async Task ThenRecordedWithComment(Actor by, string what, string comment)
    {
        var (type, decision) = (words.StageCode(by.Stage), words.DecisionCode(what));
        await state.ApprovalsAsync(request.RequestId,
            a => a.Where(x => x.ApprovalType == type).ToList() is [var only] && only.Decision == decision && only.Comment == comment,
            $"to have one {type} approval '{decision}' with the comment \"{comment}\"");
    }

    [Then(@"^(the manager|compliance)'s (approval|rejection) of the request is recorded$")]
    public async Task ThenApprovalRecorded(Actor by, string what)
    {
        var (type, decision) = (words.StageCode(by.Stage), words.DecisionCode(what));
        var approver = (await journeys.PersonAsync(by.Person)).Id;
        await state.ApprovalsAsync(request.RequestId,
            a => a.Where(x => x.ApprovalType == type).ToList() is [var only] && only.Decision == decision && only.ApproverId == approver,
            $"to have one {type} approval '{decision}' by employee {approver}");
    }

    [Then(@"^the request has these approvals:$")]
    public async Task ThenApprovals(Table expected)
    {
        var rows = new List<(string, string, int)>();
        foreach (var row in expected.Rows)
            rows.Add((words.StageCode(row["stage"]), words.DecisionCode(row["decision"]), (await journeys.PersonAsync(cast.Lead(row["by"]))).Id)); // by: a role of the cast
        await state.ApprovalsAsync(request.RequestId, a => a.Select(x => (x.ApprovalType, x.Decision, x.ApproverId)).Order().SequenceEqual(rows.Order()),
            $"to have exactly the approvals {string.Join(", ", rows)}");
    }

    [Then(@"^no approval is recorded for the request$")]
    public async Task ThenNoApproval() => await state.ApprovalsAsync(request.RequestId, a => a.Count == 0, "to have no approvals");

    [Then(@"^the message (the manager|compliance) clicked now says they (approved|rejected) the request$")]
    public Task ThenClickedMessageSays(Actor who, string decision) => slack.ExpectClickAnswerAsync(who.Person,
        phrases.YouDecided(decision == "approved", request.RequestId), $"the message they clicked saying they {decision} request #{request.RequestId}");

    /// <summary>Decided once: the message clicked keeps no Approve or Reject button to decide with a second time.</summary>
    [Then(@"^the message (the manager|compliance) clicked offers no Approve or Reject button any more$")]
    public Task ThenNoSecondDecision(Actor who) => slack.ExpectClickedMessageSettledAsync(who.Person);

    [Then(@"^the employee is told (their manager|compliance) (approved|rejected) the request$")]
    public Task ThenEmployeeToldDecision(string who, string decision) => slack.ExpectToldAsync(cast.Employee,
        phrases.Decided(StageOf(who), decision == "approved", request.RequestId), $"{who} {decision}");

    /// <summary>Checklist 5.V: "Employee received rejection notification with reason".</summary>
    [Then(@"^the employee is told (their manager|compliance) rejected the request, with the reason$")]
    public Task ThenEmployeeToldRejectionWithReason(string who) => slack.ExpectToldAsync(cast.Employee, BotPhrases.WithReason(
        phrases.Decided(StageOf(who), false, request.RequestId), PadJourneys.RejectionReason),
        $"{who} rejected, with the reason \"{PadJourneys.RejectionReason}\"");

    /// <summary>The stage "their manager" or "compliance" decides in.</summary>
    private static string StageOf(string who) => who == "compliance" ? PadJourneys.ComplianceStage : PadJourneys.ManagerStage;

    [Then(@"^the employee is told the request is approved and must be traded within two days$")]
    public Task ThenEmployeeToldApproved() =>
        slack.ExpectToldAsync(cast.Employee, phrases.FullyApproved(request.RequestId), "the request is approved");

    /// <summary>Checklist 3.4: the manager, who approved earlier, is told for information, by DM.</summary>
    [Then(@"^the manager is told, for information, that the request is approved and ready for execution$")]
    public Task ThenManagerFyi() => slack.ExpectNotifiedAsync(cast.Manager, "managerFyi", phrases.ManagerFyi(request.RequestId), "for information that the request is approved");

    [Then(@"^(the manager|compliance) was never asked about the request$")]
    public async Task ThenNeverAsked(string who)
    {
        var (person, stage) = who == "compliance" ? (cast.Compliance, PadJourneys.ComplianceStage) : (cast.Manager, PadJourneys.ManagerStage);
        var sent = await slack.UnreadAboutAsync(person, request.RequestId, stage);
        Expect.That(sent.Count == 0, $"{who} should never be asked about request #{request.RequestId}",
            () => $"the bot sent {who}: {string.Join(" | ", sent.Select(m => $"\"{m.Text}\""))}");
    }
}
