using System.Text.Json.Nodes;

namespace PadSandbox.Bot;

/// <summary>The few Block Kit shapes the bot sends: text sections and button rows.</summary>
public static class BlockKit
{
    public static JsonObject Section(string markdown) => new()
    {
        ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = markdown },
    };

    /// <summary>A row of buttons; a button's value and style only when it has them (Slack names the block).</summary>
    public static JsonObject Buttons(params (string ActionId, string Label, string? Value, string? Style)[] buttons) => new()
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
            return (JsonNode)button;
        }).ToArray()),
    };

    public static JsonArray Of(params JsonNode[] blocks) => new(blocks);
}
