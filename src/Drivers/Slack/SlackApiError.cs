namespace PadUat.Drivers.Slack;

/// <summary>Slack answered {"ok": false, "error": code}: the code is Slack's own (invalid_auth, channel_not_found…).</summary>
public sealed class SlackApiError(string method, string code) : Exception($"Slack {method} failed: {code}")
{
    public string Method => method;
    public string Code => code;
}
