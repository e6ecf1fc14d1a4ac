using System.Globalization;

namespace PadUat.Support.Configuration;

/// <summary>
/// Plan 5.11's response times as the feature states them, one row per environment ("dev, qa" shares a row):
/// how many exchanges with the bot, its median and 95th-percentile reply, a dashboard query, a page load.
/// </summary>
public sealed record ResponseTimes(int BotExchanges, double BotMedianMs, double BotP95Ms, double QueryMs, double PageLoadMs)
{
    /// <summary>The row for <paramref name="environment"/> from the feature's table (columns in the feature's order).</summary>
    public static ResponseTimes For(string environment, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var row = rows.FirstOrDefault(r => r[0].Split(',', StringSplitOptions.TrimEntries).Contains(environment))
            ?? throw new SettingsError($"APP_ENV: no response times are agreed for '{environment}' in features/10_performance.feature");
        return new ResponseTimes(int.Parse(row[1], CultureInfo.InvariantCulture), Ms(row[2]), Ms(row[3]), Ms(row[4]), Ms(row[5]));
    }

    /// <summary>"0.5 s" or "50 ms" in milliseconds.</summary>
    private static double Ms(string time)
    {
        var parts = time.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var value = double.Parse(parts[0], CultureInfo.InvariantCulture);
        return parts is [_, "s"] ? value * 1000 : parts is [_, "ms"] ? value
            : throw new SettingsError($"features/10_performance.feature: '{time}' is not a time (write e.g. 0.5 s or 50 ms)");
    }
}
