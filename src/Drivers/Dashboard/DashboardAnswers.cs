using Microsoft.Playwright;
using PadUat.Support;

namespace PadUat.Drivers.Dashboard;

/// <summary>What the dashboard said after one of its buttons: read where it says it (dashboard.elements.actionDone, actionError).</summary>
internal static class DashboardAnswers
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <remarks>
    /// Read again until it says something: a change is answered by reading the page again (a navigation), a refusal on the
    /// page as it is, and a read caught in the navigation in between is simply tried once more.
    /// </remarks>
    public static async Task<DashboardAnswer> ReadAsync(IPage page, DashboardDriver driver, PageElements el, string what)
    {
        var answer = await Eventually.UntilAsync(() => SaidAsync(page, el), said => said is not null, Wait,
            $"the dashboard answering \"{what}\"", _ => "neither that it was done nor why not");
        await driver.ScreenshotAsync(page, $"after: {what}");
        return answer!;
    }

    private static async Task<DashboardAnswer?> SaidAsync(IPage page, PageElements el)
    {
        try
        {
            var error = (await el.On(page, "actionError").TextContentAsync(new LocatorTextContentOptions { Timeout = 1_000 }))?.Trim();
            var done = (await el.On(page, "actionDone").TextContentAsync(new LocatorTextContentOptions { Timeout = 1_000 }))?.Trim();
            return !string.IsNullOrEmpty(error) ? new DashboardAnswer(false, error)
                : !string.IsNullOrEmpty(done) ? new DashboardAnswer(true, done)
                : null;
        }
        // Playwright's timeouts are System.TimeoutException, not PlaywrightException: on a loaded machine the page read
        // again after a decision can take longer than a read's second to show its answer (a broken scenario 7 run).
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            return null; // the page was being read again
        }
    }
}
