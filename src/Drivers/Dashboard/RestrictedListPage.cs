using Microsoft.Playwright;

namespace PadUat.Drivers.Dashboard;

/// <summary>
/// An entry of the restricted list as its page shows it, cell by cell as a person reads it (checklist 8.2: "ticker, security
/// name, reason, added by, date added, active status"), and whether the row is in force.
/// </summary>
public sealed record RestrictedEntry(string Ticker, string SecurityName, string Reason, string AddedBy, string DateAdded, string Status, bool InForce);

/// <summary>Compliance's restricted-list page (checklist 8.2): its entries, adding one, removing one, the inactive ones.</summary>
public sealed class RestrictedListPage(IPage page, DashboardDriver driver, PageElements el)
{
    public async Task<bool> IsDeniedAsync() => await el.On(page, "accessDenied").CountAsync() > 0;

    private static readonly string[] Cells = ["restrictedTicker", "restrictedName", "restrictedReason", "restrictedAddedBy", "restrictedSince", "restrictedStatus"];

    /// <summary>The entries shown, in one round trip.</summary>
    public async Task<IReadOnlyList<RestrictedEntry>> EntriesAsync() =>
        (await el.On(page, "restrictedRow").EvaluateAllAsync<string[][]>(
            "(rows, [inForce, ...cells]) => rows.map(r => [r.getAttribute(inForce) ?? '', ...cells.map(c => r.querySelector(c)?.innerText.trim() ?? '')])",
            Cells.Select(c => el.Selector(c)).Prepend(el.Attribute("inForce")).ToArray()))
        .Select(r => new RestrictedEntry(r[1], r[2], r[3], r[4], r[5], r[6], r[0] == "true")).ToList();

    public Task<DashboardAnswer> AddAsync(string ticker, string reason) => driver.StepAsync($"add {ticker} to the restricted list because \"{reason}\"", async () =>
    {
        await el.On(page, "restrictInstrument").FillAsync(ticker);
        await el.On(page, "restrictReason").FillAsync(reason);
        await el.On(page, "restrictAdd").ClickAsync();
        return await DashboardAnswers.ReadAsync(page, driver, el, $"add {ticker}");
    });

    public Task<DashboardAnswer> RemoveAsync(string ticker) => driver.StepAsync($"remove {ticker} from the restricted list", async () =>
    {
        var row = el.On(page, "restrictedRow").And(page.Locator($"[{el.Attribute("ticker")}='{ticker}']"));
        await el.In(row, "restrictedRemove").ClickAsync();
        return await DashboardAnswers.ReadAsync(page, driver, el, $"remove {ticker}");
    });

    /// <summary>Every entry, the inactive ones too, with the page's own toggle.</summary>
    public Task<RestrictedListPage> ShowInactiveAsync() => driver.StepAsync("show the inactive entries too", async () =>
    {
        await driver.FollowAsync(page, el.On(page, "showInactive"), el.On(page, "pageTitle"), "the restricted list with its inactive entries");
        return this;
    });
}
