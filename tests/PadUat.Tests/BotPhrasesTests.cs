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
    [InlineData("Hi Alex! Happy to help you get a personal trade pre-approved. Which security would you like to trade?", "security")]
    [InlineData("I found AAPL: Apple Inc (AAPL US Equity, trades in USD). Is this the security you mean?", "securityConfirmation")]
    [InlineData("Got it, AAPL. Is this a buy or a sell?", "direction")]
    [InlineData("Roughly what price do you expect to buy at?", "price")]
    [InlineData("That makes an estimated value of 18,000.00. Which currency is that in?", "currency")]
    [InlineData("Which account will it go through? The account number, please.", "account")]
    [InlineData("Too brief for compliance, I'm afraid. Add more, or reply \"that's all\" to keep it as it is.", "reasonMore")]
    [InlineData("Last thing: what's your reason for the trade?", "reason")]
    [InlineData("⛔ TSLA is on the restricted list (Test restriction for UAT). You cannot trade this security, so I've stopped this request.", null)]
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
        Assert.Matches(Sandbox.UnknownSecurity("BRK.B"), "I couldn't find 'BRK.B' among the firm's securities.");
        Assert.DoesNotMatch(Sandbox.UnknownSecurity("BRK.B"), "I couldn't find 'BRKXB' among the firm's securities.");
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
        var forms = Enumerable.Range(0, 4).Select(_ => Sandbox.Answer("currency", Ask)).ToHashSet();
        Assert.Equal(["USD", "usd"], forms.Order(StringComparer.Ordinal));
        Assert.Equal("100", Sandbox.Answer("quantity", Ask));
        Assert.Contains(Real.Answer("price", Ask), new[] { "180", "about 180" }); // the price a person works out: value / quantity
    }

    [Fact]
    public void A_confirmation_of_another_security_than_the_one_asked_for_is_answered_no()
    {
        Assert.True(Sandbox.NotAbout("securityConfirmation", "Can you confirm you are referring to APLE (Apple Hospitality REIT)?", Ask));
        Assert.False(Sandbox.NotAbout("securityConfirmation", "Can you confirm you are referring to AAPL (Apple Inc, AAPL US Equity)?", Ask));
        Assert.False(Sandbox.NotAbout("direction", "Are you buying or selling MSFT?", Ask)); // no "about": any answer goes
    }

    [Fact]
    public void An_execution_report_opens_with_the_request_and_answers_each_question_of_the_dialogue()
    {
        Assert.Contains(Sandbox.ExecutionReport(9), new[] { "I executed my trade for request 9", "I've executed request #9" });
        // The confirmation question names the actual value, the quantity question the approved quantity: each is told apart.
        Assert.Equal("confirmationNumber", Sandbox.QuestionIn("executionQuestions", "That makes an actual value of 7,260.00 USD. What's the broker's confirmation number?"));
        Assert.Equal("date", Sandbox.QuestionIn("executionQuestions", "Request #9 (BUY 40 AAPL) is approved. On what date did you execute the trade?"));
        Assert.Equal("quantity", Sandbox.QuestionIn("executionQuestions", "How many shares did you actually trade? You were approved for 40."));
        Assert.Null(Sandbox.QuestionIn("executionQuestions", "⛔ You have no request #9."));
        var report = new ExecutionReport(40, 181.5m, new DateTime(2026, 11, 30, 9, 5, 0), "CONF-UAT-9");
        Assert.Contains(Sandbox.Answer("executionQuestions", "date", report.Answers), new[] { "2026-11-30 09:05 UTC", "It was 2026-11-30 09:05 UTC" });
        Assert.Contains(Sandbox.Answer("executionQuestions", "date", (report with { At = null }).Answers), new[] { "just now", "It was just now" });
        Assert.Equal("CONF-UAT-9", Sandbox.Answer("executionQuestions", "confirmationNumber", report.Answers));
    }

    [Fact]
    public void Wording_the_contract_lacks_ends_the_scenario_broken_naming_the_entry()
    {
        Assert.Equal("targets/pad-real.json has no bot.says.withdrawn (how the bot says that a request is withdrawn): add it to the target's contract",
            Assert.Throws<SetupError>(() => Real.Withdrawn(3)).Message);
        Assert.StartsWith("targets/pad-real.json has no bot.questions.declaration.declines", Assert.Throws<SetupError>(() => Real.Decline("declaration")).Message);
    }
}
