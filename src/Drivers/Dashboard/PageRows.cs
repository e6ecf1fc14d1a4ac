using System.Globalization;
using Microsoft.Playwright;

namespace PadUat.Drivers.Dashboard;

public sealed record RequestRow(int Id, string Employee, string Security, string Direction, string Quantity, string Status, bool Conflict);

public sealed record ApprovalRow(string Type, string Decision, string Approver);

public sealed record ExecutionPanel(string Price, string Quantity, bool WithinTwoDays)
{
    /// <summary>The quantity and price as numbers ("1,000" and "180.50" alike); null where the page shows none.</summary>
    public (decimal? Quantity, decimal? Price) Values => (Number(Quantity), Number(Price));

    private static decimal? Number(string shown) =>
        decimal.TryParse(shown.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;
}

/// <summary>The sections of a request's page (checklist 7.3) as it shows them: its fields, and how many approvals and audit entries.</summary>
public sealed record DetailSections(string Employee, string Security, string Description, string Direction, string Quantity, string Reason, string Risk,
    int Approvals, int AuditEntries);

/// <param name="When">When it happened, as the page shows it.</param>
public sealed record AuditRow(string Action, int? RequestId, string Actor, string When = "");

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
