using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace PadUat.Drivers.Slack;

/// <summary>How a click reaches the bot: genuinely signed by Slack, or one of the ways an attacker could try.</summary>
public enum Signing { Genuine, Unsigned, WrongSecret, Stale }

/// <summary>Who clicked, as Slack names them in the payload.</summary>
public sealed record SlackIdentity(string UserId, string UserName, string TeamId);

/// <summary>
/// Clicks a Block Kit button the way Slack reports it to an app: a form-encoded payload= with a block_actions
/// JSON, signed with the app's signing secret, POSTed to the app's interactivity request URL.
/// </summary>
public sealed class ButtonClick(HttpClient http, Uri interactivityUrl, SlackRequestSigner signer)
{
    public async Task<HttpStatusCode> SendAsync(SlackIdentity who, string channel, SlackMessage message, string actionId,
        Signing signing = Signing.Genuine, CancellationToken ct = default)
    {
        var (blockId, button) = message.Button(actionId)
            ?? throw new InvalidOperationException($"The message '{message.Text}' has no button '{actionId}'");
        var body = "payload=" + Uri.EscapeDataString(Payload(who, channel, message, blockId, button).ToJsonString());
        var now = DateTimeOffset.UtcNow;
        var timestamp = (signing == Signing.Stale ? now.AddMinutes(-6) : now).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, interactivityUrl)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        if (signing != Signing.Unsigned)
        {
            request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
            request.Headers.Add("X-Slack-Signature", signing == Signing.WrongSecret
                ? new SlackRequestSigner("not-the-signing-secret").Sign(timestamp, body)
                : signer.Sign(timestamp, body));
        }
        using var response = await http.SendAsync(request, ct);
        return response.StatusCode;
    }

    private static JsonObject Payload(SlackIdentity who, string channel, SlackMessage message, string blockId, JsonObject button)
    {
        var actionTs = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000m).ToString("0.000000", CultureInfo.InvariantCulture);
        var action = (JsonObject)button.DeepClone();
        action["block_id"] = blockId;
        action["action_ts"] = actionTs;
        return new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = who.UserId, ["username"] = who.UserName, ["name"] = who.UserName, ["team_id"] = who.TeamId },
            ["team"] = new JsonObject { ["id"] = who.TeamId },
            ["api_app_id"] = "",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = message.Ts, ["channel_id"] = channel, ["is_ephemeral"] = false },
            ["trigger_id"] = $"{actionTs}.paduat",
            ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "directmessage" },
            ["message"] = new JsonObject { ["type"] = "message", ["ts"] = message.Ts, ["text"] = message.Text, ["blocks"] = message.Blocks?.DeepClone() },
            ["response_url"] = "",
            ["actions"] = new JsonArray(action),
        };
    }
}
