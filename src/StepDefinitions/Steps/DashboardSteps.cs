using PadUat.Contexts;
using PadUat.Drivers;
using PadUat.Drivers.Dashboard;
using PadUat.Drivers.Database;
using PadUat.Support.Configuration;
using TechTalk.SpecFlow;
using Xunit;

namespace PadUat.Steps;

/// <summary>Plan scenario 7 (7.1–7.5) and role access: what each person sees on the dashboard, checked against SQL.</summary>
[Binding]
public sealed class DashboardSteps(DashboardDriver dashboard, PadJourneys journeys, UatPeople people, PadRecords records,
    RequestContext request, DashboardContext opened)
{
    private async Task<DashboardPages> AsAsync(string role) => await dashboard.AsAsync(role, people.EmailOf(role));

    [When(@"^compliance opens the dashboard summary$")]
    public async Task WhenSummary() => opened.Figures = await (await (await AsAsync(Roles.Compliance)).SummaryAsync()).FiguresAsync();

    [Then(@"^every summary figure equals the count in the database$")]
    public async Task ThenFiguresMatch()
    {
        var database = await records.SummaryFiguresAsync();
        var differing = opened.Figures!.Where(f => database.GetValueOrDefault(f.Key) != f.Value)
            .Select(f => $"{f.Key} shows {f.Value}, the database counts {database.GetValueOrDefault(f.Key)}").ToList();
        Assert.True(differing.Count == 0, $"The dashboard summary disagrees with the database: {string.Join("; ", differing)}");
    }

    [When(@"^compliance lists the requests with status ""(.*)""$")]
    public async Task WhenListsByStatus(string status)
    {
        opened.List = await (await AsAsync(Roles.Compliance)).RequestListAsync();
        await opened.List.FilterAsync(status: status);
    }

    [Then(@"^the list shows the request as ""(.*)""$")]
    public async Task ThenListShows(string status) => Assert.True((await opened.List!.RowsAsync()).Any(r => r.Id == request.RequestId && r.Status == status),
        $"The filtered list does not show request #{request.RequestId} as {status}");

    [Then(@"^every listed request has status ""(.*)""$")]
    public async Task ThenAllHaveStatus(string status) => Assert.All(await opened.List!.RowsAsync(), r => Assert.Equal(status, r.Status));

    [Then(@"^the number of matching requests equals the count in the database$")]
    public async Task ThenCountMatches() => Assert.Equal(await records.CountAsync("pending_compliance", null), await opened.List!.MatchingCountAsync());

    [When(@"^compliance opens the request on the dashboard$")]
    public async Task WhenOpensDetail() => opened.Detail = await (await AsAsync(Roles.Compliance)).RequestAsync(request.RequestId);

    [Then(@"^the detail shows the request as ""(.*)"" for the employee, (buy|sell) (\d+) (\w+)$")]
    public async Task ThenDetailShows(string status, string direction, string quantity, string ticker) =>
        Assert.Equal((status, (await journeys.PersonAsync(Roles.Employee)).Name, direction, quantity, ticker),
            (await opened.Detail!.FieldAsync("status"), await opened.Detail.FieldAsync("employee"), await opened.Detail.FieldAsync("direction"),
             await opened.Detail.FieldAsync("quantity"), await opened.Detail.FieldAsync("security")));

    [Then(@"^the detail shows a ""(.*)"" approval ""(.*)"" by (the manager|compliance)$")]
    public async Task ThenDetailApproval(string type, string decision, Actor by) =>
        Assert.Contains(new ApprovalRow(type, decision, (await journeys.PersonAsync(by.Role)).Name), await opened.Detail!.ApprovalsAsync());

    [Then(@"^the detail's audit trail shows the same actions as the audit log in the database$")]
    public async Task ThenDetailAudit() => Assert.Equal(
        (await records.AuditTrailAsync(request.RequestId)).Select(a => a.Action).Order(), (await opened.Detail!.AuditActionsAsync()).Order());

    [When(@"^compliance opens the compliance view$")]
    public async Task WhenOpensCompliance() => opened.Compliance = await (await AsAsync(Roles.Compliance)).ComplianceAsync();

    [Then(@"^the compliance view lists the request as waiting for compliance$")]
    public async Task ThenCompliancePending() => Assert.True((await opened.Compliance!.PendingRequestIdsAsync()).Contains(request.RequestId),
        $"The compliance view does not list request #{request.RequestId} as waiting for compliance");

    [Then(@"^the compliance view's pending count equals the count in the database$")]
    public async Task ThenCompliancePendingCount() =>
        Assert.Equal(await records.CountAsync("pending_compliance", null), await opened.Compliance!.PendingCountAsync());

    [Then(@"^the compliance view's restricted list equals the active restricted list in the database$")]
    public async Task ThenRestrictedListMatches() => Assert.Equal(
        (await records.RestrictedListAsync()).Select(r => r.Ticker).Order(), (await opened.Compliance!.RestrictedTickersAsync()).Order());

    [When(@"^compliance opens the audit log for the request$")]
    public async Task WhenOpensAuditLog() => opened.AuditLog = await (await AsAsync(Roles.Compliance)).AuditLogAsync(request.RequestId);

    [Then(@"^the audit log view shows the same actions as the audit log in the database for the request$")]
    public async Task ThenAuditLogMatches() => Assert.Equal(
        (await records.AuditTrailAsync(request.RequestId)).Select(a => (a.Action, (int?)a.RequestId)).Order(),
        (await opened.AuditLog!.EntriesAsync()).Select(e => (e.Action, e.RequestId)).Order());

    [When(@"^the employee opens the request list$")]
    public async Task WhenEmployeeOpensList() => opened.List = await (await AsAsync(Roles.Employee)).RequestListAsync();

    [Then(@"^every request the employee sees on the dashboard is their own$")]
    public async Task ThenOnlyOwn()
    {
        var employee = await journeys.PersonAsync(Roles.Employee);
        var rows = await opened.List!.RowsAsync();
        Assert.Contains(rows, r => r.Id == request.RequestId);
        Assert.All(rows, r => Assert.Equal(employee.Name, r.Employee));
        Assert.Equal(await records.CountAsync(null, employee.Id), await opened.List.MatchingCountAsync());
    }

    [Then(@"^the employee is refused the compliance view and the audit log$")]
    public async Task ThenEmployeeRefused()
    {
        var pages = await AsAsync(Roles.Employee);
        Assert.True(await (await pages.ComplianceAsync()).IsDeniedAsync(), "The employee was shown the compliance view");
        Assert.True(await (await pages.AuditLogAsync()).IsDeniedAsync(), "The employee was shown the audit log");
    }

    [Then(@"^the employee sees the request on the dashboard as ""(.*)""$")]
    public async Task ThenEmployeeSeesRequest(string status) => Assert.True(
        (await (await (await AsAsync(Roles.Employee)).RequestListAsync()).RowsAsync()).Any(r => r.Id == request.RequestId && r.Status == status),
        $"The employee's request list does not show request #{request.RequestId} as {status}");

    [Then(@"^(the employee|compliance) sees the request as ""(.*)"" on the dashboard$")]
    public async Task ThenSeesStatus(Actor who, string status) =>
        Assert.Equal(status, await (await (await AsAsync(who.Role)).RequestAsync(request.RequestId)).FieldAsync("status"));

    [Then(@"^compliance sees on the dashboard that the employee withdrew the request$")]
    public async Task ThenComplianceSeesWithdrawal() =>
        Assert.Contains((await journeys.PersonAsync(Roles.Employee)).Name,
            await (await (await AsAsync(Roles.Compliance)).RequestAsync(request.RequestId)).FieldAsync("withdrawn"));

    [Then(@"^compliance sees on the dashboard that the request was executed within two days: ""(yes|no)""$")]
    public async Task ThenComplianceSeesExecution(string within) =>
        Assert.Equal(within == "yes", (await (await (await AsAsync(Roles.Compliance)).RequestAsync(request.RequestId)).ExecutionAsync())?.WithinTwoDays);

    [Then(@"^compliance sees (\w+) on the dashboard's restricted list$")]
    public async Task ThenComplianceSeesRestricted(string ticker) => Assert.True(
        (await (await (await AsAsync(Roles.Compliance)).ComplianceAsync()).RestrictedTickersAsync()).Contains(ticker),
        $"The compliance view's restricted list does not show {ticker}");

    [Then(@"^compliance sees the request among the open conflicts on the dashboard$")]
    public async Task ThenComplianceSeesConflict() => Assert.True(
        (await (await (await AsAsync(Roles.Compliance)).ComplianceAsync()).ConflictRequestIdsAsync()).Contains(request.RequestId),
        $"The compliance view's open conflicts do not list request #{request.RequestId}");
}
