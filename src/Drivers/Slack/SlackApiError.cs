namespace PadUat.Drivers.Slack;

/// <summary>Slack answered {"ok": false, "error": code}; the detail says more where Slack does (missing_scope: needed/provided).</summary>
public sealed class SlackApiError(string method, string code, string? detail = null)
    : Exception($"Slack {method} failed: {code}{(detail is null ? "" : $" ({detail})")}")
{
    public string Method => method;
    public string Code => code;
}
