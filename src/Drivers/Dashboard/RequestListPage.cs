using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PadUat.Drivers.Dashboard;

public sealed class RequestListPage(IPage page, DashboardDriver driver, PageElements el)
{
    public Task<bool> FilterAsync(RequestListFilter filter) => driver.StepAsync($"filter the list by {filter}", async () =>
        {
            if (filter.Status is not null) await el.On(page, "filterStatus").SelectOptionAsync(filter.Status.Shown);
            if (filter.Ticker is not null) await el.On(page, "filterSecurity").FillAsync(filter.Ticker);
            if (filter.Employee is not null) await el.On(page, "filterEmployee").FillAsync(filter.Employee.Id.ToString(CultureInfo.InvariantCulture));
            await el.On(page, "filterApply").ClickAsync();
            // The page's URL is polled, not a navigation awaited: waiting for a navigation after the click raced it on a
            // loaded machine (the filtered page committed between the URL check and the wait, which then timed out).
            // The count is then read from the filtered page's document, without waiting for its full load.
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]status="), new PageAssertionsToHaveURLOptions { Timeout = 10_000 });
            await el.On(page, "requestCount").WaitForAsync();
            await driver.ScreenshotAsync(page, "filtered request list");
            return true;
        });

    /// <summary>The filtered list read afresh from the dashboard (the same URL, loaded again).</summary>
    public Task ReloadAsync() => driver.StepAsync("read the filtered list again", async () =>
        {
            await page.ReloadAsync();
            await el.On(page, "requestCount").WaitForAsync();
            return true;
        });

    public async Task<long> MatchingCountAsync() =>
        long.Parse(await el.On(page, "requestCount").InnerTextAsync(), CultureInfo.InvariantCulture);

    /// <summary>All rows in one round trip to the browser: a page of 50 rows cell by cell would take seconds.</summary>
    public Task<IReadOnlyList<RequestRow>> RowsAsync() => Rows.ReadAsync(el.On(page, "requestRow"), el);
}
