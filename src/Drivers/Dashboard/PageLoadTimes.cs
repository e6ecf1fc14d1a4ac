namespace PadUat.Drivers.Dashboard;

/// <summary>The pages plan 5.11 times, as compliance sees them.</summary>
public static class PageLoadTimes
{
    /// <summary>The pages, the filtered list by the status the target stores for "waiting for compliance".</summary>
    public static IReadOnlyList<string> Pages(string waitingForCompliance) => ["", "requests", $"requests?status={waitingForCompliance}", "compliance", "audit"];

    public static async Task<IReadOnlyDictionary<string, double>> MeasureAsync(DashboardPages pages, string waitingForCompliance)
    {
        var times = new Dictionary<string, double>();
        foreach (var path in Pages(waitingForCompliance)) times["/" + path] = await pages.LoadTimeAsync(path);
        return times;
    }
}
