using System.Globalization;
using PadUat.Contexts;
using PadUat.Drivers;
using PadUat.Drivers.Dashboard;
using PadUat.Drivers.Database;
using PadUat.Support.Configuration;
using PadUat.Support.Evidence;
using TechTalk.SpecFlow;

namespace PadUat.Steps;

/// <summary>
/// Checklist 7.3, 7.5 and 9.2: what compliance reviews on the dashboard — every section of a request, its execution, its
/// conflict, and the audit log's order and actors — each against what the database holds.
/// </summary>
[Binding]
public sealed class RequestReviewSteps(DashboardDriver dashboard, PadJourneys journeys, Cast cast, PadRecords records, RequestContext request, DashboardContext opened)
{
    [Then(@"^the detail shows every section as the database holds it: the employee, the security and its description, the trade, the reason, the risk, the approvals and the audit trail$")]
    public async Task ThenEverySection()
    {
        var stored = (await records.RequestAsync(request.RequestId))!;
        Expect.Equal(new DetailSections((await journeys.PersonByIdAsync(stored.EmployeeId)).Name, stored.Ticker, (await journeys.SecurityAsync(stored.Ticker)).Description,
                stored.Direction, stored.Quantity.ToString("0.##", CultureInfo.InvariantCulture), stored.Reason ?? "", stored.Risk ?? "",
                (await records.ApprovalsAsync(request.RequestId)).Count, (await records.AuditTrailAsync(request.RequestId)).Count),
            await opened.Detail!.SectionsAsync(), $"The sections of request #{request.RequestId}", "the dashboard");
    }

    [Then(@"^the detail shows the execution's quantity and price as recorded$")]
    public async Task ThenExecutionAsRecorded()
    {
        var recorded = (await records.ExecutionAsync(request.RequestId))!;
        Expect.Equal<(decimal?, decimal?)>((recorded.Quantity, recorded.Price), (await opened.Detail!.ExecutionAsync())?.Values ?? default,
            $"The execution of request #{request.RequestId} (quantity, price)", "the dashboard");
    }

    [Then(@"^compliance sees the request's conflict details on the dashboard$")]
    public async Task ThenConflictDetails()
    {
        var detail = (await records.RequestAsync(request.RequestId))!.ConflictDetail ?? "";
        var shown = await (await (await dashboard.AsAsync(cast.Compliance)).RequestAsync(request.RequestId)).ConflictAsync();
        Expect.That(detail.Length > 0 && shown.Contains(detail, StringComparison.Ordinal),
            $"The request's page should show its conflict's details (\"{detail}\")", () => $"it shows \"{shown}\"");
    }

    [Then(@"^the audit log view shows who did each of the request's actions, in the order they happened$")]
    public async Task ThenAuditOrderAndActors()
    {
        var happened = new List<(string, string)>();
        foreach (var entry in await records.AuditTrailAsync(request.RequestId))
            happened.Add((entry.Action, (await journeys.PersonByIdAsync(entry.ActorId)).Name));
        var problems = AuditTimeline.Problems(await opened.AuditLog!.EntriesAsync(), happened);
        Expect.That(problems.Count == 0, $"The audit log view should list request #{request.RequestId}'s actions in the order they happened, each with who did it",
            () => string.Join("; ", problems));
    }
}
