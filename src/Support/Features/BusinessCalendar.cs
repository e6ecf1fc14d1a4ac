using System.Globalization;
using System.Text.RegularExpressions;
using PadUat.Support.Evidence;

namespace PadUat.Support.Features;

/// <summary>
/// The days scenario 4 speaks of, as dates: "a Monday at 10:00" (an ordinary one, in a week without holidays, two to three
/// weeks before the scenario so that everything after it is in the past), "the business day before a holiday at 10:00" (the
/// latest weekday holiday of the target's list at least two weeks back), and what follows an approval: "the same day",
/// "2 days later" (calendar days), "2 weekdays later" (Saturdays and Sundays skipped), "2 business days later" (the
/// target's holidays skipped too). Dates are UTC. The harness's own count, so the target's rule is checked against it.
/// </summary>
public sealed partial class BusinessCalendar(IReadOnlySet<DateOnly> holidays)
{
    private static readonly TimeSpan LookBack = TimeSpan.FromDays(14);

    /// <summary>The approval's moment in the past for <paramref name="day"/> ("a Monday", "the business day before a holiday").</summary>
    public DateTime Past(string day, string time, DateTime scenarioStart)
    {
        var latest = DateOnly.FromDateTime(scenarioStart - LookBack);
        if (day == "the business day before a holiday")
        {
            var holiday = holidays.Where(h => h <= latest && IsWeekday(h)).DefaultIfEmpty().Max();
            if (holiday == default || holiday < latest.AddDays(-400))
                throw new SetupError($"The target lists no weekday holiday in the year before {latest:yyyy-MM-dd}: scenario 4's holiday example needs one");
            var before = holiday.AddDays(-1);
            while (!IsBusinessDay(before)) before = before.AddDays(-1);
            return At(before, time);
        }
        var weekday = Enum.Parse<DayOfWeek>(WeekdayWords().Match(day) is { Success: true } m ? m.Groups[1].Value : throw Unknown("a day", day));
        var candidate = latest;
        // An ordinary week: no holiday from that day to a week after it, so only the weekend can lengthen the window.
        while (candidate.DayOfWeek != weekday || Enumerable.Range(0, 8).Any(i => holidays.Contains(candidate.AddDays(i))))
            candidate = candidate.AddDays(-1);
        return At(candidate, time);
    }

    /// <summary>A moment after <paramref name="approvedAt"/>: "the same day", "N days later", "N weekdays later", "N business days later".</summary>
    public DateTime Later(DateTime approvedAt, string offset, string time)
    {
        var day = DateOnly.FromDateTime(approvedAt);
        if (offset == "the same day") return At(day, time);
        var m = OffsetWords().Match(offset);
        if (!m.Success) throw Unknown("a day after the approval", offset);
        var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["kind"].Value == "days") return At(day.AddDays(n), time);
        Func<DateOnly, bool> counts = m.Groups["kind"].Value == "weekdays" ? IsWeekday : IsBusinessDay;
        for (var counted = 0; counted < n;)
        {
            day = day.AddDays(1);
            if (counts(day)) counted++;
        }
        return At(day, time);
    }

    private static bool IsWeekday(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private bool IsBusinessDay(DateOnly day) => IsWeekday(day) && !holidays.Contains(day);

    private static DateTime At(DateOnly day, string time) =>
        day.ToDateTime(TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static ArgumentException Unknown(string what, string words) => new($"\"{words}\" is not {what} the features know");

    [GeneratedRegex("^an? (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$")]
    private static partial Regex WeekdayWords();

    [GeneratedRegex(@"^(?<n>\d+) (?<kind>days|weekdays|business days) later$")]
    private static partial Regex OffsetWords();
}
