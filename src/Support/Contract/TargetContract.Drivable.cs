using System.Text.Json;

namespace PadUat.Support.Contract;

/// <summary>
/// What a contract may say of its target that the harness cannot drive yet — one rule each, for the drivers (which end the
/// scenario broken) and the probe (which lists it) alike.
/// </summary>
public sealed partial class TargetContract
{
    /// <summary>Why the harness cannot read the bot's <paramref name="notification"/> where this target sends it; null when it can (a DM).</summary>
    public string? WhyNotReadable(string notification)
    {
        var path = $"bot.notifications.{notification}";
        var place = Entry(path) ?? throw Gap(path, "where the bot sends it: \"dm\" or a channel");
        return place.ValueKind == JsonValueKind.String && place.GetString() == "dm" ? null
            : $"it arrives in {place.GetRawText()}: the harness reads people's direct messages with the bot only, so far";
    }

    /// <summary>
    /// Why the harness cannot sign people in to this target's dashboard; null when it can: the firm's sign-in page
    /// (form), or a header naming the person (header, with the header's name).
    /// </summary>
    public string? WhyNoSignIn() => Mode(null) switch
    {
        "form" => null,
        "header" => Entry("dashboard.signIn.header") is { ValueKind: JsonValueKind.String } ? null : "'header' names no header (dashboard.signIn.header)",
        var mode => $"'{mode}': the harness signs people in at the firm's sign-in page (form) or with a header naming them (header)",
    };

    /// <summary>
    /// The header naming the person when the dashboard is reached that way; null for the firm's sign-in page.
    /// <paramref name="chosen"/>: the env's DASHBOARD_SIGN_IN, which picks how this deployment is reached; the contract's mode otherwise.
    /// </summary>
    public string? SignInHeader(string? chosen = null) =>
        Mode(chosen) == "header" ? Alternatives("dashboard.signIn.header", "the header naming the person signing in")[0] : null;

    private string Mode(string? chosen) => chosen ?? Alternatives("dashboard.signIn.mode", "how a person signs in to the dashboard: form or header")[0];
}
