using System.Security.Cryptography;
using System.Text;

namespace PadSandbox.Slack;

/// <summary>
/// Slack's request signing of what it sends an HTTP app: v0=HMAC-SHA256(secret, "v0:{timestamp}:{raw body}") in hex (an
/// app refuses a timestamp more than five minutes from now). The sandbox's own bot is a Socket Mode app: nothing to sign.
/// </summary>
public sealed class SlackSignature(string signingSecret)
{
    public string Sign(string timestamp, string body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(signingSecret));
        return "v0=" + Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
    }
}
