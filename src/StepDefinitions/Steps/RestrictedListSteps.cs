using PadUat.Contexts;
using PadUat.Drivers;
using PadUat.Drivers.Database;
using PadUat.Drivers.Slack;
using PadUat.Drivers.TestData;
using PadUat.Support;
using PadUat.Support.Configuration;
using PadUat.Support.Contract;
using TechTalk.SpecFlow;
using PadUat.Support.Evidence;

namespace PadUat.Steps;

/// <summary>Plan scenario 8: the restricted list refuses a request, creates nothing and audits the attempt.</summary>
[Binding]
public sealed class RestrictedListSteps(BotPhrases phrases, Cast cast, PadJourneys journeys, TestDataDriver testData, FirmDirectory directory, PadRecords records,
    ScenarioClock clock, RequestContext request)
{
    [Given(@"^compliance has put (\w+) on the restricted list because ""(.*)""$")]
    public async Task GivenRestricted(string ticker, string reason) =>
        await testData.RestrictAsync(await directory.SecurityAsync(ticker), reason, await journeys.PersonAsync(cast.Compliance));

    [Given(@"^compliance has lifted the restriction on (\w+)$")]
    public async Task GivenLifted(string ticker) =>
        await testData.RestrictAsync(await directory.SecurityAsync(ticker), "Lifted restriction", await journeys.PersonAsync(cast.Compliance), inForce: false);

    [Then(@"^the bot tells the employee (\w+) is restricted because ""(.*)""$")]
    public void ThenToldRestricted(string ticker, string reason) => Expect.That(
        phrases.Restricted(ticker).Match(request.Summary!.Text).Groups["reason"].Value == reason,
        $"A request in {ticker} should be refused at the security lookup as restricted (\"{reason}\"), the conversation ended there",
        () => $"the conversation stopped at \"{request.Summary.Text}\"");

    [Then(@"^the bot refuses the confirmed request: (\w+) is restricted because ""(.*)""$")]
    public void ThenConfirmedRefused(string ticker, string reason) => Expect.That(
        phrases.Restricted(ticker).Match(request.Submission!.BotAnswer).Groups["reason"].Value == reason,
        $"A request in {ticker} restricted after its lookup should be refused when confirmed, as restricted (\"{reason}\")",
        () => $"the bot answered the confirmation with \"{request.Submission.BotAnswer}\"");

    [Then(@"^the audit log records the refused attempt on (\w+) by the employee$")]
    public async Task ThenRefusalAudited(string ticker)
    {
        var rows = (await records.AuditWithoutRequestAsync((await journeys.PersonAsync(cast.Employee)).Id, clock.Start)).Where(a => a.Details.Contains(ticker)).ToList();
        // Compliance finds blocked attempts by the action the target records them under (its contract's word).
        Expect.Equal(records.Recorded(AuditEvent.RestrictedRefused, AuditOutcome.Blocked), string.Join(", ", rows.Select(PadRecords.Recorded)),
            $"The audit rows recording the refused attempt on {ticker} by the employee (their actions)", "the audit log");
    }
}
