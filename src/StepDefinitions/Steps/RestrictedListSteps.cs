using PadUat.Contexts;
using PadUat.Drivers;
using PadUat.Drivers.Database;
using PadUat.Drivers.Slack;
using PadUat.Drivers.TestData;
using PadUat.Support;
using PadUat.Support.Configuration;
using TechTalk.SpecFlow;
using Xunit;

namespace PadUat.Steps;

/// <summary>Plan scenario 8: the restricted list refuses a request, creates nothing and audits the attempt.</summary>
[Binding]
public sealed class RestrictedListSteps(PadJourneys journeys, TestDataDriver testData, FirmDirectory directory, PadRecords records,
    ScenarioClock clock, RequestContext request)
{
    [Given(@"^compliance has put (\w+) on the restricted list because ""(.*)""$")]
    public async Task GivenRestricted(string ticker, string reason) =>
        await testData.RestrictAsync(await directory.SecurityAsync(ticker), reason, await journeys.PersonAsync(Roles.Compliance));

    [Then(@"^the bot tells the employee (\w+) is restricted because ""(.*)""$")]
    public void ThenToldRestricted(string ticker, string reason) =>
        Assert.Equal((null, reason), (request.Submission!.RequestId, BotPhrases.Restricted(ticker).Match(request.Submission.BotAnswer).Groups["reason"].Value));

    [Then(@"^the audit log records the refused attempt on (\w+) by the employee$")]
    public async Task ThenRefusalAudited(string ticker) => Assert.Single(
        await records.AuditWithoutRequestAsync((await journeys.PersonAsync(Roles.Employee)).Id, clock.Start), a => a.Details.Contains(ticker));
}
