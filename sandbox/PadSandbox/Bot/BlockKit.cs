using System.Text.Json.Nodes;

namespace PadSandbox.Bot;

/// <summary>The few Block Kit shapes the bot sends: a header, text sections, a context line and button rows.</summary>
public static class BlockKit
{
    public static JsonObject Header(string text) => new()
    {
        ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = text },
    };

    public static JsonObject Section(string markdown) => new()
    {
        ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = markdown },
    };

    /// <summary>A section of label/value pairs, two columns as Slack shows fields (at most ten).</summary>
    public static JsonObject Fields(params (string Label, string Value)[] fields) => new()
    {
        ["type"] = "section",
        ["fields"] = new JsonArray(fields.Select(f => (JsonNode)new JsonObject { ["type"] = "mrkdwn", ["text"] = $"*{f.Label}:*\n{f.Value}" }).ToArray()),
    };

    public static JsonObject Context(string markdown) => new()
    {
        ["type"] = "context", ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = markdown }),
    };

    /// <summary>A row of buttons; a button's value, style and link only when it has them; Slack names the block when we do not.</summary>
    public static JsonObject Buttons(string? blockId, params (string ActionId, string Label, string? Value, string? Style, string? Url)[] buttons)
    {
        var block = new JsonObject
        {
            ["type"] = "actions",
            ["elements"] = new JsonArray(buttons.Select(b =>
            {
                var button = new JsonObject
                {
                    ["type"] = "button", ["action_id"] = b.ActionId,
                    ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = b.Label },
                };
                if (b.Value is not null) button["value"] = b.Value;
                if (b.Style is not null) button["style"] = b.Style;
                if (b.Url is not null) button["url"] = b.Url;
                return (JsonNode)button;
            }).ToArray()),
        };
        if (blockId is not null) block["block_id"] = blockId;
        return block;
    }

    /// <summary>An optional plain-text input (multi-line), its value sent with a click on the message's buttons.</summary>
    public static JsonObject Input(string blockId, string actionId, string label) => new()
    {
        ["type"] = "input", ["block_id"] = blockId, ["optional"] = true,
        ["label"] = new JsonObject { ["type"] = "plain_text", ["text"] = label },
        ["element"] = new JsonObject { ["type"] = "plain_text_input", ["action_id"] = actionId, ["multiline"] = true },
    };

    public static JsonArray Of(params JsonNode[] blocks) => new(blocks);
}
