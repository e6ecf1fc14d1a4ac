using PadUat.Drivers.Dashboard;
using Xunit;

namespace PadUat.Tests;

/// <summary>Checklist 8.2's entry-by-entry reading of the restricted list's page: what makes it differ from the database, and what makes its statuses wrong.</summary>
public sealed class RestrictedListShownTests
{
    private static RestrictedEntry Shown(string ticker = "TSLA", string added = "2026-12-03 09:15:00 UTC", string status = "Active", bool inForce = true) =>
        new(ticker, "Tesla Inc", "Pending deal", "Sam Patel", added, status, inForce);

    [Fact]
    public void An_entry_shown_as_stored_reads_the_same_whatever_the_page_s_time_format()
    {
        var stored = RestrictedListShown.Line("TSLA", "Tesla Inc", "Pending deal", "Sam Patel", new DateTime(2026, 12, 3, 9, 15, 0));
        Assert.Equal(stored, RestrictedListShown.Line(Shown()));
        Assert.Equal(stored, RestrictedListShown.Line(Shown(added: "2026-12-03")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    public void A_date_added_that_is_not_a_date_is_named_as_shown(string added) =>
        Assert.Contains($"on \"{added}\"", RestrictedListShown.Line(Shown(added: added)));

    [Fact]
    public void Statuses_read_one_way_in_force_and_another_once_lifted() =>
        Assert.Null(RestrictedListShown.StatusProblem([Shown(), Shown("BARC"), Shown("AMZN", status: "Inactive", inForce: false)]));

    [Theory]
    [InlineData("Active", "", true, "BARC shows no status")]
    [InlineData("Active", "Lifted", true, "different statuses")]
    [InlineData("Active", "Active", false, "both show \"Active\"")]
    public void Statuses_missing_or_alike_are_a_problem(string first, string second, bool secondInForce, string problem) =>
        Assert.Contains(problem, RestrictedListShown.StatusProblem([Shown(status: first), Shown("BARC", status: second, inForce: secondInForce)]));
}
