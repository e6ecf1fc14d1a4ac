using PadUat.Support.Evidence;
using PadUat.Support.Features;
using Xunit;

namespace PadUat.Tests;

/// <summary>Scenario 4's days as dates: the harness's own count of business days, against which the target's rule is checked.</summary>
public sealed class BusinessCalendarTests
{
    private static readonly DateTime Start = new(2026, 12, 1, 8, 30, 0, DateTimeKind.Utc);
    private static readonly BusinessCalendar Calendar = new(new HashSet<DateOnly> { new(2026, 8, 31), new(2026, 11, 13), new(2026, 12, 25) });

    [Theory]
    [InlineData("a Monday", "2026-11-16 10:00")]                              // two weeks back at least, everything after it in the past
    [InlineData("a Thursday", "2026-11-05 10:00")]                            // not 11-12: a holiday the next day would lengthen the window
    [InlineData("the business day before a holiday", "2026-11-12 10:00")]     // the latest holiday two weeks back is Friday the 13th
    public void A_day_of_the_features_is_an_ordinary_one_in_the_past(string day, string expected) =>
        Assert.Equal(expected, Calendar.Past(day, "10:00", Start).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("the same day", "2026-08-28 10:01")]
    [InlineData("2 days later", "2026-08-30 10:01")]
    [InlineData("2 weekdays later", "2026-09-01 10:01")]
    [InlineData("2 business days later", "2026-09-02 10:01")]
    public void What_follows_an_approval_counts_calendar_days_weekdays_or_business_days(string offset, string expected) =>
        Assert.Equal(expected, Calendar.Later(new DateTime(2026, 8, 28, 10, 0, 0, DateTimeKind.Utc), offset, "10:01")
            .ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_target_without_a_holiday_in_the_past_year_ends_the_example_broken_naming_why() =>
        Assert.StartsWith("The target lists no weekday holiday",
            Assert.Throws<SetupError>(() => new BusinessCalendar(new HashSet<DateOnly>()).Past("the business day before a holiday", "10:00", Start)).Message);
}
