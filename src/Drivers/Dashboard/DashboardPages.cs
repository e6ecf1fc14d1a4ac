using System.Globalization;
using Microsoft.Playwright;
using PadUat.Support.Contract;

namespace PadUat.Drivers.Dashboard;

/// <summary>The dashboard's pages as one signed-in person opens them; each visit is a report step with a screenshot.</summary>
/// <remarks>Where each page is comes from the target's contract (dashboard.routes).</remarks>
public sealed class DashboardPages(IPage page, DashboardDriver driver, TargetContract contract, PageElements el)
{
    public Task<SummaryPage> SummaryAsync() => OpenAsync("the summary", contract.Route("summary"), () => new SummaryPage(page, el));

    public Task<RequestListPage> RequestListAsync() => OpenAsync("the request list", contract.Route("requestList"), () => new RequestListPage(page, driver, el));

    public Task<RequestDetailPage> RequestAsync(int id) =>
        OpenAsync($"request #{id}", contract.Route("request", ("id", id.ToString(CultureInfo.InvariantCulture))), () => new RequestDetailPage(page, el));

    public Task<CompliancePage> ComplianceAsync() => OpenAsync("the compliance view", contract.Route("complianceView"), () => new CompliancePage(page, driver, el));

    public Task<RestrictedListPage> RestrictedListAsync() => OpenAsync("the restricted list", contract.Route("restrictedList"), () => new RestrictedListPage(page, driver, el));

    public Task<AuditLogPage> AuditLogAsync(int? requestId = null) =>
        OpenAsync("the audit log", requestId is null ? contract.Route("auditLog") : contract.Route("requestAudit", ("id", requestId.Value.ToString(CultureInfo.InvariantCulture))),
            () => new AuditLogPage(page, el));

    /// <summary>The pages plan 5.11 times, as compliance sees them: the summary, the list, the list of requests waiting for compliance, the compliance view, the audit log.</summary>
    public IReadOnlyList<string> TimedPaths(string waitingForCompliance) =>
    [
        contract.Route("summary"), contract.Route("requestList"), contract.Route("requestsWithStatus", ("status", waitingForCompliance)),
        contract.Route("complianceView"), contract.Route("auditLog"),
    ];

    /// <summary>Load time of a page from the browser's Navigation Timing (start of navigation to the end of the load event).</summary>
    public Task<double> LoadTimeAsync(string path) => driver.StepAsync($"load time of /{path}", async () =>
    {
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var loadMs = await page.EvaluateAsync<double>(
            "() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime; }");
        await driver.ScreenshotAsync(page, $"/{path} ({loadMs:0} ms)");
        return loadMs;
    });

    private Task<T> OpenAsync<T>(string name, string path, Func<T> pageObject) => driver.StepAsync($"open {name}", async () =>
    {
        await page.GotoAsync(path);
        await el.On(page, "pageTitle").WaitForAsync();
        await driver.ScreenshotAsync(page, name);
        return pageObject();
    });
}
