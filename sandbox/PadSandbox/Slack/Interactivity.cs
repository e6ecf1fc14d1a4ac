using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PadSandbox.Slack;

/// <summary>
/// Slack's side of interactivity. A person's click on a button becomes a block_actions payload carrying a trigger_id and
/// a response_url: an interactive envelope over the app's Socket Mode connection, or a signed POST to the app's
/// interactivity URL (form-encoded, no charset). The app may POST to the response_url up to five times in thirty minutes
/// to replace or delete the clicked message, or to answer the person alone (ephemeral, the default).
/// </summary>
public sealed class Interactivity(Workspace workspace, SlackEvents events, SlackSignature signature, SocketMode socketMode, BotAppUrls botApp, TimeProvider clock)
{
    public static readonly TimeSpan ResponseUrlLifetime = TimeSpan.FromMinutes(30);
    public const int ResponseUrlUses = 5;
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };
    private readonly ConcurrentDictionary<string, Hook> _hooks = new();

    private sealed record Hook(string Channel, string MessageTs, string UserId, DateTimeOffset Expires, int Uses);

    /// <summary>
    /// Not Slack's API: stands for a person clicking a button in the Slack client. Returns the app's HTTP status (200 once a
    /// Socket Mode app has acknowledged it), or the error Slack's client shows the person: the app cannot be reached, or
    /// did not acknowledge the click within 3 s (operation_timeout).
    /// </summary>
    /// <param name="typed">What the person typed in the message's input blocks, by block_id and action_id (state.values).</param>
    public async Task<(int Status, string? Error)> ClickAsync(Uri baseUrl, SlackUser who, string channel, string ts, string actionId,
        IReadOnlyDictionary<(string Block, string Action), string>? typed = null)
    {
        if (!workspace.IsMember(channel, who.Id)) return (0, "channel_not_found");
        if (workspace.Find(channel, ts) is not { } message) return (0, "message_not_found");
        if (ButtonOf(message, actionId) is not var (blockId, button)) return (0, "action_not_found");
        var actionTs = Ts(clock.GetUtcNow());
        var action = (JsonObject)button.DeepClone();
        action["block_id"] = blockId;
        action["action_ts"] = actionTs;
        var hookId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        _hooks[hookId] = new Hook(channel, ts, who.Id, clock.GetUtcNow() + ResponseUrlLifetime, 0);
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = who.Id, ["username"] = who.Name, ["name"] = who.Name, ["team_id"] = Workspace.TeamId },
            ["api_app_id"] = SlackApps.BotAppId,
            ["token"] = "sandbox-verification-token",
            ["container"] = Container(message),
            ["trigger_id"] = $"{RandomNumberGenerator.GetInt32(int.MaxValue)}.{RandomNumberGenerator.GetInt32(int.MaxValue)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}",
            ["team"] = new JsonObject { ["id"] = Workspace.TeamId, ["domain"] = Workspace.TeamDomain },
            ["enterprise"] = null,
            ["is_enterprise_install"] = false,
            ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "directmessage" },
            ["message"] = message.ToJson(),
            ["state"] = new JsonObject { ["values"] = StateValues(message, typed) },
            ["response_url"] = new Uri(baseUrl, $"actions/{Workspace.TeamId}/{hookId}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}").ToString(),
            ["actions"] = new JsonArray(action),
        };
        if (botApp.Interactivity is not { } interactivityUrl)
        {
            if (!socketMode.IsConnected(SlackApps.BotAppId)) return (0, "app_unreachable");
            // Slack waits up to 3 s for the app's acknowledgement, then shows the person an error even if the app acts on the click later.
            return await socketMode.DeliverAsync(SlackApps.BotAppId, payload, "interactive") ? (200, null) : (0, "operation_timeout");
        }
        var body = "payload=" + Uri.EscapeDataString(payload.ToJsonString());
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, interactivityUrl) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature.Sign(timestamp, body));
        using var response = await Http.SendAsync(request);
        return ((int)response.StatusCode, null);
    }

    /// <summary>An app's POST to a response_url: (HTTP status, Slack's answer).</summary>
    public (int Status, JsonObject Answer) Respond(string hookId, JsonObject? body)
    {
        if (!_hooks.TryGetValue(hookId, out var hook) || hook.Expires < clock.GetUtcNow()) return (404, Error("expired_url"));
        if (hook.Uses >= ResponseUrlUses) return (404, Error("used_url"));
        if (body is null) return (400, Error("invalid_payload"));
        _hooks[hookId] = hook with { Uses = hook.Uses + 1 };
        var text = body["text"]?.ToString() ?? "";
        var blocks = body["blocks"] as JsonArray;
        if (Flag(body, "delete_original"))
        {
            if (workspace.Delete(hook.Channel, hook.MessageTs) is { } deleted) events.Deleted(deleted);
            return (200, new JsonObject { ["ok"] = true });
        }
        if (text.Length == 0 && blocks is null) return (400, Error("no_text"));
        if (BlockKitRules.Violation(blocks) is { } why) return (400, WebApi.InvalidBlocks(why));
        if (Flag(body, "replace_original"))
        {
            if (workspace.Update(hook.Channel, hook.MessageTs, text, blocks?.DeepClone().AsArray()) is not var (before, after)) return (404, Error("message_not_found"));
            events.Changed(before, after);
        }
        else if (body["response_type"]?.ToString() == "in_channel")
            events.Posted(workspace.Post(hook.Channel, workspace.Bot, SlackApps.BotAppId, text, blocks?.DeepClone().AsArray(), body["thread_ts"]?.ToString()));
        else
            workspace.PostEphemeral(hook.Channel, hook.UserId, workspace.Bot, text, blocks?.DeepClone().AsArray());
        return (200, new JsonObject { ["ok"] = true });
    }

    private static (string BlockId, JsonObject Button)? ButtonOf(SlackMessage message, string actionId) =>
        (message.Blocks ?? []).Where(b => b?["type"]?.ToString() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray().Select(e => (BlockId: b["block_id"]!.ToString(), Button: e!.AsObject())))
            .Where(x => x.Button["action_id"]?.ToString() == actionId)
            .Select(x => ((string, JsonObject)?)(x.BlockId, x.Button)).FirstOrDefault();

    private static bool Flag(JsonObject body, string name) => body[name] is JsonValue v &&
        (v.TryGetValue<bool>(out var b) ? b : v.TryGetValue<string>(out var s) && s == "true");

    /// <summary>
    /// Every input block of the message, with what the person typed in it (a plain_text_input's value; null when left
    /// empty), as Slack sends state.values with a click on a message that has inputs.
    /// </summary>
    private static JsonObject StateValues(SlackMessage message, IReadOnlyDictionary<(string Block, string Action), string>? typed)
    {
        var values = new JsonObject();
        foreach (var block in (message.Blocks ?? []).OfType<JsonObject>().Where(b => b["type"]?.ToString() == "input"))
        {
            var (blockId, actionId) = (block["block_id"]!.ToString(), block["element"]?["action_id"]?.ToString() ?? "");
            var value = typed?.GetValueOrDefault((blockId, actionId)) is { Length: > 0 } text ? text : null;
            values[blockId] = new JsonObject { [actionId] = new JsonObject { ["type"] = "plain_text_input", ["value"] = value } };
        }
        return values;
    }

    /// <summary>Where the clicked message is; a message in a thread says which (container.thread_ts), as Slack's payloads do.</summary>
    private static JsonObject Container(SlackMessage message)
    {
        var container = new JsonObject { ["type"] = "message", ["message_ts"] = message.Ts, ["channel_id"] = message.Channel, ["is_ephemeral"] = false };
        if (message.ThreadTs is not null) container["thread_ts"] = message.ThreadTs;
        return container;
    }

    private static string Ts(DateTimeOffset at) => (at.ToUnixTimeMilliseconds() / 1000m).ToString("0.000000", CultureInfo.InvariantCulture);

    private static JsonObject Error(string code) => new() { ["ok"] = false, ["error"] = code };
}
