using Microsoft.Playwright;

namespace PadUat.Drivers.Dashboard;

public sealed class RequestDetailPage(IPage page, PageElements el)
{
    /// <summary>The dashboard answered "no such request" — what a person who may not see the request must be told.</summary>
    public async Task<bool> IsNotFoundAsync() => await el.On(page, "notFound").CountAsync() > 0;

    /// <summary>A field of the request as shown; empty when the page does not show it (e.g. "withdrawn" on a live request).</summary>
    public async Task<string> FieldAsync(string name)
    {
        var field = el.On(page, "requestField", ("field", name));
        return await field.CountAsync() == 0 ? "" : (await field.InnerTextAsync()).Trim();
    }

    /// <summary>Checklist 7.3's sections: the employee, the security and its description, the trade, the reason, the risk, the approvals, the audit trail.</summary>
    public async Task<DetailSections> SectionsAsync() => new(await FieldAsync("employee"), await FieldAsync("security"), await FieldAsync("description"),
        await FieldAsync("direction"), await FieldAsync("quantity"), await FieldAsync("reason"), await FieldAsync("risk"),
        (await ApprovalsAsync()).Count, (await AuditActionsAsync()).Count);

    public async Task<IReadOnlyList<ApprovalRow>> ApprovalsAsync()
    {
        var rows = new List<ApprovalRow>();
        foreach (var row in await el.On(page, "approvalRow").AllAsync())
            rows.Add(new ApprovalRow(await el.In(row, "approvalType").InnerTextAsync(), await el.In(row, "approvalDecision").InnerTextAsync(),
                await el.In(row, "approvalApprover").InnerTextAsync()));
        return rows;
    }

    public async Task<ExecutionPanel?> ExecutionAsync() => await el.On(page, "execution").CountAsync() == 0 ? null
        : new ExecutionPanel(await el.On(page, "executionPrice").InnerTextAsync(), await el.On(page, "executionQuantity").InnerTextAsync(),
            await el.On(page, "executionWithinWindow").InnerTextAsync() == "yes");

    /// <summary>What the page says of the request's conflict with the firm's trading (checklist 9.2); empty when it flags none.</summary>
    public async Task<string> ConflictAsync()
    {
        var flag = el.On(page, "conflictFlag");
        return await flag.CountAsync() == 0 ? "" : (await flag.InnerTextAsync()).Trim();
    }

    public Task<IReadOnlyList<string>> AuditActionsAsync() => Rows.AttributeAsync(el.On(page, "auditRow"), el.Attribute("auditAction"));
}
