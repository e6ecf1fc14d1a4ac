using System.Globalization;
using Microsoft.Playwright;

namespace PadUat.Drivers.Dashboard;

/// <summary>A pending request as compliance's view lists it: its number and the risk shown beside it.</summary>
public sealed record PendingRow(int Id, string Risk);

/// <summary>What the dashboard answered to a button: done, with its message, or refused, with the reason it showed.</summary>
public sealed record DashboardAnswer(bool Done, string Message);

/// <summary>Compliance's view (checklist 7.4): the requests waiting for compliance, sortable by risk, each decided on the page; the open conflicts.</summary>
public sealed class CompliancePage(IPage page, DashboardDriver driver, PageElements el)
{
    public async Task<bool> IsDeniedAsync() => await el.On(page, "accessDenied").CountAsync() > 0;

    /// <summary>The compliance view read afresh from the dashboard.</summary>
    public Task ReloadAsync() => page.ReloadAsync();

    public async Task<long> PendingCountAsync() =>
        long.Parse(await el.On(page, "pendingComplianceCount").InnerTextAsync(), CultureInfo.InvariantCulture);

    public Task<IReadOnlyList<int>> PendingRequestIdsAsync() => IdsAsync("pendingComplianceTable");

    public Task<IReadOnlyList<int>> ConflictRequestIdsAsync() => IdsAsync("conflictTable");

    /// <summary>Sorts the pending requests by risk as a person does, with the page's own control.</summary>
    public Task<CompliancePage> SortByRiskAsync() => driver.StepAsync("sort the pending requests by risk", async () =>
    {
        await driver.FollowAsync(page, el.On(page, "sortByRisk"), el.On(page, "pendingComplianceTable"), "pending requests sorted by risk");
        return this;
    });

    /// <summary>The pending rows in the order shown, each with its risk, in one round trip.</summary>
    public async Task<IReadOnlyList<PendingRow>> PendingRowsAsync() =>
        (await PendingTable().EvaluateAllAsync<string[][]>(
            "(rows, [attribute, risk]) => rows.map(r => [r.getAttribute(attribute) ?? '', (r.querySelector(risk)?.innerText ?? '').trim()])",
            new[] { el.Attribute("requestId"), el.Selector("cellRisk") }))
        .Select(r => new PendingRow(int.Parse(r[0], CultureInfo.InvariantCulture), r[1])).ToList();

    /// <summary>Approve on the request's row, with <paramref name="comments"/> typed first if any.</summary>
    public Task<DashboardAnswer> ApproveAsync(int requestId, string? comments) =>
        DecideAsync(requestId, "approve", "approveComments", comments, $"approve request #{requestId}{(comments is null ? "" : $" with the comment \"{comments}\"")}");

    /// <summary>Decline on the request's row, with <paramref name="reason"/> typed first if any.</summary>
    public Task<DashboardAnswer> DeclineAsync(int requestId, string? reason) =>
        DecideAsync(requestId, "decline", "declineReason", reason, $"decline request #{requestId}{(reason is null ? " without a reason" : $" because \"{reason}\"")}");

    private Task<DashboardAnswer> DecideAsync(int requestId, string button, string textBox, string? text, string title) => driver.StepAsync(title, async () =>
    {
        var row = PendingTable().And(page.Locator($"[{el.Attribute("requestId")}='{requestId}']"));
        if (text is not null) await el.In(row, textBox).FillAsync(text);
        await el.In(row, button).ClickAsync();
        return await DashboardAnswers.ReadAsync(page, driver, el, title);
    });

    private ILocator PendingTable() => el.In(el.On(page, "pendingComplianceTable"), "requestRow");

    private async Task<IReadOnlyList<int>> IdsAsync(string table) =>
        (await Rows.AttributeAsync(el.In(el.On(page, table), "requestRow"), el.Attribute("requestId")))
        .Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToList();
}
