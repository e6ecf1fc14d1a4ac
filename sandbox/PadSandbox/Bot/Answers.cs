using System.Globalization;
using System.Text.RegularExpressions;

namespace PadSandbox.Bot;

/// <summary>
/// What a person's answer means, read as an LLM reads it: "Buy", "I want to buy", "buying"; "100", "100 shares", "1,000";
/// "150.00", "about $150"; "USD", "usd", "US dollars". An answer that means nothing usable is null, and the bot asks again.
/// </summary>
public static partial class Answers
{
    public static bool? YesOrNo(string text) =>
        Yes().IsMatch(text) ? true : No().IsMatch(text) ? false : null;

    /// <summary>BUY or SELL as stored (db_migration_20251230/plan.md:62); null when the answer says neither, or both.</summary>
    public static string? Direction(string text) => (Buy().IsMatch(text), Sell().IsMatch(text)) switch
    {
        (true, false) => "BUY",
        (false, true) => "SELL",
        _ => null,
    };

    /// <summary>A positive amount: the first number written ("100 shares", "about $150.00", "1,000"); a minus sign makes it none.</summary>
    public static decimal? Amount(string text) =>
        Number().Match(text) is { Success: true } m && !m.Groups["minus"].Success
        && decimal.TryParse(m.Groups["n"].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    /// <summary>A quantity as written, zero included (an execution of none is refused, not asked again); a minus sign makes it none.</summary>
    public static decimal? Quantity(string text) =>
        Number().Match(text) is { Success: true } m && !m.Groups["minus"].Success
        && decimal.TryParse(m.Groups["n"].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>
    /// When a trade was executed, in UTC: "2026-01-20 14:30", "2026-01-20 at 14:30 UTC", "just now", "today". A date without
    /// a time is now when it is today, else midday: the person did not say, and the bot does not ask twice.
    /// </summary>
    public static DateTime? ExecutionTime(string text, DateTime now)
    {
        if (JustNow().IsMatch(text)) return now;
        if (Date().Match(text) is not { Success: true } m
            || !DateTime.TryParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day))
            return null;
        if (!m.Groups["time"].Success) return day.Date == now.Date ? now : day.Date.AddHours(12);
        return TimeSpan.TryParseExact(m.Groups["time"].Value, @"h\:mm", CultureInfo.InvariantCulture, out var time)
            ? DateTime.SpecifyKind(day.Date + time, DateTimeKind.Utc) : null;
    }

    /// <summary>An ISO currency the firm trades in, by code or name.</summary>
    public static string? Currency(string text)
    {
        foreach (var (pattern, code) in CurrencyNames)
            if (Regex.IsMatch(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)) return code;
        return null;
    }

    private static readonly (string Pattern, string Code)[] CurrencyNames =
    [
        (@"\bUSD\b|dollars?\b|\$", "USD"), (@"\bGBP\b|pounds?\b|sterling|£", "GBP"), (@"\bEUR\b|euros?\b|€", "EUR"),
        (@"\bCHF\b|swiss francs?", "CHF"), (@"\bJPY\b|\byen\b", "JPY"), (@"\bHKD\b", "HKD"), (@"\bCAD\b", "CAD"), (@"\bSEK\b", "SEK"),
    ];

    /// <summary>Free text (broker, account, reason): anything with a letter or digit in it.</summary>
    public static string? Text(string text) => text.Any(char.IsLetterOrDigit) ? text.Trim() : null;

    /// <summary>The person is content with a reason compliance may find brief (conversational_session_hardening spec 2.3).</summary>
    public static bool ThatsAll(string text) => ThatIsAll().IsMatch(text);

    [GeneratedRegex(@"^\W*(yes|yep|yeah|y|correct|confirm(ed)?|that'?s (it|the one|right|correct)|right)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Yes();

    [GeneratedRegex(@"^\W*(no|nope|n|not (that|it|this)|wrong)\b", RegexOptions.IgnoreCase)]
    private static partial Regex No();

    [GeneratedRegex(@"\b(buy|buying|purchase|purchasing)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Buy();

    [GeneratedRegex(@"\b(sell|selling|sale|dispose)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Sell();

    [GeneratedRegex(@"(?<minus>-\s*)?[$£€]?\s*(?<n>\d[\d,]*(\.\d+)?)")]
    private static partial Regex Number();

    [GeneratedRegex(@"(?<date>\d{4}-\d{2}-\d{2})(?:\D{0,5}(?<time>\d{1,2}:\d{2}))?")]
    private static partial Regex Date();

    [GeneratedRegex(@"\b(just now|right now|now|today)\b", RegexOptions.IgnoreCase)]
    private static partial Regex JustNow();

    [GeneratedRegex(@"\bthat'?s (all|it)\b|\bnothing (else|more)\b|\bno,? that'?s", RegexOptions.IgnoreCase)]
    private static partial Regex ThatIsAll();
}
