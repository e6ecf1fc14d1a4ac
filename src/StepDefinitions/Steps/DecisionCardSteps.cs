using PadUat.Contexts;
using PadUat.Drivers;
using PadUat.Drivers.Database;
using PadUat.Drivers.Slack;
using PadUat.Support.Configuration;
using PadUat.Support.Evidence;
using TechTalk.SpecFlow;

namespace PadUat.Steps;

/// <summary>Checklist 2.2 and 3.2: what the manager and compliance review before deciding, on the approval request itself.</summary>
[Binding]
public sealed class DecisionCardSteps(BotPhrases phrases, Cast cast, PadJourneys journeys, SlackDriver slack, PadRecords records, RequestContext request)
{
    [Then(@"^the message asking (the manager|compliance) to decide shows the employee, the security with its description, the trade with its value, its risk and the employee's reason$")]
    public async Task ThenShowsTheRequest(Actor who)
    {
        var message = await slack.ExpectDecisionRequestAsync(who.Person, request.RequestId, who.Stage);
        var stored = (await records.RequestAsync(request.RequestId))!;
        var missing = DecisionCard.Missing(message, (await journeys.PersonAsync(cast.Employee)).Name, stored, (await journeys.SecurityAsync(stored.Ticker)).Description);
        Expect.That(missing.Count == 0, $"The message asking {who.Person} to decide should show the request in full",
            () => $"it does not show {string.Join("; ", missing)}: \"{message.Shown()}\"");
    }

    [Then(@"^the message asking compliance to decide shows the manager's approval$")]
    public async Task ThenShowsManagerApproval()
    {
        var message = await slack.ExpectDecisionRequestAsync(cast.Compliance, request.RequestId, PadJourneys.ComplianceStage);
        var manager = (await journeys.PersonAsync(cast.Manager)).Name;
        Expect.That(phrases.ManagerApprovalShown(manager).IsMatch(message.Shown()), $"The message asking compliance to decide should show {manager}'s approval",
            () => $"it says \"{message.Shown()}\"");
    }
}
