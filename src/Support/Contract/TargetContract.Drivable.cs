using System.Text.Json;

namespace PadUat.Support.Contract;

/// <summary>
/// What a contract may say of its target that the harness cannot drive yet — one rule each, for the drivers (which end the
/// scenario broken) and the probe (which lists it) alike.
/// </summary>
public sealed partial class TargetContract
{
    /// <summary>
    /// Why the harness cannot read the bot's <paramref name="notification"/> where this target sends it; null when it can:
    /// a DM, or a channel named by a setting ({ "channel": "COMPLIANCE_CHANNEL_ID" }).
    /// </summary>
    public string? WhyNotReadable(string notification) =>
        IsDirectMessage(notification) || ChannelSettingOf(notification) is not null ? null
            : $"it arrives in {Entry($"bot.notifications.{notification}")!.Value.GetRawText()}: the harness reads a DM (\"dm\") or a channel named by a setting ({{ \"channel\": \"<SETTING>\" }})";

    private bool IsDirectMessage(string notification) =>
        Place(notification) is { ValueKind: JsonValueKind.String } place && place.GetString() == "dm";

    /// <summary>The setting naming the channel the notification arrives in; null for a DM.</summary>
    public string? ChannelSettingOf(string notification) =>
        Place(notification) is { ValueKind: JsonValueKind.Object } place && place.TryGetProperty("channel", out var setting)
            && setting.ValueKind == JsonValueKind.String ? setting.GetString() : null;

    /// <summary>Every setting that names a channel the bot's notifications arrive in: a run against the target needs each.</summary>
    public IEnumerable<string> ChannelSettings() =>
        Entry("bot.notifications") is { ValueKind: JsonValueKind.Object } all
            ? all.EnumerateObject().Select(n => ChannelSettingOf(n.Name)).OfType<string>().Distinct() : [];

    private JsonElement Place(string notification)
    {
        var path = $"bot.notifications.{notification}";
        return Entry(path) ?? throw Gap(path, "where the bot sends it: \"dm\" or a channel");
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
