using System.Globalization;
using Microsoft.Playwright;

namespace PadUat.Drivers.Dashboard;

public sealed class RequestListPage(IPage page, DashboardDriver driver)
{
    public Task<bool> FilterAsync(RequestListFilter filter) => driver.StepAsync($"filter the list by {filter}", async () =>
        {
            if (filter.Status is not null) await page.GetByTestId("filter-status").SelectOptionAsync(filter.Status);
            if (filter.Ticker is not null) await page.GetByTestId("filter-security").FillAsync(filter.Ticker);
            if (filter.Employee is not null) await page.GetByTestId("filter-employee").FillAsync(filter.Employee.Id.ToString(CultureInfo.InvariantCulture));
            await page.GetByTestId("filter-apply").ClickAsync();
            // Up to the filtered page's document, not its full load: on a busy shared target the load event could stall the check.
            await page.WaitForURLAsync(url => url.Contains("status=", StringComparison.Ordinal),
                new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
            await page.GetByTestId("request-count").WaitForAsync();
            await driver.ScreenshotAsync(page, "filtered request list");
            return true;
        });

    public async Task<long> MatchingCountAsync() =>
        long.Parse(await page.GetByTestId("request-count").InnerTextAsync(), CultureInfo.InvariantCulture);

    /// <summary>All rows in one round trip to the browser: a page of 50 rows cell by cell would take seconds.</summary>
    public Task<IReadOnlyList<RequestRow>> RowsAsync() => Rows.ReadAsync(page.GetByTestId("request-row"));
}
