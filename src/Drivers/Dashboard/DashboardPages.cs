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
        return await page.EvaluateAsync<double>(
            "() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime; }");
    });

    private Task<T> OpenAsync<T>(string name, string path, Func<T> pageObject) => driver.StepAsync($"open {name}", async () =>
    {
        await page.GotoAsync(path);
        await page.GetByTestId("page-title").WaitForAsync();
        await driver.ScreenshotAsync(page, name);
        return pageObject();
    });
}

public sealed record RequestRow(int Id, string Employee, string Security, string Direction, string Quantity, string Status, bool Conflict);

public sealed record ApprovalRow(string Type, string Decision, string Approver);

public sealed record ExecutionPanel(string Price, string Quantity, bool WithinTwoDays);

public sealed record AuditRow(string Action, int? RequestId, string Actor);

public sealed class SummaryPage(IPage page)
{
    public static readonly string[] Figures =
        ["total", "pending_manager", "pending_compliance", "approved", "executed", "rejected", "withdrawn", "open-conflicts"];

    public async Task<IReadOnlyDictionary<string, long>> FiguresAsync()
    {
        var figures = new Dictionary<string, long>();
        foreach (var name in Figures)
            figures[name] = long.Parse(await page.GetByTestId($"stat-{name}").InnerTextAsync(), CultureInfo.InvariantCulture);
        return figures;
    }

    public Task<string> ScopeAsync() => page.GetByTestId("summary-scope").InnerTextAsync();
}

public sealed class RequestListPage(IPage page, DashboardDriver driver)
{
    public Task<bool> FilterAsync(string? status = null, string? security = null) => driver.StepAsync(
        $"filter the list by {string.Join(", ", new[] { status, security }.Where(x => x is not null))}", async () =>
        {
            if (status is not null) await page.GetByTestId("filter-status").SelectOptionAsync(status);
            if (security is not null) await page.GetByTestId("filter-security").FillAsync(security);
            await page.GetByTestId("filter-apply").ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("status=", StringComparison.Ordinal) || url.Contains("security=", StringComparison.Ordinal));
            await page.GetByTestId("request-count").WaitForAsync();
            await driver.ScreenshotAsync(page, "filtered request list");
            return true;
        });

    public async Task<long> MatchingCountAsync() =>
        long.Parse(await page.GetByTestId("request-count").InnerTextAsync(), CultureInfo.InvariantCulture);

    /// <summary>All rows in one round trip to the browser: a page of 50 rows cell by cell would take seconds.</summary>
    public Task<IReadOnlyList<RequestRow>> RowsAsync() => Rows.ReadAsync(page.GetByTestId("request-row"));
}

/// <summary>Reads the request rows of a table in one evaluation inside the page.</summary>
internal static class Rows
{
    private const string Script = """
        rows => rows.map(r => {
          const cell = id => (r.querySelector(`[data-testid="${id}"]`)?.innerText ?? "").trim();
          return [cell("cell-id"), cell("cell-employee"), cell("cell-security"), cell("cell-direction"), cell("cell-quantity"),
                  cell("cell-status"), cell("cell-conflict")];
        })
        """;

    public static async Task<IReadOnlyList<RequestRow>> ReadAsync(ILocator rows) =>
        (await rows.EvaluateAllAsync<string[][]>(Script)).Select(c =>
            new RequestRow(int.Parse(c[0], CultureInfo.InvariantCulture), c[1], c[2], c[3], c[4], c[5], c[6].Length > 0)).ToList();

    public static async Task<IReadOnlyList<string>> AttributeAsync(ILocator rows, string attribute) =>
        await rows.EvaluateAllAsync<string[]>($"rows => rows.map(r => r.getAttribute('{attribute}') ?? '')");
}

public sealed class RequestDetailPage(IPage page)
{
    public async Task<string> FieldAsync(string name) => (await page.GetByTestId($"request-{name}").InnerTextAsync()).Trim();

    public async Task<bool> IsNotFoundAsync() => await page.GetByTestId("not-found").CountAsync() > 0;

    public async Task<bool> ShowsConflictAsync() => await page.GetByTestId("conflict-flag").CountAsync() > 0;

    public async Task<IReadOnlyList<ApprovalRow>> ApprovalsAsync()
    {
        var rows = new List<ApprovalRow>();
        foreach (var row in await page.GetByTestId("approval-row").AllAsync())
            rows.Add(new ApprovalRow(await row.GetByTestId("approval-type").InnerTextAsync(), await row.GetByTestId("approval-decision").InnerTextAsync(),
                await row.GetByTestId("approval-approver").InnerTextAsync()));
        return rows;
    }

    public async Task<ExecutionPanel?> ExecutionAsync() => await page.GetByTestId("execution").CountAsync() == 0 ? null
        : new ExecutionPanel(await page.GetByTestId("execution-price").InnerTextAsync(), await page.GetByTestId("execution-quantity").InnerTextAsync(),
            await page.GetByTestId("execution-within-two-days").InnerTextAsync() == "yes");

    public Task<IReadOnlyList<string>> AuditActionsAsync() => Rows.AttributeAsync(page.GetByTestId("audit-row"), "data-action");
}

public sealed class CompliancePage(IPage page)
{
    public async Task<bool> IsDeniedAsync() => await page.GetByTestId("access-denied").CountAsync() > 0;

    public async Task<long> PendingCountAsync() =>
        long.Parse(await page.GetByTestId("pending-compliance-count").InnerTextAsync(), CultureInfo.InvariantCulture);

    public Task<IReadOnlyList<int>> PendingRequestIdsAsync() => IdsAsync("pending-compliance-table");

    public Task<IReadOnlyList<int>> ConflictRequestIdsAsync() => IdsAsync("conflict-table");

    public Task<IReadOnlyList<string>> RestrictedTickersAsync() => Rows.AttributeAsync(page.GetByTestId("restricted-row"), "data-ticker");

    private async Task<IReadOnlyList<int>> IdsAsync(string table) =>
        (await Rows.AttributeAsync(page.GetByTestId(table).GetByTestId("request-row"), "data-request-id"))
        .Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToList();
}

public sealed class AuditLogPage(IPage page)
{
    public async Task<bool> IsDeniedAsync() => await page.GetByTestId("access-denied").CountAsync() > 0;

    public async Task<IReadOnlyList<AuditRow>> EntriesAsync() =>
        (await page.GetByTestId("audit-row").EvaluateAllAsync<string[][]>("""
            rows => rows.map(r => [r.getAttribute('data-action') ?? '', r.getAttribute('data-request-id') ?? '',
                                   r.querySelector('[data-testid="audit-actor"]')?.innerText ?? ''])
            """)).Select(c => new AuditRow(c[0], int.TryParse(c[1], CultureInfo.InvariantCulture, out var id) ? id : null, c[2])).ToList();
}
