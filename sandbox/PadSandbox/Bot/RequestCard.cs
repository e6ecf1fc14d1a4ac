using System.Globalization;
using System.Text.Json.Nodes;
using PadSandbox.Workflow;

namespace PadSandbox.Bot;

/// <summary>
/// The request as an approval request shows it to the person deciding, built by code as the real bot's
/// (conductor/tracks/slack_ui_dashboard_links_20260125/plan.md:1554-1640): the employee "Name (id)", the security
/// "*Description* (TICKER)", the trade "BUY 100 shares • USD 18,500 • HIGH RISK", the declaration, the justification.
/// Checklist 2.2 and 3.2 ask for the same ("employee name", "security (ticker, description)", "transaction type,
/// quantity, … estimated value", "trading reason", "risk assessment"); its price, broker and account the implementation's
/// card does not show (it was built after the checklist was written, and it is what a decider sees).
/// </summary>
public sealed record RequestCard(string Employee, string EmployeeId, string Description, string Ticker, string Direction, decimal Quantity,
    decimal Value, string Currency, string Risk, string? Justification)
{
    public static RequestCard Of(PadRequestRow r, Employee e) =>
        new(e.Name, e.MakoId, r.Description ?? r.Ticker, r.Ticker, r.Direction, r.Quantity, r.EstimatedValue, r.Currency, r.RiskLevel ?? "UNKNOWN", r.Justification);

    public JsonNode[] Blocks()
    {
        var risk = Risk.ToUpperInvariant();
        var badge = risk == "HIGH" ? "🔴" : risk == "MEDIUM" ? "🟡" : "🟢";
        return
        [
            BlockKit.Context($"{Employee} ({EmployeeId})"),
            BlockKit.Section($"*{Description}* ({Ticker})"),
            BlockKit.Context(string.Create(CultureInfo.InvariantCulture,
                $"🔵 {Direction.ToUpperInvariant()} {Quantity:0.##} shares • 🔵 {Currency} {Value:N0} • {badge} *{risk} RISK*")),
            BlockKit.Section("✓ No Inside Info"),
            BlockKit.Section($"💬 _\"{Justification ?? "No justification provided"}\"_"),
        ];
    }
}
