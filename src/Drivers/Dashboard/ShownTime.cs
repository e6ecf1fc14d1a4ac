using System.Globalization;

namespace PadUat.Drivers.Dashboard;

/// <summary>A date and time as a dashboard page shows it ("2026-12-03 09:15:00 UTC", or without the zone: read as UTC).</summary>
public static class ShownTime
{
    /// <summary>The moment <paramref name="shown"/> names, in UTC; null when it is not a date and time.</summary>
    public static DateTime? Parse(string shown) =>
        DateTime.TryParse(shown.Replace(" UTC", "", StringComparison.Ordinal), CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
