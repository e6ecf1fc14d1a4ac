using System.Globalization;
using PadSandbox.Bot;
using PadSandbox.Workflow;
using Xunit;

namespace PadSandbox.Tests;

/// <summary>
/// The bot reads answers as an LLM would and words itself from a seed: the same seed words a conversation the same way,
/// another seed differently; answers in natural forms are understood, and unusable ones are not guessed at.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class BotReadingTests(SandboxFixture f)
{
    private static readonly string[] Lines = ["one {x}", "two {x}", "three {x}", "four {x}", "five {x}"];

    [Fact]
    public void The_same_seed_words_a_conversation_the_same_way_and_other_seeds_vary_it()
    {
        var turns = Enumerable.Range(0, 20).Select(i => $"turn{i}").ToList();
        string Words(int seed) => string.Join('|', turns.Select(t => new BotWording(seed).Say("U1#1", t, Lines, ("x", "AAPL"))));
        Assert.Equal(Words(42), Words(42));
        Assert.NotEqual(Words(42), Words(43));
        Assert.All(Words(7).Split('|'), line => Assert.EndsWith(" AAPL", line));
        Assert.True(Words(42).Split('|').Distinct().Count() > 1, "one seed uses several phrasings across turns");
    }

    [Fact]
    public void A_detour_is_taken_about_one_time_in_n()
    {
        var taken = Enumerable.Range(0, 300).Count(i => new BotWording(5).Now($"U1#{i}", "coach", 3));
        Assert.InRange(taken, 60, 140);
    }

    [Theory]
    [InlineData("Buy", "BUY")]
    [InlineData("I want to buy", "BUY")]
    [InlineData("selling", "SELL")]
    [InlineData("hold", null)]
    [InlineData("buy or sell?", null)]
    public void A_direction_is_read_in_natural_forms(string answer, string? direction) => Assert.Equal(direction, Answers.Direction(answer));

    [Theory]
    [InlineData("100", 100)]
    [InlineData("100 shares", 100)]
    [InlineData("1,000", 1000)]
    [InlineData("about $150.00", 150)]
    [InlineData("0", null)]
    [InlineData("-5", null)]
    [InlineData("lots", null)]
    public void An_amount_above_zero_is_read_wherever_it_is_written(string answer, int? amount) =>
        Assert.Equal(amount is { } a ? (decimal?)a : null, Answers.Amount(answer));

    [Theory]
    [InlineData("USD", "USD")]
    [InlineData("gbp", "GBP")]
    [InlineData("in euros", "EUR")]
    [InlineData("shells", null)]
    public void A_currency_is_read_by_code_or_name(string answer, string? currency) => Assert.Equal(currency, Answers.Currency(answer));

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yes, that's the one", true)]
    [InlineData("no", false)]
    [InlineData("No, a different one", false)]
    [InlineData("maybe", null)]
    public void A_confirmation_is_yes_no_or_neither(string answer, bool? meaning) => Assert.Equal(meaning, Answers.YesOrNo(answer));

    [Theory]
    [InlineData("2026-01-20 14:30", "2026-01-20T14:30:00Z")]
    [InlineData("on 2026-01-20 at 9:05 UTC", "2026-01-20T09:05:00Z")]
    [InlineData("2026-01-20", "2026-01-20T12:00:00Z")]
    [InlineData("just now", "2026-01-21T10:00:00Z")]
    [InlineData("2026-01-20 24:00", null)] // h:mm reads hours 0-23: a time past midnight is not a time of that day
    [InlineData("2026-01-20 14:60", null)]
    [InlineData("yesterday-ish", null)]
    public void An_execution_time_is_a_date_and_time_of_day_or_now(string answer, string? utc) => Assert.Equal(
        utc is null ? null : DateTime.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
        Answers.ExecutionTime(answer, new DateTime(2026, 1, 21, 10, 0, 0, DateTimeKind.Utc)));

    [Theory]
    [InlineData("AAPL", "AAPL")]
    [InlineData("AAPL US Equity", "AAPL")]
    [InlineData("aapl.o", "AAPL")]
    [InlineData("Apple", "AAPL")]
    [InlineData("BARC US Equity", "BARC")]
    [InlineData("ZZZZ", null)]
    [InlineData("10 shares", null)]
    public async Task A_security_is_found_by_ticker_bloomberg_code_symbol_or_name(string answer, string? ticker) =>
        Assert.Equal(ticker, (await new SecurityLookup(f.Db).FindAsync(answer))?.Ticker);

    [Theory]
    [InlineData("I want to trade Apple stock", "AAPL")]
    [InlineData("Can I buy some TSLA?", "TSLA")]
    [InlineData("I'd like to make a personal trade", null)]
    [InlineData("Hello", null)]
    public async Task A_security_named_in_passing_is_taken_from_the_opening(string opening, string? ticker) =>
        Assert.Equal(ticker, (await new SecurityLookup(f.Db).MentionedInAsync(opening))?.Ticker);
}
