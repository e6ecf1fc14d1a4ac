using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PadSandbox.Slack;
using Xunit;

namespace PadSandbox.Tests;

/// <summary>
/// The emulator refuses the blocks Slack refuses (Block Kit reference: field types, lengths, button styles), with
/// Slack's invalid_blocks answer naming the field; and it takes the blocks the PA-dealing bot sends.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class BlockKitRulesTests(SandboxFixture f)
{
    private static readonly HttpClient Http = new();
    private const string Label = """{"type":"plain_text","text":"Approve"}""";

    [Theory]
    [InlineData("""[{"type":"section","text":{"type":"mrkdwn","text":"*Request #1*"}},{"type":"actions","block_id":"decision_1","elements":[{"type":"button","action_id":"a","text":""" + Label + ""","value":"1","style":"primary"},{"type":"button","action_id":"r","text":{"type":"plain_text","text":"Reject"},"value":"1","style":"danger"},{"type":"button","action_id":"c","text":{"type":"plain_text","text":"Cancel"},"value":"1"}]}]""", null)]
    [InlineData("""[{"type":"header","text":{"type":"plain_text","text":"PAD"}},{"type":"divider"},{"type":"context","elements":[{"type":"mrkdwn","text":"a"}]},{"type":"rich_text","elements":[]}]""", null)]
    [InlineData("""[{"type":"section","text":{"type":"mrkdwn","text":""}}]""", "must be more than 0 characters [json-pointer:/blocks/0/text/text]")]
    [InlineData("""[{"type":"section"}]""", "must provide either text or fields [json-pointer:/blocks/0]")]
    [InlineData("""[{"type":"section","text":{"type":"","text":"a"}}]""", "must be one of plain_text, mrkdwn [json-pointer:/blocks/0/text/type]")]
    [InlineData("""[{"type":"section","text":{"type":"mrkdwn","text":"a"},"colour":"red"}]""", "invalid additional property: colour [json-pointer:/blocks/0]")]
    [InlineData("""[{"type":"","text":{"type":"mrkdwn","text":"a"}}]""", "unsupported type:  [json-pointer:/blocks/0/type]")]
    [InlineData("""[{"type":"actions","elements":[]}]""", "must provide between 1 and 25 items [json-pointer:/blocks/0/elements]")]
    [InlineData("""[{"type":"actions","elements":[{"type":"button","action_id":"a","text":""" + Label + ""","style":""}]}]""", "must be one of primary, danger [json-pointer:/blocks/0/elements/0/style]")]
    [InlineData("""[{"type":"actions","elements":[{"type":"button","action_id":"a","text":""" + Label + ""","style":null}]}]""", "must be one of primary, danger [json-pointer:/blocks/0/elements/0/style]")]
    [InlineData("""[{"type":"actions","elements":[{"type":"button","action_id":"a","text":{"type":"mrkdwn","text":"*Go*"}}]}]""", "must be one of plain_text [json-pointer:/blocks/0/elements/0/text/type]")]
    [InlineData("""[{"type":"actions","elements":[{"type":"button","action_id":"a","text":{"type":"plain_text","text":""}}]}]""", "must be more than 0 characters [json-pointer:/blocks/0/elements/0/text/text]")]
    [InlineData("""[{"type":"actions","elements":[{"type":"button","action_id":"a","value":"1"}]}]""", "missing required field: text [json-pointer:/blocks/0/elements/0]")]
    [InlineData("""[{"type":"actions","elements":[{"type":"button","action_id":"a","text":""" + Label + """},{"type":"button","action_id":"a","text":""" + Label + """}]}]""", "action_id a is already used in this block [json-pointer:/blocks/0/elements/1/action_id]")]
    [InlineData("""[{"type":"actions","elements":[{"type":"datepicker_with_typo","action_id":"a"}]}]""", "unsupported type: datepicker_with_typo [json-pointer:/blocks/0/elements/0/type]")]
    [InlineData("""[{"type":"input","block_id":"c","optional":true,"label":{"type":"plain_text","text":"Comments"},"element":{"type":"plain_text_input","action_id":"decision_comment","multiline":true}}]""", null)]
    [InlineData("""[{"type":"input","element":{"type":"plain_text_input","action_id":"c"}}]""", "missing required field: label [json-pointer:/blocks/0]")]
    [InlineData("""[{"type":"input","label":{"type":"mrkdwn","text":"*Comments*"},"element":{"type":"plain_text_input","action_id":"c"}}]""", "must be one of plain_text [json-pointer:/blocks/0/label/type]")]
    [InlineData("""[{"type":"input","label":{"type":"plain_text","text":"Comments"}}]""", "missing required field: element [json-pointer:/blocks/0]")]
    [InlineData("""[{"type":"input","label":{"type":"plain_text","text":"Comments"},"element":{"type":"static_select","action_id":"c"}}]""", "unsupported type: static_select [json-pointer:/blocks/0/element/type]")]
    [InlineData("""[{"type":"input","label":{"type":"plain_text","text":"Comments"},"element":{"type":"plain_text_input","action_id":"c","colour":"red"}}]""", "invalid additional property: colour [json-pointer:/blocks/0/element]")]
    public void Blocks_are_taken_or_refused_as_slack_does(string blocks, string? why) =>
        Assert.Equal(why, BlockKitRules.Violation(JsonNode.Parse(blocks)!.AsArray()));

    [Theory]
    [InlineData(75, null)]
    [InlineData(76, "must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]")]
    public void A_button_label_is_at_most_75_characters(int length, string? why) =>
        Assert.Equal(why, BlockKitRules.Violation(Button(new string('x', length), blockId: "b")));

    [Theory]
    [InlineData(255, null)]
    [InlineData(256, "must be less than 256 characters [json-pointer:/blocks/0/block_id]")]
    public void A_block_id_is_at_most_255_characters(int length, string? why) =>
        Assert.Equal(why, BlockKitRules.Violation(Button("Approve", blockId: new string('b', length))));

    [Theory]
    [InlineData(BlockKitRules.MaxBlocks, null)]
    [InlineData(BlockKitRules.MaxBlocks + 1, "must provide an array of no more than 50 items [json-pointer:/blocks]")]
    public void A_message_holds_at_most_50_blocks(int count, string? why) =>
        Assert.Equal(why, BlockKitRules.Violation(new JsonArray(Enumerable.Range(0, count).Select(_ => (JsonNode)new JsonObject { ["type"] = "divider" }).ToArray())));

    [Fact]
    public async Task Refused_blocks_get_slacks_invalid_blocks_answer_and_post_nothing()
    {
        var person = f.Sandbox.Host.Workspace.ByEmail("alex.morgan@paduat.example")!;
        var channel = f.Sandbox.Host.Workspace.OpenDirectMessage(person.Id, f.Sandbox.Host.Workspace.Bot.Id);
        var before = f.Sandbox.Host.Workspace.Messages(channel).Count;
        var answer = await PostMessageAsync(person.Token, channel, """[{"type":"section","text":{"type":"mrkdwn","text":""}}]""");
        Assert.Equal("invalid_blocks", answer["error"]!.GetValue<string>());
        Assert.Equal("must be more than 0 characters [json-pointer:/blocks/0/text/text]", answer["errors"]![0]!.GetValue<string>());
        Assert.Equal("[ERROR] must be more than 0 characters [json-pointer:/blocks/0/text/text]", answer["response_metadata"]!["messages"]![0]!.GetValue<string>());
        Assert.Equal(before, f.Sandbox.Host.Workspace.Messages(channel).Count);
    }

    [Fact]
    public async Task A_block_sent_without_a_block_id_gets_one_as_slack_names_it()
    {
        var bot = f.Sandbox.Host.Workspace.Bot;
        var channel = f.Sandbox.Host.Workspace.OpenDirectMessage(f.Sandbox.Host.Workspace.ByEmail("alex.morgan@paduat.example")!.Id, bot.Id);
        var answer = await PostMessageAsync(bot.Token, channel, """[{"type":"section","text":{"type":"mrkdwn","text":"x"}},{"type":"divider","block_id":"mine"}]""");
        var blocks = answer["message"]!["blocks"]!;
        Assert.Matches("^[0-9a-f]{5}$", blocks[0]!["block_id"]!.GetValue<string>());
        Assert.Equal("mine", blocks[1]!["block_id"]!.GetValue<string>());
    }

    /// <summary>chat.postMessage as an app sends it: JSON body, the token as a bearer; returns Slack's answer.</summary>
    private async Task<JsonNode> PostMessageAsync(string token, string channel, string blocks)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(f.Sandbox.Host.SlackApiUrl, "chat.postMessage"))
        {
            Content = new StringContent($$"""{"channel":"{{channel}}","text":"x","blocks":{{blocks}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static JsonArray Button(string label, string blockId) => new(new JsonObject
    {
        ["type"] = "actions", ["block_id"] = blockId,
        ["elements"] = new JsonArray(new JsonObject { ["type"] = "button", ["action_id"] = "a", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = label } }),
    });
}
