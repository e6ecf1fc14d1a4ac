using System.Globalization;

namespace PadUat.Support.Evidence;

/// <summary>
/// Checks that fail in the plan's words: what should hold, and what the system did instead — "executed_within_two_days
/// should be false for an execution 60 h after the compliance approval; the database says true" — never a bare
/// "Expected: no / Actual: yes". A failure is a product defect (<see cref="CheckFailed"/>).
/// </summary>
public static class Expect
{
    /// <param name="should">What the plan expects, as a sentence without its full stop.</param>
    /// <param name="instead">What the system did instead, built only when the check fails.</param>
    public static void That(bool holds, string should, Func<string> instead)
    {
        if (!holds) throw new CheckFailed($"{should}; {instead()}");
    }

    /// <summary>"{what} should be {expected}; {source} says {actual}".</summary>
    public static void Equal<T>(T expected, T actual, string what, string source) =>
        That(EqualityComparer<T>.Default.Equals(expected, actual), $"{what} should be {Show(expected)}", () => $"{source} says {Show(actual)}");

    /// <summary>
    /// A figure a page read while others may be changing the database: right when it lies between the database's
    /// value just before the page was read and just after.
    /// </summary>
    public static void Between(long shown, long before, long after, string what, string source) =>
        That(IsBetween(shown, before, after),
            $"{what} should be the database's count at the time ({(before == after ? $"{before}" : $"between {before} before the page was read and {after} after")})",
            () => $"{source} says {shown}");

    /// <summary>
    /// <see cref="Between"/>, read again up to <see cref="Readings"/> times while the page's figure lies outside the
    /// database's before and after it: others' requests can come and go between two reads (a count of 306, then 305, while
    /// the page showed the 307 of the moment in between). A page that miscounts does so at every reading.
    /// </summary>
    /// <param name="shown">The page's figure as it stands.</param>
    /// <param name="count">The database's figure.</param>
    /// <param name="reload">Reads the page afresh.</param>
    public static async Task BetweenAsync(Func<Task<long>> shown, Func<Task<long>> count, long before, Func<Task> reload, string what, string source)
    {
        var (first, figure, last) = (before, await shown(), await count());
        for (var reading = 1; !IsBetween(figure, first, last) && reading < Readings; reading++)
        {
            first = await count();
            await reload();
            (figure, last) = (await shown(), await count());
        }
        Between(figure, first, last, what, source);
    }

    public const int Readings = 3;

    /// <summary>Whether a figure a page showed matches the database at some moment between two reads of it.</summary>
    public static bool IsBetween(long shown, long before, long after) => shown >= Math.Min(before, after) && shown <= Math.Max(before, after);

    /// <summary>Two lists that should hold the same items (in any order), naming what is missing and what is extra.</summary>
    public static void Same<T>(IEnumerable<T> expected, IEnumerable<T> actual, string what, string expectedSource, string actualSource)
    {
        var want = expected.Select(Show).Order(StringComparer.Ordinal).ToList();
        var got = actual.Select(Show).Order(StringComparer.Ordinal).ToList();
        var missing = want.Except(got).ToList();
        var extra = got.Except(want).ToList();
        That(want.SequenceEqual(got), $"{what} on {actualSource} should be those in {expectedSource} ({want.Count})", () =>
            $"{actualSource} shows {got.Count}" + (missing.Count > 0 ? $", missing {string.Join(", ", missing)}" : "") +
            (extra.Count > 0 ? $", not in {expectedSource}: {string.Join(", ", extra)}" : ""));
    }

    public static string Show<T>(T value) => value switch
    {
        null => "nothing",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
