using System.Text.Json.Nodes;

namespace PadSandbox.Slack;

/// <summary>
/// Slack's checks on the blocks of a message (docs.slack.dev, Block Kit reference), for the block types an app
/// writes here: section, actions, context, header, divider. Slack refuses a message that breaks one with
/// invalid_blocks and says which field, as "… [json-pointer:/blocks/1/elements/0/style]". Without these checks a
/// bot that sends an empty label or a button style Slack does not know would pass here and be refused by Slack.
/// Block types Slack knows but no app here writes (rich_text, image, input, …) are let through unread.
/// </summary>
public static class BlockKitRules
{
    public const int MaxBlocks = 50;
    private static readonly string[] ReadUnchecked = ["rich_text", "image", "file", "video", "markdown", "table"];
    private static readonly string[] ButtonStyles = ["primary", "danger"];
    private static readonly string[] Anywhere = ["plain_text", "mrkdwn"];
    private static readonly string[] PlainOnly = ["plain_text"];

    /// <summary>Why Slack would refuse these blocks, in Slack's words, or null when it would take them (or there are none).</summary>
    public static string? Violation(JsonArray? blocks)
    {
        if (blocks is null) return null;
        if (blocks.Count > MaxBlocks) return $"must provide an array of no more than {MaxBlocks} items [json-pointer:/blocks]";
        return blocks.Select((block, i) => Block(block, $"/blocks/{i}")).FirstOrDefault(why => why is not null);
    }

    /// <summary>
    /// The blocks as Slack stores them: a block sent without a block_id gets one Slack makes up, which its clicks then
    /// carry, so an app need not name blocks it never reads.
    /// </summary>
    public static JsonArray? WithBlockIds(JsonArray? blocks)
    {
        foreach (var block in blocks?.OfType<JsonObject>() ?? [])
            if (!block.ContainsKey("block_id")) block["block_id"] = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))[..5];
        return blocks;
    }

    private static string? Block(JsonNode? node, string at)
    {
        if (node is not JsonObject block) return $"must be an object [json-pointer:{at}]";
        if (block["type"] is not JsonValue type || !type.TryGetValue<string>(out var kind)) return $"must provide a string [json-pointer:{at}/type]";
        if (Length(block, "block_id", 255, at) is { } badId) return badId;
        return kind switch
        {
            "section" => Section(block, at),
            "actions" => Actions(block, at),
            "context" => Only(block, at, "type", "block_id", "elements") ?? Items(block, "elements", 10, at, (e, here) =>
                e?["type"]?.ToString() == "image" ? null : Text(e, Anywhere, 3000, here)),
            "header" => Only(block, at, "type", "block_id", "text") ?? Text(block["text"], PlainOnly, 150, $"{at}/text"),
            "divider" => Only(block, at, "type", "block_id"),
            "input" => Input(block, at),
            _ when ReadUnchecked.Contains(kind) => null,
            _ => $"unsupported type: {kind} [json-pointer:{at}/type]",
        };
    }

    private static string? Section(JsonObject block, string at)
    {
        if (Only(block, at, "type", "block_id", "text", "fields", "accessory", "expand") is { } extra) return extra;
        if (block["text"] is null && block["fields"] is null) return $"must provide either text or fields [json-pointer:{at}]";
        if (block["text"] is { } text && Text(text, Anywhere, 3000, $"{at}/text") is { } badText) return badText;
        if (block["fields"] is not null && Items(block, "fields", 10, at, (f, here) => Text(f, Anywhere, 2000, here)) is { } badFields) return badFields;
        return block["accessory"] is { } accessory ? Element(accessory, $"{at}/accessory") : null;
    }

    /// <summary>
    /// An input block (a message may carry one: its value comes with a click on the message's buttons, in state.values);
    /// the one element apps here put in it is a plain-text input.
    /// </summary>
    private static string? Input(JsonObject block, string at)
    {
        if (Only(block, at, "type", "block_id", "label", "element", "hint", "optional", "dispatch_action") is { } extra) return extra;
        if (block["label"] is null) return $"missing required field: label [json-pointer:{at}]";
        if (Text(block["label"], PlainOnly, 2000, $"{at}/label") is { } badLabel) return badLabel;
        if (block["element"] is not JsonObject element) return $"missing required field: element [json-pointer:{at}]";
        var here = $"{at}/element";
        if (element["type"]?.ToString() != "plain_text_input") return $"unsupported type: {element["type"]} [json-pointer:{here}/type]";
        return Only(element, here, "type", "action_id", "placeholder", "initial_value", "multiline", "min_length", "max_length", "focus_on_load")
            ?? Length(element, "action_id", 255, here)
            ?? (element["placeholder"] is { } placeholder ? Text(placeholder, PlainOnly, 150, $"{here}/placeholder") : null);
    }

    private static string? Actions(JsonObject block, string at)
    {
        var seen = new HashSet<string>();
        return Only(block, at, "type", "block_id", "elements") ?? Items(block, "elements", 25, at, (e, here) =>
            Element(e, here) ?? (e!["action_id"]?.ToString() is { } id && !seen.Add(id)
                ? $"action_id {id} is already used in this block [json-pointer:{here}/action_id]"
                : null));
    }

    private static string? Element(JsonNode? node, string at)
    {
        if (node is not JsonObject element) return $"must be an object [json-pointer:{at}]";
        var kind = element["type"]?.ToString();
        // The one interactive element apps here send; Slack's others (selects, pickers, overflow) are not used.
        if (kind != "button") return $"unsupported type: {kind} [json-pointer:{at}/type]";
        return Only(element, at, "type", "text", "action_id", "value", "style", "url", "confirm", "accessibility_label")
            ?? (element["text"] is null ? $"missing required field: text [json-pointer:{at}]" : null)
            ?? Text(element["text"], PlainOnly, 75, $"{at}/text")
            ?? Length(element, "action_id", 255, at)
            ?? Length(element, "value", 2000, at)
            ?? Length(element, "url", 3000, at)
            ?? (element.ContainsKey("style") && !ButtonStyles.Contains(element["style"]?.ToString())
                ? $"must be one of primary, danger [json-pointer:{at}/style]"
                : null);
    }

    private static string? Text(JsonNode? node, string[] kinds, int max, string at)
    {
        if (node is not JsonObject text) return $"must provide an object [json-pointer:{at}]";
        var kind = text["type"]?.ToString();
        if (kind is null || !kinds.Contains(kind)) return $"must be one of {string.Join(", ", kinds)} [json-pointer:{at}/type]";
        if (Only(text, at, "type", "text", kind == "plain_text" ? "emoji" : "verbatim") is { } extra) return extra;
        if (text["text"] is not JsonValue value || !value.TryGetValue<string>(out var s)) return $"must provide a string [json-pointer:{at}/text]";
        if (s.Length == 0) return $"must be more than 0 characters [json-pointer:{at}/text]";
        return s.Length > max ? $"must be less than {max + 1} characters [json-pointer:{at}/text]" : null;
    }

    private static string? Items(JsonObject owner, string name, int max, string at, Func<JsonNode?, string, string?> item)
    {
        if (owner[name] is not JsonArray items) return $"must provide an array [json-pointer:{at}/{name}]";
        if (items.Count == 0 || items.Count > max) return $"must provide between 1 and {max} items [json-pointer:{at}/{name}]";
        return items.Select((node, i) => item(node, $"{at}/{name}/{i}")).FirstOrDefault(why => why is not null);
    }

    private static string? Length(JsonObject owner, string name, int max, string at) => owner[name] switch
    {
        null when !owner.ContainsKey(name) => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length > max ? $"must be less than {max + 1} characters [json-pointer:{at}/{name}]" : null,
        _ => $"must provide a string [json-pointer:{at}/{name}]",
    };

    private static string? Only(JsonObject owner, string at, params string[] allowed) =>
        owner.Select(p => p.Key).FirstOrDefault(k => !allowed.Contains(k)) is { } extra
            ? $"invalid additional property: {extra} [json-pointer:{at}]"
            : null;
}
