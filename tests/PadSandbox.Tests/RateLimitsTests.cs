using PadSandbox.Slack;
using Xunit;

namespace PadSandbox.Tests;

/// <summary>
/// Slack's rate limits at their exact boundaries, on a clock that moves only when told: over HTTP a burst refills as it
/// goes, so SlackRulesTests can only say "about"; here the budget, the refill and the buckets' sharing are exact.
/// </summary>
public sealed class RateLimitsTests
{
    private sealed class StoppedClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly SlackMethod Post = SlackMethod.All["chat.postMessage"];
    private static readonly SlackMethod History = SlackMethod.All["conversations.history"];

    [Fact]
    public void Posting_to_one_channel_allows_a_burst_of_sixty_then_one_a_second()
    {
        var clock = new StoppedClock();
        var limits = new RateLimits(clock);
        for (var i = 0; i < RateTier.PostPerChannel.Calls; i++) Assert.Null(limits.Take(Post, "A1", "D1"));
        Assert.Equal(1, limits.Take(Post, "A1", "D1"));
        Assert.Null(limits.Take(Post, "A1", "D2"));
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.Null(limits.Take(Post, "A1", "D1"));
        Assert.Equal(1, limits.Take(Post, "A1", "D1"));
    }

    [Fact]
    public void A_tier_s_budget_is_the_app_s_whoever_calls_and_another_app_has_its_own()
    {
        var limits = new RateLimits(new StoppedClock());
        for (var i = 0; i < RateTier.Tier3.Calls; i++) Assert.Null(limits.Take(History, "A1", null));
        Assert.Equal(2, limits.Take(History, "A1", null)); // a call every 1.2 s: the whole seconds to wait
        Assert.Null(limits.Take(History, "BOT", null));
    }
}
