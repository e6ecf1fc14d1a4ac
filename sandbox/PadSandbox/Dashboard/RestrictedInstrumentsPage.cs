using System.Security.Claims;
using static PadSandbox.Dashboard.Html;

namespace PadSandbox.Dashboard;

/// <summary>
/// The restricted list's own page (checklist 8.2; T/ui_overhaul_bug_fixes_20260203/spec.md 5b-5e): every entry with its
/// instrument, security name, reason, who added it, when, and whether it is in force; the inactive ones behind a toggle;
/// compliance adds an entry (instrument and reason required) and removes one (it becomes inactive).
/// </summary>
public static class RestrictedInstrumentsPage
{
    public static void MapRestrictedInstruments(this WebApplication app) =>
        app.MapGet("/restricted-instruments", async (ClaimsPrincipal user, DashboardQueries q, bool? include_inactive) =>
        {
            if (!user.IsCompliance()) return DashboardPages.Denied(user);
            var all = include_inactive == true;
            var entries = await q.RestrictedAsync(all);
            return DashboardPages.Render(user, "Restricted list", $"""
                <p>{(all ? "All entries · <a href=\"/restricted-instruments\" data-testid=\"hide-inactive\">in force only</a>"
                    : "Entries in force · <a href=\"/restricted-instruments?include_inactive=true\" data-testid=\"show-inactive\">show inactive</a>")}</p>
                <form data-api="/api/restricted-instruments" data-testid="restrict-form">
                  <input name="inst_symbol" placeholder="instrument (ticker)" data-testid="restrict-instrument">
                  <input name="isin" placeholder="ISIN (optional)" data-testid="restrict-isin">
                  <input name="reason" placeholder="reason (required)" data-testid="restrict-reason">
                  <button data-testid="restrict-add">Add Instrument</button>
                </form>
                {ActionResult}
                {Table("restricted-table", ["Instrument", "Security", "Reason", "Added by", "Date added", "Status", ""], entries.Select(s =>
                    $"<tr data-testid=\"restricted-row\" data-ticker=\"{E(s.Ticker)}\" data-active=\"{(s.IsActive ? "true" : "false")}\">" +
                    $"{Cell("restricted-ticker", s.Ticker)}{Cell("restricted-name", s.Description)}{Cell("restricted-reason", s.Reason)}" +
                    $"{Cell("restricted-added-by", s.AddedBy)}{Cell("restricted-since", When(s.CreatedAt))}{Cell("restricted-status", s.IsActive ? "Active" : "Inactive")}" +
                    (s.IsActive ? $"<td><form data-api=\"/api/restricted-instruments/{s.Id}\" data-method=\"DELETE\" data-testid=\"restricted-remove-form\">" +
                                  "<button data-testid=\"restricted-remove\">Remove</button></form></td></tr>" : "<td></td></tr>")))}
                {ApiForms}
                """);
        });
}
