using System.Globalization;

namespace PadUat.Drivers.Dashboard;

/// <summary>
/// Checklist 8.2: "Each entry shows: ticker, security name, reason, added by, date added, active status" — each entry of the
/// restricted list's page worded as the database has it, and its status reading one way in force and another once lifted.
/// </summary>
public static class RestrictedListShown
{
    /// <summary>An entry as the database has it: who added it by name, when as a day (the page's time of day and format are its own).</summary>
    public static string Line(string ticker, string securityName, string reason, string addedBy, DateTime addedAt) =>
        $"{ticker} ({securityName}): \"{reason}\", added by {addedBy} on {addedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>The same words from the page; a date added that is not a date stays as shown, so the difference names it.</summary>
    public static string Line(RestrictedEntry shown) =>
        $"{shown.Ticker} ({shown.SecurityName}): \"{shown.Reason}\", added by {shown.AddedBy} on {Day(shown.DateAdded)}";

    /// <summary>What is wrong with the statuses <paramref name="shown"/>: one without any, two in force worded apart, or a lifted entry worded as one in force.</summary>
    public static string? StatusProblem(IReadOnlyList<RestrictedEntry> shown)
    {
        var inForce = shown.Where(e => e.InForce).Select(e => e.Status).Distinct().ToList();
        var lifted = shown.Where(e => !e.InForce).Select(e => e.Status).Distinct().ToList();
        if (shown.FirstOrDefault(e => e.Status.Length == 0) is { } bare) return $"{bare.Ticker} shows no status";
        if (inForce.Count > 1) return $"the entries in force show different statuses: {string.Join(", ", inForce.Select(s => $"\"{s}\""))}";
        return lifted.Intersect(inForce).FirstOrDefault() is { } same
            ? $"an entry in force and one no longer in force both show \"{same}\"" : null;
    }

    private static string Day(string shown) =>
        ShownTime.Parse(shown) is { } at ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : $"\"{shown}\"";
}
