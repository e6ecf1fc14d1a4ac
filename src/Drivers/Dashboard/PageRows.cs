using System.Globalization;
using Microsoft.Playwright;

namespace PadUat.Drivers.Dashboard;

public sealed record RequestRow(int Id, string Employee, string Security, string Direction, string Quantity, string Status, bool Conflict);

public sealed record ApprovalRow(string Type, string Decision, string Approver);

public sealed record ExecutionPanel(string Price, string Quantity, bool WithinTwoDays);

public sealed record AuditRow(string Action, int? RequestId, string Actor);

/// <summary>Reads the request rows of a table in one evaluation inside the page.</summary>
internal static class Rows
{
    private const string Script = """
        rows => rows.map(r => {
          const cell = id => (r.querySelector(`[data-testid="${id}"]`)?.innerText ?? "").trim();
          return [cell("cell-id"), cell("cell-employee"), cell("cell-security"), cell("cell-direction"), cell("cell-quantity"),
                  cell("cell-status"), cell("cell-conflict")];
        })
        """;

    public static async Task<IReadOnlyList<RequestRow>> ReadAsync(ILocator rows) =>
        (await rows.EvaluateAllAsync<string[][]>(Script)).Select(c =>
            new RequestRow(int.Parse(c[0], CultureInfo.InvariantCulture), c[1], c[2], c[3], c[4], c[5], c[6].Length > 0)).ToList();

    public static async Task<IReadOnlyList<string>> AttributeAsync(ILocator rows, string attribute) =>
        await rows.EvaluateAllAsync<string[]>($"rows => rows.map(r => r.getAttribute('{attribute}') ?? '')");
}
