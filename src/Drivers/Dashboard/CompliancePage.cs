using System.Globalization;
using Microsoft.Playwright;

namespace PadUat.Drivers.Dashboard;

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
