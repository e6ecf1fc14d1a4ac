using System.Text.RegularExpressions;

namespace PadUat.Drivers.Slack;

/// <summary>
/// The summary the bot shows before the employee submits (checklist 1.9, "All details displayed correctly in summary"):
/// whether it shows each detail the employee gave, the estimated value worked out from them (1.5), and the button
/// that submits it. Read from what the person sees, in whatever layout and number format the bot uses.
/// </summary>
public static class TradeSummary
{
    /// <summary>Each detail the summary does not show, named as the checklist names it; empty when it shows them all.</summary>
    /// <param name="answers">What the employee wrote to each question (broker, account, reason as written).</param>
    /// <param name="description">The security's description in the firm's reference data (checklist 1.2: "ticker, description shown").</param>
    public static IReadOnlyList<string> Missing(SlackMessage summary, TradeAsk ask, IReadOnlyDictionary<string, string> answers, string description)
    {
        var shown = summary.Shown();
        var numbers = summary.NumbersShown();
        var price = ask.Quantity == 0 ? 0 : ask.EstimatedValue / ask.Quantity;
        var missing = new List<string>();
        void Needs(bool shows, string detail) { if (!shows) missing.Add(detail); }
        Needs(Regex.IsMatch(shown, $@"\b{Regex.Escape(ask.Ticker)}\b"), $"the security ({ask.Ticker})");
        Needs(shown.Contains(description, StringComparison.OrdinalIgnoreCase), $"the security's description (\"{description}\")");
        Needs(Regex.IsMatch(shown, $@"\b{ask.Direction}\b", RegexOptions.IgnoreCase), $"buy or sell ({ask.Direction})");
        Needs(numbers.Contains(ask.Quantity), $"the quantity ({ask.Quantity})");
        Needs(numbers.Contains(decimal.Round(price, 4)), $"the price ({price:0.####})");
        Needs(numbers.Contains(ask.EstimatedValue), $"the estimated value, quantity × price ({ask.EstimatedValue:0.##})");
        Needs(shown.Contains(ask.Currency, StringComparison.Ordinal), $"the currency ({ask.Currency})");
        foreach (var (question, detail) in new[] { ("broker", "the broker"), ("account", "the account number"), ("reason", "the reason") })
            Needs(answers.TryGetValue(question, out var answer) && shown.Contains(answer, StringComparison.OrdinalIgnoreCase),
                $"{detail} ({(answers.TryGetValue(question, out var given) ? $"\"{given}\"" : "never asked")})");
        return missing;
    }
}
