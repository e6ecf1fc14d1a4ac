using System.Security.Claims;
using static PadSandbox.Dashboard.Html;

namespace PadSandbox.Dashboard;

/// <summary>
/// Compliance's view (checklist 7.4): the requests waiting for compliance, each with its risk, sortable by it, and Approve
/// (optional comments) or Decline (a reason) on each row through the decision API; the open conflicts beside them. The
/// route is the real dashboard's pending-approvals page (conductor/archive/legacy_plans_20251230/ORIGINAL_IMPORVEMENT_PLAN.md:323,
/// with its risk_level filter, :138).
/// </summary>
public static class PendingApprovalsPage
{
    private const int PageSize = 50;
    private static readonly string[] Columns = ["#", "Employee", "Security", "Direction", "Quantity", "Value", "Status", "Conflict"];

    public static void MapPendingApprovals(this WebApplication app) =>
        app.MapGet("/pending-approvals", async (ClaimsPrincipal user, DashboardQueries q, FaultSet faults, string? sort) =>
        {
            if (!user.IsCompliance()) return DashboardPages.Denied(user);
            var byRisk = sort == "risk";
            var (pending, total) = await q.PendingAsync(byRisk && !faults.Has("risk-sort-ignored"), PageSize);
            var conflicts = await q.OpenConflictListAsync(PageSize);
            return DashboardPages.Render(user, "Pending approvals", $"""
                <h2>Waiting for compliance (<span data-testid="pending-compliance-count">{total}</span>)</h2>
                <p>Sorted {(byRisk ? "by risk, highest first · <a href=\"/pending-approvals\" data-testid=\"sort-newest\">newest first</a>"
                    : "newest first · <a href=\"/pending-approvals?sort=risk\" data-testid=\"sort-by-risk\">sort by risk</a>")}</p>
                {ActionResult}
                {Table("pending-compliance-table", [.. Columns, "Risk", "Decision"], pending.Select(Pending))}
                <h2>Open conflicts (advisory)</h2>
                {Table("conflict-table", Columns, conflicts.Select(DashboardPages.Row))}
                {ApiForms}
                """);
        });

    /// <summary>A row as the request list shows it, then its risk and the decision forms: comments optional to approve, required to decline.</summary>
    private static string Pending(RequestListItem r)
    {
        var row = DashboardPages.Row(r);
        return row[..row.LastIndexOf("</tr>", StringComparison.Ordinal)] +
            $"<td data-testid=\"cell-risk\">{E(r.RiskLevel)}</td><td>" +
            $"<form data-api=\"/api/requests/{r.Id}/approve\" data-testid=\"approve-form\"><input type=\"hidden\" name=\"approval_type\" value=\"compliance\">" +
            "<input name=\"comments\" placeholder=\"comments (optional)\" data-testid=\"approve-comments\"><button data-testid=\"approve\">Approve</button></form>" +
            $"<form data-api=\"/api/requests/{r.Id}/decline\" data-testid=\"decline-form\"><input type=\"hidden\" name=\"approval_type\" value=\"compliance\">" +
            "<input name=\"reason\" placeholder=\"reason (required)\" data-testid=\"decline-reason\"><button data-testid=\"decline\">Decline</button></form></td></tr>";
    }
}
