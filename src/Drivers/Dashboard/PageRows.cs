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
        (rows, cells) => rows.map(r => cells.map(cell => (r.querySelector(cell)?.innerText ?? "").trim()))
        """;

    private static readonly string[] Cells = ["cellId", "cellEmployee", "cellSecurity", "cellDirection", "cellQuantity", "cellStatus", "cellConflict"];

    public static async Task<IReadOnlyList<RequestRow>> ReadAsync(ILocator rows, PageElements el) =>
        (await rows.EvaluateAllAsync<string[][]>(Script, Cells.Select(c => el.Selector(c)).ToArray())).Select(c =>
            new RequestRow(int.Parse(c[0], CultureInfo.InvariantCulture), c[1], c[2], c[3], c[4], c[5], c[6].Length > 0)).ToList();

    public static async Task<IReadOnlyList<string>> AttributeAsync(ILocator rows, string attribute) =>
        await rows.EvaluateAllAsync<string[]>("(rows, attribute) => rows.map(r => r.getAttribute(attribute) ?? '')", attribute);
}
