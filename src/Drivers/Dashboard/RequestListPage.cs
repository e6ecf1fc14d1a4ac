using System.Globalization;
using System.Text.RegularExpressions;
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
            // The page's URL is polled, not a navigation awaited: waiting for a navigation after the click raced it on a
            // loaded machine (the filtered page committed between the URL check and the wait, which then timed out).
            // The count is then read from the filtered page's document, without waiting for its full load.
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]status="), new PageAssertionsToHaveURLOptions { Timeout = 10_000 });
            await page.GetByTestId("request-count").WaitForAsync();
            await driver.ScreenshotAsync(page, "filtered request list");
            return true;
        });

    public async Task<long> MatchingCountAsync() =>
        long.Parse(await page.GetByTestId("request-count").InnerTextAsync(), CultureInfo.InvariantCulture);

    /// <summary>All rows in one round trip to the browser: a page of 50 rows cell by cell would take seconds.</summary>
    public Task<IReadOnlyList<RequestRow>> RowsAsync() => Rows.ReadAsync(page.GetByTestId("request-row"));
}
