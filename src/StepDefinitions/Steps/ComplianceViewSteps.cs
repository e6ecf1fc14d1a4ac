using PadUat.Contexts;
using PadUat.Drivers;
using PadUat.Drivers.Dashboard;
using PadUat.Drivers.Database;
using PadUat.Drivers.Slack;
using PadUat.Support.Contract;
using PadUat.Support.Configuration;
using PadUat.Support.Evidence;
using TechTalk.SpecFlow;

namespace PadUat.Steps;

/// <summary>Checklist 7.4: compliance sorts the requests waiting for it by risk, and approves or declines them from the dashboard.</summary>
[Binding]
public sealed class ComplianceViewSteps(DashboardDriver dashboard, SlackDriver slack, Cast cast, PadRecords records, TargetContract contract, RequestContext request,
    DashboardContext opened)
{
    [When(@"^compliance sorts the compliance view by risk$")]
    public async Task WhenSortsByRisk() =>
        opened.Compliance = await (await (await dashboard.AsAsync(cast.Compliance)).ComplianceAsync()).SortByRiskAsync();

    /// <summary>Highest first, and each risk shown is the one stored: a list sorted by a risk it made up proves nothing.</summary>
    [Then(@"^the pending requests are listed from the highest risk to the lowest, each with the risk stored for it$")]
    public async Task ThenSortedByRisk()
    {
        var rows = await opened.Compliance!.PendingRowsAsync();
        var stored = await records.RisksAsync(rows.Select(r => r.Id).ToList());
        var shown = rows.Select(r => $"#{r.Id} {r.Risk}").ToList();
        Expect.Same(rows.Select(r => $"#{r.Id} {stored.GetValueOrDefault(r.Id)}"), shown, "The risk of each pending request", "the database", "the compliance view");
        var byWord = contract.Words<RiskLevel>().ToDictionary(w => w.Value, w => (int)w.Key);
        var ranks = rows.Select(r => byWord.GetValueOrDefault(r.Risk, -1)).ToList();
        Expect.That(ranks.Zip(ranks.Skip(1)).All(p => p.First >= p.Second) && ranks.Distinct().Count() > 1,
            "The pending requests should be listed from the highest risk to the lowest, more than one risk among them",
            () => $"they are listed as {string.Join(", ", shown)}");
    }

    [When(@"^compliance approves the request on the dashboard with the comment ""(.+)""$")]
    public async Task WhenApprovesOnDashboard(string comment) =>
        opened.Answer = await (await OpenAsync()).ApproveAsync(request.RequestId, comment);

    [When(@"^compliance declines the request on the dashboard because ""(.+)""$")]
    public async Task WhenDeclinesOnDashboard(string reason) =>
        opened.Answer = await (await OpenAsync()).DeclineAsync(request.RequestId, reason);

    [When(@"^compliance declines the request on the dashboard without a reason$")]
    public async Task WhenDeclinesWithoutReason() =>
        opened.Answer = await (await OpenAsync()).DeclineAsync(request.RequestId, null);

    [Then(@"^the dashboard (accepts|refuses) the decision, saying so$")]
    public void ThenDashboardAnswers(string answer) => Expect.That(opened.Answer!.Done == (answer == "accepts") && opened.Answer.Message.Length > 0,
        $"The dashboard should {(answer == "accepts" ? "accept the decision" : "refuse the decision")} and say so",
        () => $"it {(opened.Answer.Done ? "accepted it" : "refused it")}, saying \"{opened.Answer.Message}\"");

    /// <summary>The compliance view, with each person's Slack noted first: a decision made here is told to them there.</summary>
    private async Task<CompliancePage> OpenAsync()
    {
        await slack.ListenAsync();
        return await (await dashboard.AsAsync(cast.Compliance)).ComplianceAsync();
    }
}
