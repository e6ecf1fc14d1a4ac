using PadUat.Drivers.Dashboard;
using Xunit;

namespace PadUat.Tests;

/// <summary>
/// The summary compared with the database on a busy shared target (issue 17, item 5): a page read while other people's
/// requests moved is read again, a target that never holds still is broken, and only a settled difference is the product's.
/// </summary>
public sealed class SettledSummaryTests
{
    private static IReadOnlyDictionary<string, long> Figures(long pending) => new Dictionary<string, long> { ["pending_manager"] = pending, ["total"] = 300 };

    [Fact]
    public async Task Equal_counts_before_and_after_with_rows_moving_in_between_are_read_again_not_judged()
    {
        // Read 1: one request into "pending manager" and another out while the page loaded (100, then 100; the page saw 101).
        var states = new Queue<SummaryState>([new(Figures(100), "a"), new(Figures(100), "b"), new(Figures(100), "b"), new(Figures(100), "b")]);
        var pages = new Queue<IReadOnlyDictionary<string, long>>([Figures(101), Figures(100)]);

        var reading = await SettledSummary.ReadAsync(() => Task.FromResult(states.Dequeue()), () => Task.FromResult(pages.Dequeue()));

        Assert.Empty(SettledSummary.Differences(reading));
        Assert.Empty(pages);
    }

    [Fact]
    public async Task A_target_that_never_holds_still_is_too_busy_to_compare_never_a_product_defect()
    {
        var digest = 0;
        var pageReads = 0;
        var busy = await Assert.ThrowsAsync<TargetTooBusy>(() => SettledSummary.ReadAsync(
            () => Task.FromResult(new SummaryState(Figures(100), $"{digest++}")), () => { pageReads++; return Task.FromResult(Figures(100)); }));
        Assert.StartsWith("Target too busy to compare", busy.Message);
        Assert.Equal(SettledSummary.Attempts, pageReads);
    }

    [Fact]
    public async Task A_figure_that_differs_while_nothing_moved_is_named_with_both_values()
    {
        var reading = await SettledSummary.ReadAsync(() => Task.FromResult(new SummaryState(Figures(100), "same")), () => Task.FromResult(Figures(101)));
        Assert.Equal(["pending_manager shows 101, the database counts 100"], SettledSummary.Differences(reading));
    }
}
