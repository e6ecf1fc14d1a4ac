using System.Text.Json.Nodes;
using PadUat.Drivers.Slack;
using Xunit;

namespace PadUat.Tests;

/// <summary>Who wrote a message is its author's user id: Slack stamps bot_id on a person's message posted through an app.</summary>
public sealed class SlackMessageTests
{
    private const string Bot = "UPADBOT01";

    [Fact]
    public void The_bots_message_is_the_bots_and_a_persons_message_posted_through_an_app_is_still_theirs()
    {
        var fromBot = SlackMessage.From(JsonNode.Parse("""{ "ts": "1.000001", "user": "UPADBOT01", "bot_id": "BPAD01", "app_id": "APAD01", "text": "Which security?" }""")!);
        var personThroughAnApp = SlackMessage.From(JsonNode.Parse("""{ "ts": "1.000002", "user": "UALEX01", "bot_id": "BDRIVER01", "app_id": "ADRIVER01", "text": "AAPL" }""")!);
        var personTyping = SlackMessage.From(JsonNode.Parse("""{ "ts": "1.000003", "user": "UALEX01", "client_msg_id": "5b0e…", "text": "AAPL" }""")!);
        Assert.True(fromBot.IsFrom(Bot));
        Assert.False(personThroughAnApp.IsFrom(Bot));
        Assert.False(personTyping.IsFrom(Bot));
    }

    [Fact]
    public void A_messages_time_is_slacks_ts_to_the_microsecond()
    {
        var asked = new SlackMessage("1764580866.068123", "UALEX01", null, "hi", null);
        var answered = new SlackMessage("1764580866.904456", "UPADBOT01", "BPAD01", "Which security?", null);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764580866).AddTicks(681230), asked.PostedAt);
        Assert.Equal(836.333, (answered.PostedAt - asked.PostedAt).TotalMilliseconds, 3);
    }

    [Fact]
    public void The_bots_answer_to_an_opening_is_in_a_thread_begun_by_it_or_after_it_never_in_an_earlier_one()
    {
        var opening = new SlackMessage("100.000200", "UALEX01", null, "hi", null);
        Assert.True(PadUat.Drivers.Slack.BotConversation.Answers(new SlackMessage("100.000300", "UPADBOT01", "B1", "Which security?", null, "100.000200"), opening));
        Assert.True(PadUat.Drivers.Slack.BotConversation.Answers(new SlackMessage("100.000500", "UPADBOT01", "B1", "Which security?", null, "100.000400"), opening));
        Assert.True(PadUat.Drivers.Slack.BotConversation.Answers(new SlackMessage("100.000300", "UPADBOT01", "B1", "Which security?", null), opening));
        Assert.False(PadUat.Drivers.Slack.BotConversation.Answers(new SlackMessage("100.000300", "UPADBOT01", "B1", "Request #7 is approved", null, "100.000100"), opening));
        Assert.False(PadUat.Drivers.Slack.BotConversation.Answers(new SlackMessage("100.000100", "UPADBOT01", "B1", "Which security?", null), opening));
    }
}
