using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace SocketModeWire;

/// <summary>
/// A Socket Mode frame at a time, as an app reads and writes them: one JSON object per WebSocket text message, however
/// many parts it arrives in. Compiled into the stand-in's bot and into the harness's feed alike (src/Drivers links this
/// file), so both read Slack's frames one way.
/// </summary>
internal static class SocketModeFrames
{
    /// <summary>The next frame; null once the other side closed the socket.</summary>
    public static async Task<JsonObject?> ReceiveAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, result.Count);
        } while (!result.EndOfMessage);
        return JsonNode.Parse(message.ToArray()) as JsonObject;
    }

    /// <summary>Sends a frame (an acknowledgement); a socket already gone is no error: Slack sends again what was not acknowledged.</summary>
    public static async Task SendAsync(WebSocket socket, JsonObject message)
    {
        try { await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None); }
        catch (WebSocketException) { }
    }
}
