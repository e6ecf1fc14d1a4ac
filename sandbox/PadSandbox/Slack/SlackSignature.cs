using System.Security.Cryptography;
using System.Text;

namespace PadSandbox.Slack;

/// <summary>
/// Slack's request signing: v0=HMAC-SHA256(secret, "v0:{timestamp}:{raw body}") in hex, refused when the
/// timestamp is more than five minutes from now (replay) and compared in constant time.
/// </summary>
public sealed class SlackSignature(string signingSecret, TimeProvider clock)
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public string Sign(string timestamp, string body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(signingSecret));
        return "v0=" + Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
    }

    /// <summary>Null when the request is genuine; otherwise why it is refused.</summary>
    public string? Verify(string? timestamp, string? signature, string body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)) return "missing signature headers";
        if (!long.TryParse(timestamp, out var seconds)) return "malformed timestamp";
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > Tolerance) return "stale timestamp";
        var expected = Encoding.ASCII.GetBytes(Sign(timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)) ? null : "signature mismatch";
    }
}
