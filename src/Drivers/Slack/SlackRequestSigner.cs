using System.Security.Cryptography;
using System.Text;

namespace PadUat.Drivers.Slack;

/// <summary>Signs a request as Slack does: v0=hex(HMAC-SHA256(signing secret, "v0:{timestamp}:{body}")).</summary>
public sealed class SlackRequestSigner(string signingSecret)
{
    public string Sign(string timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        return "v0=" + Convert.ToHexStringLower(mac);
    }
}
