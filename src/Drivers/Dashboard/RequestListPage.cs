using System.Globalization;
using Microsoft.Playwright;

namespace PadUat.Drivers.Dashboard;

public sealed class RequestListPage(IPage page, DashboardDriver driver)
{
    public Task<bool> FilterAsync(string? status = null, string? security = null) => driver.StepAsync(
        $"filter the list by {string.Join(", ", new[] { status, security }.Where(x => x is not null))}", async () =>
        {
            if (status is not null) await page.GetByTestId("filter-status").SelectOptionAsync(status);
            if (security is not null) await page.GetByTestId("filter-security").FillAsync(security);
            await page.GetByTestId("filter-apply").ClickAsync();
            // Up to the filtered page's document, not its full load: on a busy shared target the load event could stall the check.
            await page.WaitForURLAsync(url => url.Contains("status=", StringComparison.Ordinal) || url.Contains("security=", StringComparison.Ordinal),
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
