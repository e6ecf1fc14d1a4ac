using System.Text.RegularExpressions;

namespace PadUat.Support.Evidence;

/// <summary>
/// What a credential looks like in an artefact, whatever its value: Slack tokens, bearer headers, session cookies,
/// a browser's stored cookies. Traces are redacted with these, and the secret scan looks for them — a check by shape
/// catches a credential nobody exported (a session cookie the dashboard issued during the run).
/// </summary>
public static partial class CredentialShapes
{
    public const string Redacted = "[redacted]";

    /// <summary>Header names whose values are credentials (HTTP request and response headers, Playwright's trace).</summary>
    public static readonly IReadOnlySet<string> SecretHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "cookie", "set-cookie", "authorization", "proxy-authorization", "x-slack-signature" };

    /// <summary>
    /// Slack tokens (user, bot, app-level, refresh, configuration) and bearer credentials in text. A token is its prefix and
    /// dash-separated parts of which one is a long random secret (20+ characters) — so a test's made-up
    /// "xoxp-sandbox-not-a-token" in a test name is not one, and every real or emulated token is.
    /// </summary>
    [GeneratedRegex(@"\b(?:xox[abposre]|xapp)-(?:[0-9A-Za-z]+-)*[0-9A-Za-z]{20,}|(?i:\bbearer\s+)[A-Za-z0-9._~+/=-]{16,}")]
    public static partial Regex Token();

    /// <summary>Places in text where a credential is carried: a cookie or authorization header with a value, stored cookies, a cookie pair.</summary>
    [GeneratedRegex("""(?i)"name"\s*:\s*"(cookie|set-cookie|authorization|proxy-authorization)"\s*,\s*"value"\s*:\s*"(?!\[redacted\])[^"]{8,}"|"cookies"\s*:\s*\[\s*\{|\.AspNetCore\.[A-Za-z]+=[A-Za-z0-9_-]{16,}""")]
    public static partial Regex CarriedCredential();
}
