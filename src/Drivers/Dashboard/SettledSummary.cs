using PadUat.Support.Evidence;

namespace PadUat.Drivers.Dashboard;

/// <summary>What the database holds behind the summary's figures: the counts, and a digest of the rows they count.</summary>
public sealed record SummaryState(IReadOnlyDictionary<string, long> Figures, string RowsDigest);

/// <summary>The summary as the page showed it, and the database's figures at a moment nothing behind them changed.</summary>
public sealed record SummaryReading(IReadOnlyDictionary<string, long> Shown, IReadOnlyDictionary<string, long> Counted);

/// <summary>Other people kept changing the rows behind a figure while the page was read: no comparison is possible — broken, not failed.</summary>
public sealed class TargetTooBusy(string message) : Exception(message);

/// <summary>
/// On a shared database other people's requests move while the summary loads. Equal counts before and after the page was
/// read do not mean nothing changed (one request into "pending manager", another out: 100 before, 100 after, the page
/// rightly showed 101). So the rows behind the figures are compared — their ids, statuses and update times, as a digest —
/// and the page is read again until they held still for the whole read; only then is a difference the product's.
/// </summary>
public static class SettledSummary
{
    public const int Attempts = 5;

    public static async Task<SummaryReading> ReadAsync(Func<Task<SummaryState>> database, Func<Task<IReadOnlyDictionary<string, long>>> page)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var before = await database();
            var shown = await page();
            var after = await database();
            if (before.RowsDigest == after.RowsDigest) return new SummaryReading(shown, before.Figures);
        }
        throw new TargetTooBusy($"Target too busy to compare: the requests behind the summary changed while the page was read, {Attempts} times in a row " +
                                "(other people at work on a shared database); not a verdict on the product");
    }

    /// <summary>Each figure the page shows that is not the database's count, worded for the report; empty when all match.</summary>
    public static IReadOnlyList<string> Differences(SummaryReading reading) =>
        reading.Shown.Where(f => f.Value != reading.Counted.GetValueOrDefault(f.Key))
            .Select(f => $"{f.Key} shows {f.Value}, the database counts {reading.Counted.GetValueOrDefault(f.Key)}").ToList();
}
