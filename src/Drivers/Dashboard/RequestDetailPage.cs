using Microsoft.Playwright;

namespace PadUat.Drivers.Dashboard;

public sealed class RequestDetailPage(IPage page)
{
    /// <summary>The dashboard answered "no such request" — what a person who may not see the request must be told.</summary>
    public async Task<bool> IsNotFoundAsync() => await page.GetByTestId("not-found").CountAsync() > 0;

    /// <summary>A field of the request as shown; empty when the page does not show it (e.g. "withdrawn" on a live request).</summary>
    public async Task<string> FieldAsync(string name)
    {
        var field = page.GetByTestId($"request-{name}");
        return await field.CountAsync() == 0 ? "" : (await field.InnerTextAsync()).Trim();
    }

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
