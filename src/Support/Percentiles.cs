namespace PadUat.Support;

/// <summary>Nearest-rank percentiles: with few samples (plan 5.11 asks for 20) no interpolation is invented.</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyCollection<double> values, double percentile)
    {
        if (values.Count == 0) throw new ArgumentException("No values to take a percentile of", nameof(values));
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
