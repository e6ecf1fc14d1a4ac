using System.Globalization;
using Microsoft.Playwright;

namespace PadUat.Drivers.Dashboard;

public sealed class SummaryPage(IPage page, PageElements el)
{
    /// <summary>The figures named (the total, each status as the target stores it, open conflicts), as the page shows them.</summary>
    public async Task<IReadOnlyDictionary<string, long>> FiguresAsync(IEnumerable<string> names)
    {
        var figures = new Dictionary<string, long>();
        foreach (var name in names)
            figures[name] = long.Parse(await el.On(page, "summaryFigure", ("figure", name)).InnerTextAsync(), CultureInfo.InvariantCulture);
        return figures;
    }
}
