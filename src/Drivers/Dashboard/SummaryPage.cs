using System.Globalization;
using Microsoft.Playwright;

namespace PadUat.Drivers.Dashboard;

public sealed class SummaryPage(IPage page)
{
    public static readonly string[] Figures =
        ["total", "pending_manager", "pending_compliance", "approved", "executed", "rejected", "withdrawn", "open-conflicts"];

    public async Task<IReadOnlyDictionary<string, long>> FiguresAsync()
    {
        var figures = new Dictionary<string, long>();
        foreach (var name in Figures)
            figures[name] = long.Parse(await page.GetByTestId($"stat-{name}").InnerTextAsync(), CultureInfo.InvariantCulture);
        return figures;
    }
}
