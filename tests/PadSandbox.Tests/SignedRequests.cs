using System.Globalization;
using System.Text;
using PadSandbox.Slack;

namespace PadSandbox.Tests;

/// <summary>Requests as Slack sends them to an app: the body, and v0 signature headers over <c>signedBody</c> (null: unsigned).</summary>
internal static class SignedRequests
{
    public static HttpRequestMessage Post(Uri url, string body, string contentType, string? secret, DateTimeOffset at, string? signedBody = null)
    {
        // As Slack sends it: the content type without a charset.
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        if (secret is null) return request;
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", new SlackSignature(secret, TimeProvider.System).Sign(timestamp, signedBody ?? body));
        return request;
    }
}
