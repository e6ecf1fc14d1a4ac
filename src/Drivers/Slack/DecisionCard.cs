using System.Text.RegularExpressions;
using PadUat.Drivers.Database;

namespace PadUat.Drivers.Slack;

/// <summary>
/// The request as an approval request shows it to the person deciding (checklist 2.2 and 3.2: "all request details
/// displayed correctly", "risk assessment visible"), read from what they see: the employee, the security with its
/// description, buy or sell, the quantity, the value and currency, the assessed risk and the employee's reason — the
/// real card's fields (T/slack_ui_dashboard_links_20260125/plan.md:725-760). Its price, broker and account the
/// implementation's card does not carry; the checklist's list was written before it.
/// </summary>
public static class DecisionCard
{
    /// <summary>Each detail the message does not show, named as the checklist names it; empty when it shows them all.</summary>
    public static IReadOnlyList<string> Missing(SlackMessage message, string employee, PadRequest stored, string description)
    {
        var shown = message.Shown();
        var numbers = message.NumbersShown();
        var missing = new List<string>();
        void Needs(bool shows, string detail) { if (!shows) missing.Add(detail); }
        Needs(shown.Contains(employee, StringComparison.Ordinal), $"the employee's name ({employee})");
        Needs(Regex.IsMatch(shown, $@"\b{Regex.Escape(stored.Ticker)}\b"), $"the security ({stored.Ticker})");
        Needs(shown.Contains(description, StringComparison.OrdinalIgnoreCase), $"the security's description (\"{description}\")");
        Needs(Regex.IsMatch(shown, $@"\b{Regex.Escape(stored.Direction)}\b", RegexOptions.IgnoreCase), $"buy or sell ({stored.Direction})");
        Needs(numbers.Contains(stored.Quantity), $"the quantity ({stored.Quantity:0.##})");
        // The card rounds the value to whole units ("USD 18,500").
        Needs(numbers.Any(n => Math.Abs(n - stored.EstimatedValue) < 1), $"the estimated value ({stored.EstimatedValue:0.##})");
        Needs(shown.Contains(stored.Currency, StringComparison.Ordinal), $"the currency ({stored.Currency})");
        Needs(stored.Risk is { } risk && Regex.IsMatch(shown, $@"\b{Regex.Escape(risk)}\b", RegexOptions.IgnoreCase), $"the risk assessment ({stored.Risk ?? "none stored"})");
        Needs(stored.Reason is { } reason && shown.Contains(reason, StringComparison.OrdinalIgnoreCase), $"the employee's reason (\"{stored.Reason}\")");
        return missing;
    }
}
