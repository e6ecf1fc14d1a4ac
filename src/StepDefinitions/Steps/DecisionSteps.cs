using System.Net;
using PadUat.Contexts;
using PadUat.Drivers;
using PadUat.Drivers.Database;
using PadUat.Drivers.Slack;
using PadUat.Support.Configuration;
using TechTalk.SpecFlow;
using PadUat.Support.Evidence;

namespace PadUat.Steps;

/// <summary>Plan scenarios 2, 3 and 5: managers and compliance decide in Slack; who may decide, and how a click must arrive.</summary>
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

    /// <summary>A refused decision leaves the clicked message as it was: the person must not believe they decided.</summary>
    [Then(@"^the message (the manager|compliance) clicked does not say they decided$")]
    public async Task ThenClickNotShownAsDecided(Actor who)
    {
        var answers = await slack.FinalAnswersToLastClickAsync(who.Person);
        Expect.That(!answers.Any(a => (phrases.YouDecided(true, request.RequestId).IsMatch(a.Text) || phrases.YouDecided(false, request.RequestId).IsMatch(a.Text))),
            $"The message {who.Person} clicked should not say they decided, since the decision was refused",
            () => string.Join(" | ", answers.Select(a => a.Describe())));
    }

    /// <summary>Segregation of duties: the compliance decision is offered to compliance alone, never to the employee's manager or colleagues.</summary>
    [Then(@"^no one but compliance is asked to decide for compliance$")]
    public async Task ThenOnlyComplianceAsked()
    {
        var others = await slack.AskedToDecideAsync(cast.People.Where(p => p.Role != Roles.Compliance), request.RequestId,
            PadJourneys.ComplianceStage, settle: TimeSpan.FromSeconds(2));
        Expect.That(others.Count == 0, "No one but compliance should be asked to decide for compliance",
            () => $"{string.Join(", ", others)} were sent the compliance decision on request #{request.RequestId}");
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

    [When(@"^the manager approves the same request again$")]
    public async Task WhenApprovesAgain() =>
        request.LastClick = await slack.ClickDecisionButtonAsync(cast.Manager, request.RequestId, PadJourneys.ManagerStage, true, Signing.Genuine);

    /// <summary>
    /// A decision clicked on a copy of the decision message (one still showing its buttons on another device, or
    /// forwarded): Slack signs the click whoever makes it, so the bot alone must check who decides and when.
    /// </summary>
    [When(@"^(the employee|the manager|compliance|a colleague) (approves|rejects) the request as (its manager|compliance)$")]
    public async Task WhenDecidesAs(Actor who, string decision, string stage) =>
        request.LastClick = await slack.ClickDecisionButtonAsync(who.Person, request.RequestId,
            stage == "compliance" ? PadJourneys.ComplianceStage : PadJourneys.ManagerStage, decision == "approves", Signing.Genuine);

    [When(@"^someone sends an approval click for the request that is (unsigned|signed with a wrong key|replayed from the past)$")]
    public async Task WhenForgedClick(string how) =>
        request.LastClick = await slack.ClickDecisionButtonAsync(cast.Colleague, request.RequestId, PadJourneys.ManagerStage, true, how switch
        {
            "unsigned" => Signing.Unsigned,
            "signed with a wrong key" => Signing.WrongSecret,
            _ => Signing.Stale,
        });

    [Then(@"^the bot refuses the click as not coming from Slack$")]
    public void ThenClickRefused() => Expect.That(request.LastClick == HttpStatusCode.Unauthorized,
        "The bot should refuse a click that did not come from Slack (HTTP 401) and act on nothing", () => $"it answered HTTP {(int?)request.LastClick}");

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

    [Then(@"^the employee is told (their manager|compliance) (approved|rejected) the request$")]
    public Task ThenEmployeeToldDecision(string who, string decision) => slack.ExpectToldAsync(cast.Employee,
        phrases.Decided(who == "compliance" ? PadJourneys.ComplianceStage : PadJourneys.ManagerStage, decision == "approved", request.RequestId), $"{who} {decision}");

    [Then(@"^the employee is told the request is approved and must be traded within two days$")]
    public Task ThenEmployeeToldApproved() =>
        slack.ExpectToldAsync(cast.Employee, phrases.FullyApproved(request.RequestId), "the request is approved");

    [Then(@"^compliance was never asked about the request$")]
    public async Task ThenComplianceNeverAsked()
    {
        var sent = await slack.UnreadAboutAsync(cast.Compliance, request.RequestId, PadJourneys.ComplianceStage);
        Expect.That(sent.Count == 0, $"Compliance should never be asked about rejected request #{request.RequestId}",
            () => $"the bot sent compliance: {string.Join(" | ", sent.Select(m => $"\"{m.Text}\""))}");
    }
}
