using System.Security.Claims;
using PadSandbox.Workflow;
using static PadSandbox.Dashboard.Html;

namespace PadSandbox.Dashboard;

/// <summary>
/// The dashboard's pages for everyone: summary, my requests, a request's page, the audit log (compliance's own pages:
/// <see cref="PendingApprovalsPage"/>, <see cref="RestrictedInstrumentsPage"/>).
/// </summary>
public static class DashboardPages
{
    private const int PageSize = 50;
    private static readonly string[] Statuses =
        [Status.PendingManager, Status.PendingCompliance, Status.PendingSmf16, Status.Approved, Status.Executed, Status.Declined, Status.Withdrawn];

    private static string Label(string status) => StatusLabels.Of(status);

    public static void MapDashboard(this WebApplication app)
    {
        app.MapGet("/", async (ClaimsPrincipal user, DashboardQueries q, FaultSet faults) =>
        {
            var scope = Scope(user, faults);
            var counts = await q.StatusCountsAsync(scope);
            var total = counts.Values.Sum() + (faults.Has("dashboard-stats-off-by-one") ? 1 : 0);
            var stats = string.Concat(Statuses.Select(s => Stat($"stat-{s}", Label(s), counts.GetValueOrDefault(s))));
            return Render(user, "Summary", $"""
                <p data-testid="summary-scope">{(scope is null ? "All requests in the firm" : "Your requests")}</p>
                <div class="stats">{Stat("stat-total", "total requests", total)}{stats}{Stat("stat-open-conflicts", "open conflicts", await q.OpenConflictsAsync(scope))}</div>
                """);
        });

        // Filters arrive as typed by a person: empty means "any", and a non-number employee id matches nobody.
        app.MapGet("/my-requests", async (ClaimsPrincipal user, DashboardQueries q, FaultSet faults, string? status, string? employee, string? security) =>
        {
            int? employeeId = string.IsNullOrWhiteSpace(employee) ? null : int.TryParse(employee, out var id) ? id : -1;
            var filter = new RequestFilter(string.IsNullOrEmpty(status) ? null : status, employeeId, string.IsNullOrEmpty(security) ? null : security);
            var (rows, total) = await q.ListAsync(filter, Scope(user, faults), PageSize, withReports: !faults.Has("manager-sees-only-own"));
            var options = string.Concat(Statuses.Select(s => $"<option value=\"{s}\"{(s == filter.Status ? " selected" : "")}>{E(Label(s))}</option>"));
            return Render(user, "Requests", $"""
                <form method="get" data-testid="request-filters">
                  <select name="status" data-testid="filter-status"><option value="">any status</option>{options}</select>
                  <input name="security" placeholder="ticker" value="{E(filter.Ticker)}" data-testid="filter-security">
                  <input name="employee" placeholder="employee id" value="{E(filter.EmployeeId)}" data-testid="filter-employee">
                  <button type="submit" data-testid="filter-apply">Filter</button>
                </form>
                <p><span data-testid="request-count">{total}</span> matching requests (newest {PageSize} shown)</p>
                {Table("request-table", ["#", "Employee", "Security", "Direction", "Quantity", "Value", "Status", "Conflict"], rows.Select(Row))}
                """);
        });

        app.MapGet("/requests/{id:int}", async (int id, ClaimsPrincipal user, DashboardQueries q, FaultSet faults, People people) =>
        {
            var r = await q.DetailAsync(id);
            if (r is null || (Scope(user, faults) is { } own && r.EmployeeId != own
                              && (faults.Has("manager-sees-only-own") || (await people.ByIdAsync(r.EmployeeId))?.ManagerId != own)))
                return Page("Request not found", user.Identity!.Name, user.IsCompliance(), "<p data-testid=\"not-found\">No such request.</p>", 404);
            var approvals = await q.ApprovalsAsync(id);
            var execution = await q.ExecutionAsync(id);
            var audit = await q.AuditAsync(id, 100);
            return Render(user, $"Request #{id}", $"""
                <dl>
                  <dt>Request</dt><dd data-testid="request-id">{r.Id}</dd>
                  <dt>Status</dt><dd data-testid="request-status">{E(Label(r.Status))}</dd>
                  <dt>Employee</dt><dd data-testid="request-employee">{E(r.Employee)}</dd>
                  <dt>Security</dt><dd data-testid="request-security">{E(r.Ticker)}</dd>
                  <dt>Description</dt><dd data-testid="request-description">{E(faults.Has("detail-without-sections") ? "" : r.Description)}</dd>
                  <dt>Direction</dt><dd data-testid="request-direction">{E(r.Direction)}</dd>
                  <dt>Quantity</dt><dd data-testid="request-quantity">{Qty(r.Quantity)}</dd>
                  <dt>Estimated value</dt><dd data-testid="request-value">{Money(r.EstimatedValue, r.Currency)}</dd>
                  <dt>Reason</dt><dd data-testid="request-reason">{E(r.Reason)}</dd>
                  <dt>Risk</dt><dd data-testid="request-risk">{E(r.RiskLevel)}</dd>
                  <dt>Submitted</dt><dd data-testid="request-created">{When(r.CreatedAt)}</dd>
                  {(r.DeletedAt is { } deleted ? $"<dt>Withdrawn</dt><dd data-testid=\"request-withdrawn\">{When(deleted)} by {E(r.DeletedBy)}</dd>" : "")}
                </dl>
                {(r.ConflictFlag ? $"<p class=\"flag\" data-testid=\"conflict-flag\">⚠ Conflict (advisory): {E(faults.Has("conflict-detail-hidden") ? "" : r.ConflictDetail)}</p>" : "")}
                <h2>Approvals</h2>
                {Table("approval-table", ["Step", "Decision", "By", "When"], approvals.Select(a =>
                    $"<tr data-testid=\"approval-row\" data-approval-type=\"{E(a.ApprovalType)}\">{Cell("approval-type", a.ApprovalType)}" +
                    $"{Cell("approval-decision", a.Decision)}{Cell("approval-approver", a.Approver)}{Cell("approval-when", When(a.DecidedAt))}</tr>"))}
                <h2>Execution</h2>
                {(execution is null ? "<p data-testid=\"no-execution\">Not executed.</p>" : $"""
                    <dl data-testid="execution"><dt>Executed</dt><dd data-testid="execution-at">{When(execution.ExecutedAt)}</dd>
                    <dt>Price</dt><dd data-testid="execution-price">{execution.Price.ToString(faults.Has("execution-price-rounded") ? "0" : "0.####", System.Globalization.CultureInfo.InvariantCulture)}</dd>
                    <dt>Quantity</dt><dd data-testid="execution-quantity">{Qty(execution.Quantity)}</dd>
                    <dt>Within two days</dt><dd data-testid="execution-within-two-days">{(execution.ExecutedWithinTwoDays ? "yes" : "no")}</dd></dl>
                    """)}
                <h2>Audit trail</h2>
                {AuditTable(audit)}
                """);
        });

        app.MapGet("/audit", async (ClaimsPrincipal user, DashboardQueries q, FaultSet faults, string? request) =>
        {
            if (!user.IsCompliance()) return Denied(user);
            int? requestId = string.IsNullOrWhiteSpace(request) ? null : int.TryParse(request, out var id) ? id : -1;
            return Render(user, "Audit log", $"""
                <form method="get"><input name="request" placeholder="request #" value="{E(requestId)}" data-testid="audit-filter-request">
                <button type="submit" data-testid="audit-filter-apply">Filter</button></form>
                {AuditTable(Faulty(await q.AuditAsync(requestId, 100), faults))}
                """);
        });
    }

    /// <summary>
    /// Compliance sees the firm; everyone else their own requests, and a manager their direct reports' too in the request
    /// list and on a request's page (T/slack_ui_dashboard_links_20260125/spec.md, Phase 6: "Managers view their direct
    /// reports' requests") — unless the employee-sees-all fault is on. The summary's figures stay the person's own.
    /// </summary>
    private static int? Scope(ClaimsPrincipal user, FaultSet faults) =>
        user.IsCompliance() || faults.Has("employee-sees-all") ? null : user.EmployeeId();

    private static string Stat(string testId, string label, long value) =>
        $"<div class=\"stat\"><b data-testid=\"{testId}\">{value}</b>{E(label)}</div>";

    internal static string Row(RequestListItem r) =>
        $"<tr data-testid=\"request-row\" data-request-id=\"{r.Id}\">" +
        $"<td data-testid=\"cell-id\"><a href=\"/requests/{r.Id}\">{r.Id}</a></td>{Cell("cell-employee", r.Employee)}{Cell("cell-security", r.Ticker)}" +
        $"{Cell("cell-direction", r.Direction)}{Cell("cell-quantity", Qty(r.Quantity))}{Cell("cell-value", Money(r.EstimatedValue, r.Currency))}" +
        $"{Cell("cell-status", Label(r.Status))}{Cell("cell-conflict", r.ConflictFlag ? "⚠ conflict" : "")}</tr>";

    /// <summary>The audit log page's faults: its entries by who did them, or every entry's actor the first one's (who submitted).</summary>
    // Stryker disable once all : the audit-view-unordered and audit-actor-is-owner faults, never reached without them
    private static IEnumerable<AuditItem> Faulty(IReadOnlyList<AuditItem> audit, FaultSet faults) =>
        faults.Has("audit-view-unordered") ? audit.OrderBy(a => a.Actor, StringComparer.Ordinal)
        : faults.Has("audit-actor-is-owner") && audit.Count > 0 ? audit.Select(a => a with { Actor = audit.MinBy(x => x.Id)!.Actor })
        : audit;

    private static string AuditTable(IEnumerable<AuditItem> audit) =>
        Table("audit-table", ["When", "Request", "Who", "Action", "Details"], audit.Select(a =>
            $"<tr data-testid=\"audit-row\" data-action=\"{E(a.Action)}\" data-request-id=\"{E(a.RequestId)}\">{Cell("audit-when", When(a.CreatedAt))}" +
            $"{Cell("audit-request", a.RequestId)}{Cell("audit-actor", a.Actor)}{Cell("audit-action", a.Action)}{Cell("audit-details", a.Details)}</tr>"));

    internal static IResult Render(ClaimsPrincipal user, string title, string body) => Page(title, user.Identity!.Name, user.IsCompliance(), body);

    internal static IResult Denied(ClaimsPrincipal user) =>
        Page("Access denied", user.Identity!.Name, user.IsCompliance(), "<p class=\"denied\" data-testid=\"access-denied\">Only compliance can see this page.</p>", 403);
}
