using System.Globalization;
using Microsoft.Playwright;

namespace PadUat.Drivers.Dashboard;

/// <summary>The dashboard's pages as one signed-in person opens them; each visit is a report step with a screenshot.</summary>
public sealed class DashboardPages(IPage page, DashboardDriver driver)
{
    public Task<SummaryPage> SummaryAsync() => OpenAsync("the summary", "", () => new SummaryPage(page));

    public Task<RequestListPage> RequestListAsync() => OpenAsync("the request list", "requests", () => new RequestListPage(page, driver));

    public Task<RequestDetailPage> RequestAsync(int id) =>
        OpenAsync($"request #{id}", $"requests/{id.ToString(CultureInfo.InvariantCulture)}", () => new RequestDetailPage(page));

    public Task<CompliancePage> ComplianceAsync() => OpenAsync("the compliance view", "compliance", () => new CompliancePage(page));

    public Task<AuditLogPage> AuditLogAsync(int? requestId = null) =>
        OpenAsync("the audit log", requestId is null ? "audit" : $"audit?request={requestId.Value.ToString(CultureInfo.InvariantCulture)}",
            () => new AuditLogPage(page));

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
        await page.GetByTestId("page-title").WaitForAsync();
        await driver.ScreenshotAsync(page, name);
        return pageObject();
    });
}
