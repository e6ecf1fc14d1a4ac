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
}
