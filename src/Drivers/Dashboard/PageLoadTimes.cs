namespace PadUat.Drivers.Dashboard;

/// <summary>The pages plan 5.11 times, as compliance sees them.</summary>
public static class PageLoadTimes
{
    public static readonly IReadOnlyList<string> Pages = ["", "requests", "requests?status=pending_compliance", "compliance", "audit"];

    public static async Task<IReadOnlyDictionary<string, double>> MeasureAsync(DashboardPages pages)
    {
        var times = new Dictionary<string, double>();
        foreach (var path in Pages) times["/" + path] = await pages.LoadTimeAsync(path);
        return times;
    }
}
