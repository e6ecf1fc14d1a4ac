namespace PadUat.Drivers.Dashboard;

/// <summary>The pages plan 5.11 times, as compliance sees them.</summary>
public static class PageLoadTimes
{
    public static async Task<IReadOnlyDictionary<string, double>> MeasureAsync(DashboardPages pages, string waitingForCompliance)
    {
        var times = new Dictionary<string, double>();
        foreach (var path in pages.TimedPaths(waitingForCompliance)) times["/" + path] = await pages.LoadTimeAsync(path);
        return times;
    }
}
