using PadUat.Drivers.Slack;
using PadUat.Support;
using PadUat.Support.Contract;
using PadUat.Support.Evidence;
using Xunit;

namespace PadUat.Tests;

/// <summary>
/// The harness's reading of the bot, from the target's contract: each turn recognised by any of its alternatives, values
/// escaped, answers in several forms, and a missing entry named — so a wording slip is the harness's, never the product's.
/// </summary>
public sealed class BotPhrasesTests
{
    private static readonly BotPhrases Sandbox = new(SandboxFixture.Contract);
    private static readonly BotPhrases Real = new(TargetContract.Load(RepoRoot.Find(), "pad-real"));
    private static readonly TradeAsk Ask = new("buy", 100, "AAPL", 18000m, "USD");

    [Theory]
    [InlineData("Hi Alex! Let's request pre-approval for a personal trade. Which security? Reply with its ticker, e.g. AAPL.", "security")]
    [InlineData("Do you want to buy or sell AAPL?", "direction")]
    [InlineData("What is the estimated value of the trade, with its currency? e.g. 18000 USD", "value")]
    [InlineData("Do you confirm you hold no inside information about AAPL? Reply yes or no.", "declaration")]
    [InlineData("Cancelled. Nothing was submitted.", null)]
    public void The_stand_ins_questions_are_recognised_whatever_their_order(string text, string? question) =>
        Assert.Equal(question, Sandbox.QuestionIn(text));

    [Theory]
    [InlineData("Great. And what price are you expecting to pay per share?", "price")]
    [InlineData("Thanks! Which broker will you use?", "broker")]
    [InlineData("Could you tell me the reason for this trade?", "reason")]
    [InlineData("What security would you like to trade? You can provide a ticker (e.g., AAPL), Bloomberg code, or description.", "security")]
    public void The_real_bots_questions_are_recognised_in_any_phrasing_holding_their_words(string text, string question) =>
        Assert.Equal(question, Real.QuestionIn(text));

    [Fact]
    public void A_value_in_a_pattern_is_taken_literally()
    {
        Assert.Matches(Sandbox.UnknownSecurity("BRK.B"), "❌ Sorry, I don't know the security 'BRK.B'.");
        Assert.DoesNotMatch(Sandbox.UnknownSecurity("BRK.B"), "❌ Sorry, I don't know the security 'BRKXB'.");
        Assert.DoesNotMatch(Sandbox.AboutRequest(12), "request #123 submitted");
    }

    [Fact]
    public void Named_groups_are_read_from_whichever_alternative_matched()
    {
        Assert.Equal("12", Sandbox.Submitted.Match("✅ Request #12 submitted for your manager's approval.").Groups["id"].Value);
        Assert.Equal("no", Sandbox.ExecutionRecorded(7).Match("Thanks, recorded the execution of request #7: 100 @ 180. Within two days of approval: no").Groups["within"].Value);
        Assert.Matches(Sandbox.ExecutionAnswer(7), "⛔ Only the employee who asked may record its execution.");
    }

    [Fact]
    public void A_person_answers_in_each_of_the_forms_in_turn_as_different_people_would()
    {
        var forms = Enumerable.Range(0, 4).Select(_ => Sandbox.Answer("value", Ask)).ToHashSet();
        Assert.Equal(["18000 USD", "18000 usd"], forms.Order(StringComparer.Ordinal));
        Assert.Equal("100", Sandbox.Answer("quantity", Ask));
        Assert.Contains(Real.Answer("price", Ask), new[] { "180", "about 180" }); // the price a person works out: value / quantity
    }

    [Fact]
    public void An_execution_report_names_the_request_and_the_time_when_one_is_given() =>
        Assert.Equal("executed #9 40 @ 181.5 on 2026-11-30 09:05", Sandbox.ExecutionReport(9, 40, 181.5m, new DateTime(2026, 11, 30, 9, 5, 0)));

    [Fact]
    public void Wording_the_contract_lacks_ends_the_scenario_broken_naming_the_entry()
    {
        Assert.Equal("targets/pad-real.json has no bot.says.withdrawn (how the bot says that a request is withdrawn): add it to the target's contract",
            Assert.Throws<SetupError>(() => Real.Withdrawn(3)).Message);
        Assert.StartsWith("targets/pad-real.json has no bot.questions.declaration.declines", Assert.Throws<SetupError>(() => Real.Decline("declaration")).Message);
    }
}
