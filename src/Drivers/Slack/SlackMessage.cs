using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PadUat.Drivers.Slack;

/// <summary>A message as conversations.history returns it; the bot's are told apart by the bot's user id.</summary>
/// <param name="ThreadTs">The thread it is in: its parent's ts (a parent with replies carries its own); null at the top of the DM.</param>
public sealed partial record SlackMessage(string Ts, string? User, string? BotId, string Text, JsonArray? Blocks, string? ThreadTs = null)
{
    public static SlackMessage From(JsonNode m) => new(
        m["ts"]!.GetValue<string>(), m["user"]?.GetValue<string>(), m["bot_id"]?.GetValue<string>(),
        m["text"]?.GetValue<string>() ?? "", m["blocks"] as JsonArray, m["thread_ts"]?.GetValue<string>());

    /// <summary>Whether it is a reply in a thread (not the thread's parent, not at the top of the DM).</summary>
    public bool IsReply => ThreadTs is not null && ThreadTs != Ts;

    /// <summary>The thread it is a reply in; null for a message at the top of the DM (a thread's parent included).</summary>
    public string? ReplyIn => IsReply ? ThreadTs : null;

    /// <summary>Whether it belongs to the same conversation as <paramref name="other"/>: the same thread, or both at the top of the DM.</summary>
    public bool InThreadOf(SlackMessage other) => ReplyIn == other.ReplyIn;

    /// <summary>
    /// By the author's user id only: on Slack a person's message posted through an app with their user token carries that
    /// app's bot_id too (and only a Slack client's carries client_msg_id), so bot_id says which app posted, not who wrote it.
    /// </summary>
    public bool IsFrom(string botUserId) => User == botUserId;

    /// <summary>When Slack received the message: its ts is the server's clock, in seconds with microseconds.</summary>
    public DateTimeOffset PostedAt => DateTimeOffset.UnixEpoch.AddTicks((long)(decimal.Parse(Ts, System.Globalization.CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond));

    /// <summary>The button with this action id, and the block it sits in.</summary>
    public (string BlockId, JsonObject Button)? Button(string actionId)
    {
        foreach (var block in Blocks ?? [])
        {
            if (block?["type"]?.GetValue<string>() != "actions") continue;
            foreach (var element in block["elements"]!.AsArray())
                if (element?["action_id"]?.GetValue<string>() == actionId)
                    return (block["block_id"]!.GetValue<string>(), element.AsObject());
        }
        return null;
    }

    /// <summary>
    /// What a person reads in it: every word of its blocks (header, sections and their fields, context, rich text) but
    /// its buttons and inputs — a Slack client shows the blocks, and the message's text only in notifications — or the
    /// text where it has no blocks.
    /// </summary>
    public string Shown() => Blocks is null || Blocks.Count == 0 ? Text
        : string.Join("\n", Blocks.Where(b => b?["type"]?.GetValue<string>() is not ("actions" or "input")).SelectMany(Words));

    private static IEnumerable<string> Words(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "text" && p.Value is JsonValue v && v.TryGetValue<string>(out var text) ? [text] : Words(p.Value)),
        JsonArray a => a.SelectMany(Words),
        _ => [],
    };

    /// <summary>Every number <see cref="Shown"/> holds, as a value: "18,050.00" and "18050" alike.</summary>
    public IReadOnlySet<decimal> NumbersShown() => NumberPattern().Matches(Shown())
        .Select(m => decimal.Parse(m.Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)).ToHashSet();

    [GeneratedRegex(@"\d[\d,]*(?:\.\d+)?")]
    private static partial Regex NumberPattern();

    public IEnumerable<string> ButtonLabels() => (Blocks ?? []).Where(b => b?["type"]?.GetValue<string>() == "actions")
        .SelectMany(b => b!["elements"]!.AsArray()).Select(e => e!["text"]!["text"]!.GetValue<string>());
}
