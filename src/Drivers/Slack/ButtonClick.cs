using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PadUat.Drivers.Slack;

/// <summary>How a click reaches the bot: genuinely signed by Slack, or one of the ways an attacker could try.</summary>
public enum Signing { Genuine, Unsigned, WrongSecret, Stale }

/// <summary>Who clicked, as Slack names them in the payload.</summary>
public sealed record SlackIdentity(string UserId, string UserName, string TeamId, string TeamDomain);

/// <summary>A click as sent, and the response_url the bot may answer it on.</summary>
public sealed record SentClick(HttpStatusCode Status, string ResponseId);

/// <summary>
/// Clicks a Block Kit button exactly as Slack reports it to an app: a form-encoded body (content type without a
/// charset, as Slack sends it) holding payload= a complete block_actions JSON — api_app_id, team with its domain,
/// user, container, channel, the message with its author, a trigger_id and a response_url the harness serves —
/// signed with the app's signing secret and POSTed to the app's interactivity request URL.
/// </summary>
public sealed class ButtonClick(HttpClient http, Uri interactivityUrl, SlackRequestSigner signer, string botAppId, ClickAnswers answers)
{
    public async Task<SentClick> SendAsync(SlackIdentity who, string channel, SlackMessage message, string actionId,
        Signing signing = Signing.Genuine, CancellationToken ct = default)
    {
        var (blockId, button) = message.Button(actionId)
            ?? throw new InvalidOperationException($"The message '{message.Text}' has no button '{actionId}'");
        var (responseId, responseUrl) = answers.Issue();
        var body = "payload=" + Uri.EscapeDataString(Payload(who, channel, message, blockId, button, responseUrl).ToJsonString());
        var now = DateTimeOffset.UtcNow;
        var timestamp = (signing == Signing.Stale ? now.AddMinutes(-6) : now).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, interactivityUrl) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        if (signing != Signing.Unsigned)
        {
            request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
            request.Headers.Add("X-Slack-Signature", signing == Signing.WrongSecret
                ? new SlackRequestSigner("not-the-signing-secret").Sign(timestamp, body)
                : signer.Sign(timestamp, body));
        }
        using var response = await http.SendAsync(request, ct);
        return new SentClick(response.StatusCode, responseId);
    }

    private JsonObject Payload(SlackIdentity who, string channel, SlackMessage message, string blockId, JsonObject button, string responseUrl)
    {
        var actionTs = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000m).ToString("0.000000", CultureInfo.InvariantCulture);
        var action = (JsonObject)button.DeepClone();
        action["block_id"] = blockId;
        action["action_ts"] = actionTs;
        var author = new JsonObject { ["type"] = "message", ["user"] = message.User, ["ts"] = message.Ts, ["text"] = message.Text, ["team"] = who.TeamId };
        if (message.BotId is not null) { author["bot_id"] = message.BotId; author["app_id"] = botAppId; }
        author["blocks"] = message.Blocks?.DeepClone();
        return new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = who.UserId, ["username"] = who.UserName, ["name"] = who.UserName, ["team_id"] = who.TeamId },
            ["api_app_id"] = botAppId,
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = message.Ts, ["channel_id"] = channel, ["is_ephemeral"] = false },
            ["trigger_id"] = TriggerId(),
            ["team"] = new JsonObject { ["id"] = who.TeamId, ["domain"] = who.TeamDomain },
            ["enterprise"] = null,
            ["is_enterprise_install"] = false,
            ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "directmessage" },
            ["message"] = author,
            ["state"] = new JsonObject { ["values"] = new JsonObject() },
            ["response_url"] = responseUrl,
            ["actions"] = new JsonArray(action),
        };
    }

    /// <summary>Slack's shape: two numbers and a hex digest ("13345224609.738474920.8088930838d88f008e0…").</summary>
    private static string TriggerId() => string.Create(CultureInfo.InvariantCulture,
        $"{RandomNumberGenerator.GetInt32(1_000_000_000, int.MaxValue)}.{RandomNumberGenerator.GetInt32(1_000_000_000, int.MaxValue)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}");
}
