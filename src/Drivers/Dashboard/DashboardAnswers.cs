using Microsoft.Playwright;
using PadUat.Support.Evidence;

namespace PadUat.Drivers.Dashboard;

/// <summary>What the dashboard said after one of its buttons: read where it says it (dashboard.elements.actionDone, actionError).</summary>
internal static class DashboardAnswers
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <remarks>
    /// Polled rather than awaited as one event: a change is answered by reading the page again (a navigation), a refusal
    /// on the page as it is, and a wait for either must survive the navigation in between.
    /// </remarks>
    public static async Task<DashboardAnswer> ReadAsync(IPage page, DashboardDriver driver, PageElements el, string what)
    {
        var until = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < until)
        {
            try
            {
                var error = (await el.On(page, "actionError").TextContentAsync(new LocatorTextContentOptions { Timeout = 1_000 }))?.Trim();
                var done = (await el.On(page, "actionDone").TextContentAsync(new LocatorTextContentOptions { Timeout = 1_000 }))?.Trim();
                if (!string.IsNullOrEmpty(error) || !string.IsNullOrEmpty(done))
                {
                    await driver.ScreenshotAsync(page, $"after: {what}");
                    return new DashboardAnswer(string.IsNullOrEmpty(error), string.IsNullOrEmpty(error) ? done! : error);
                }
            }
            catch (PlaywrightException) { } // the page was being read again: try once more
            await Task.Delay(100);
        }
        await driver.ScreenshotAsync(page, $"no answer to: {what}");
        throw new CheckFailed($"Within {Wait.TotalSeconds:0} s of \"{what}\" the dashboard said neither that it was done nor why not");
    }
}
