using System.Globalization;
using Microsoft.Playwright;

namespace PadUat.Drivers.Dashboard;

public sealed class CompliancePage(IPage page, PageElements el)
{
    public async Task<bool> IsDeniedAsync() => await el.On(page, "accessDenied").CountAsync() > 0;

    public async Task<long> PendingCountAsync() =>
        long.Parse(await el.On(page, "pendingComplianceCount").InnerTextAsync(), CultureInfo.InvariantCulture);

    public Task<IReadOnlyList<int>> PendingRequestIdsAsync() => IdsAsync("pendingComplianceTable");

    public Task<IReadOnlyList<int>> ConflictRequestIdsAsync() => IdsAsync("conflictTable");

    public Task<IReadOnlyList<string>> RestrictedTickersAsync() => Rows.AttributeAsync(el.On(page, "restrictedRow"), el.Attribute("ticker"));

    private async Task<IReadOnlyList<int>> IdsAsync(string table) =>
        (await Rows.AttributeAsync(el.In(el.On(page, table), "requestRow"), el.Attribute("requestId")))
        .Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToList();
}
