using PadUat.Contexts;
using PadUat.Drivers;
using PadUat.Drivers.Dashboard;
using PadUat.Drivers.Database;
using PadUat.Support.Configuration;
using TechTalk.SpecFlow;
using PadUat.Support.Evidence;

namespace PadUat.Steps;

/// <summary>Plan scenario 7 (7.1–7.5) and role access: what each person sees on the dashboard, checked against SQL.</summary>
[Binding]
public sealed class DashboardSteps(DashboardDriver dashboard, PadJourneys journeys, Cast cast, PadRecords records,
    RequestContext request, DashboardContext opened)
{
    private Task<DashboardPages> AsAsync(TestPerson who) => dashboard.AsAsync(who);

    [Then(@"^every summary figure equals the count in the database$")]
    public void ThenFiguresMatch() => FiguresMatch("the requests in the database");

    [When(@"^compliance lists the requests (.+)$")]
    public async Task WhenListsFiltered(ListFilterWords words)
    {
        opened.Filter = new RequestListFilter(words.Status is { } status ? new(status.Code, dashboard.Elements.StatusLabel(status.Meaning)) : null, words.Ticker, words.OfTheEmployee ? await journeys.PersonAsync(cast.Employee) : null);
        opened.List = await (await AsAsync(cast.Compliance)).RequestListAsync();
        opened.CountBefore = await CountAsync(opened.Filter);
        await opened.List.FilterAsync(opened.Filter);
    }

    [Then(@"^the list shows the request$")]
    public async Task ThenListShows() => Expect.That((await opened.List!.RowsAsync()).Any(r => r.Id == request.RequestId),
        $"The list filtered by {opened.Filter} should show request #{request.RequestId}", () => "it does not");

    [Then(@"^every listed request matches the filter$")]
    public async Task ThenAllMatch()
    {
        var others = (await opened.List!.RowsAsync()).Where(r => !opened.Filter!.Matches(r)).ToList();
        Expect.That(others.Count == 0, $"Every request listed under the filter {opened.Filter} should match it",
            () => $"the list also shows {string.Join(", ", others.Take(5).Select(r => $"#{r.Id} ({r.Status}, {r.Security}, {r.Employee})"))}");
    }

    [Then(@"^the number of matching requests equals the count in the database$")]
    public Task ThenCountMatches() => Expect.BetweenAsync(opened.List!.MatchingCountAsync, () => CountAsync(opened.Filter!), opened.CountBefore,
        opened.List.ReloadAsync, $"The number of requests matching {opened.Filter} on the dashboard", "the dashboard");

    private Task<long> CountAsync(RequestListFilter filter) => records.CountAsync(filter.Status?.Stored, filter.Employee?.Id, filter.Ticker);

    [When(@"^compliance opens the request on the dashboard$")]
    public async Task WhenOpensDetail() => opened.Detail = await (await AsAsync(cast.Compliance)).RequestAsync(request.RequestId);

    [Then(@"^the detail shows the request as " + WorkflowWords.Status + @" for the employee, (buy|sell) (\d+) (\w+)$")]
    public async Task ThenDetailShows(RequestStatus status, StoredWord direction, string quantity, string ticker) =>
        Expect.Equal((dashboard.Elements.StatusLabel(status.Meaning), (await journeys.PersonAsync(cast.Employee)).Name, direction.Code, quantity, ticker),
            (await opened.Detail!.FieldAsync("status"), await opened.Detail.FieldAsync("employee"), await opened.Detail.FieldAsync("direction"),
             await opened.Detail.FieldAsync("quantity"), await opened.Detail.FieldAsync("security")),
            $"The detail of request #{request.RequestId} (status, employee, direction, quantity, security)", "the dashboard");

    [Then(@"^the detail shows (the manager|compliance)'s (approval|rejection)$")]
    public async Task ThenDetailApproval(Actor by, string what)
    {
        var (type, decision) = (by.Stage, what == "approval" ? "approved" : "rejected");
        var expected = new ApprovalRow(type, decision, (await journeys.PersonAsync(by.Person)).Name);
        var shown = await opened.Detail!.ApprovalsAsync();
        Expect.That(shown.Contains(expected), $"The detail should show a {type} approval \"{decision}\" by {expected.Approver}",
            () => $"it shows {(shown.Count == 0 ? "no approvals" : string.Join("; ", shown.Select(a => $"{a.Type} {a.Decision} by {a.Approver}")))}");
    }

    [Then(@"^the detail's audit trail shows the same actions as the audit log in the database$")]
    public async Task ThenDetailAudit() => Expect.Same(
        (await records.AuditTrailAsync(request.RequestId)).Select(a => a.Action), await opened.Detail!.AuditActionsAsync(),
        $"The audit actions of request #{request.RequestId}", "the database's audit log", "the detail page");

    [When(@"^compliance reviews the compliance view$")]
    public async Task WhenOpensCompliance()
    {
        var pages = await AsAsync(cast.Compliance);
        opened.CountBefore = await records.ComplianceQueueCountAsync();
        opened.Compliance = await pages.ComplianceAsync();
    }

    [Then(@"^the compliance view lists the request as waiting for compliance$")]
    public async Task ThenCompliancePending() => Expect.That((await opened.Compliance!.PendingRequestIdsAsync()).Contains(request.RequestId),
        $"The compliance view should list request #{request.RequestId} as waiting for compliance", () => "it does not");

    [Then(@"^the compliance view's pending count equals the count in the database$")]
    public Task ThenCompliancePendingCount() => Expect.BetweenAsync(opened.Compliance!.PendingCountAsync, records.ComplianceQueueCountAsync, opened.CountBefore,
        opened.Compliance.ReloadAsync, "The compliance view's pending count", "the dashboard");

    [When(@"^compliance opens the audit log for the request$")]
    public async Task WhenOpensAuditLog() => opened.AuditLog = await (await AsAsync(cast.Compliance)).AuditLogAsync(request.RequestId);

    [Then(@"^the audit log view shows the same actions as the audit log in the database for the request$")]
    public async Task ThenAuditLogMatches() => Expect.Same(
        (await records.AuditTrailAsync(request.RequestId)).Select(a => $"{a.Action} on #{a.RequestId}"),
        (await opened.AuditLog!.EntriesAsync()).Select(e => $"{e.Action} on #{e.RequestId}"),
        $"The audit entries of request #{request.RequestId}", "the database's audit log", "the audit log view");

    [When(@"^compliance opens the audit log page$")]
    public async Task WhenOpensAuditLogPage() => opened.AuditLog = await (await AsAsync(cast.Compliance)).AuditLogAsync();

    /// <summary>Checklist 7.5, "Navigate to audit log page": as it opens, before any filter, it shows entries, each one the database holds.</summary>
    [Then(@"^the audit log page shows entries, each as the audit log in the database has it$")]
    public async Task ThenAuditLogPageShowsStored()
    {
        var shown = await opened.AuditLog!.EntriesAsync();
        Expect.That(shown.Count > 0, "The audit log page, opened without a filter, should show the audit log's entries", () => "it shows none");
        var notStored = AuditTimeline.NotStored(shown, (await records.AuditTrailsAsync(AuditTimeline.Requests(shown))).Select(a => (a.Action, a.RequestId)));
        Expect.That(notStored.Count == 0, "Every entry the audit log page shows should be in the database's audit log",
            () => $"the database has no {string.Join(", ", notStored.Take(5))}");
    }

    [When(@"^the employee lists their requests on the dashboard$")]
    public async Task WhenEmployeeOpensList() => opened.List = await (await AsAsync(cast.Employee)).RequestListAsync();

    [Then(@"^every request the employee sees on the dashboard is their own$")]
    public async Task ThenOnlyOwn()
    {
        var employee = await journeys.PersonAsync(cast.Employee);
        var rows = await opened.List!.RowsAsync();
        Expect.That(rows.Any(r => r.Id == request.RequestId), $"The employee's list should show their request #{request.RequestId}", () => "it does not");
        var others = rows.Where(r => r.Employee != employee.Name).ToList();
        Expect.That(others.Count == 0, "An employee should see only their own requests (plan 5.8)",
            () => $"{employee.Name} is shown {string.Join(", ", others.Take(5).Select(r => $"#{r.Id} of {r.Employee}"))}{(others.Count > 5 ? $" and {others.Count - 5} more" : "")}");
        Expect.Equal(await records.CountAsync(null, employee.Id), await opened.List.MatchingCountAsync(),
            "The number of requests the employee sees (their count in the database)", "the dashboard");
    }

    [Then(@"^(the employee|compliance) sees the request as " + WorkflowWords.Status + " on the dashboard$")]
    public async Task ThenSeesStatus(Actor who, RequestStatus status) =>
        Expect.Equal(dashboard.Elements.StatusLabel(status.Meaning), await (await (await AsAsync(who.Person)).RequestAsync(request.RequestId)).FieldAsync("status"),
            $"The status of request #{request.RequestId} as {who.Person} sees it", "the dashboard");

    [Then(@"^compliance sees on the dashboard that the employee withdrew the request$")]
    public async Task ThenComplianceSeesWithdrawal()
    {
        var employee = (await journeys.PersonAsync(cast.Employee)).Name;
        var shown = await (await (await AsAsync(cast.Compliance)).RequestAsync(request.RequestId)).FieldAsync("withdrawn");
        Expect.That(shown?.Contains(employee, StringComparison.Ordinal) == true, $"Compliance should see that {employee} withdrew request #{request.RequestId}",
            () => $"the dashboard shows \"{shown}\"");
    }

    [Then(@"^compliance sees on the dashboard that the request was executed within two days: ""(yes|no)""$")]
    public async Task ThenComplianceSeesExecution(string within) =>
        Expect.Equal<bool?>(within == "yes", (await (await (await AsAsync(cast.Compliance)).RequestAsync(request.RequestId)).ExecutionAsync())?.WithinTwoDays,
            $"Whether request #{request.RequestId} was executed within two days{(request.ExecutionTiming is { } t ? $" ({t})" : "")}", "the dashboard");

    [Then(@"^compliance sees the request among the open conflicts on the dashboard$")]
    public async Task ThenComplianceSeesConflict() => Expect.That(
        (await (await (await AsAsync(cast.Compliance)).ComplianceAsync()).ConflictRequestIdsAsync()).Contains(request.RequestId),
        $"The compliance view's open conflicts should list request #{request.RequestId}", () => "they do not");

    [When(@"^(the employee|the manager|compliance|a colleague) opens (the request's own page|the request list|the compliance view|the audit log)$")]
    public async Task WhenOpensView(Actor who, RequestView view) =>
        opened.Sight = await (await AsAsync(who.Person)).SightOfRequestAsync(view, request.RequestId);

    [Then(@"^(?:the employee|the manager|compliance|a colleague) (sees the request|does not see the request|is told there is no such request|is refused the page)$")]
    public void ThenSight(string what) => Expect.Equal(what switch
    {
        "sees the request" => RequestSight.Shown,
        "does not see the request" => RequestSight.NotShown,
        "is told there is no such request" => RequestSight.NoSuchRequest,
        _ => RequestSight.Refused,
    }, opened.Sight, $"What the page shows of request #{request.RequestId}", "the dashboard");

    [When(@"^(the employee|the manager|compliance|a colleague) opens the dashboard summary$")]
    public async Task WhenOpensSummary(Actor who)
    {
        opened.Viewer = await journeys.PersonAsync(who.Person);
        var pages = await AsAsync(who.Person);
        opened.Summary = await SettledSummary.ReadAsync(() => records.SummaryStateAsync(who.Person.Role == Roles.Compliance ? null : opened.Viewer.Id),
            async () => await (await pages.SummaryAsync()).FiguresAsync(records.SummaryFigureNames));
    }

    [Then(@"^(?:the employee|a colleague|the manager) sees figures for their own requests$")]
    public void ThenOwnFigures() => FiguresMatch($"{opened.Viewer!.Name}'s own requests");

    [Then(@"^compliance sees figures for the whole firm$")]
    public void ThenFirmFigures() => FiguresMatch("the whole firm");

    private void FiguresMatch(string scope) => Expect.That(SettledSummary.Differences(opened.Summary!) is [],
        $"Every summary figure should count {scope} as the database does (plan 5.8)", () => string.Join("; ", SettledSummary.Differences(opened.Summary!)));
}
