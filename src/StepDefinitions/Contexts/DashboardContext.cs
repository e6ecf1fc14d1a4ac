using PadUat.Drivers.Dashboard;

namespace PadUat.Contexts;

/// <summary>The dashboard pages a scenario has open, so "When … opens" and "Then … shows" can be separate steps.</summary>
public sealed class DashboardContext
{
    public IReadOnlyDictionary<string, long>? Figures { get; set; }
    /// <summary>
    /// The database's figures just before a page was read. On a shared database other people change the counts while
    /// the page loads: a page is right when it shows the database as it was at some moment between before and after.
    /// </summary>
    public IReadOnlyDictionary<string, long>? FiguresBefore { get; set; }
    public long CountBefore { get; set; }
    public RequestListPage? List { get; set; }
    public RequestListFilter? Filter { get; set; }
    public RequestDetailPage? Detail { get; set; }
    public CompliancePage? Compliance { get; set; }
    public AuditLogPage? AuditLog { get; set; }
    /// <summary>What the last page opened showed of the scenario's request.</summary>
    public RequestSight? Sight { get; set; }
    /// <summary>Whose dashboard summary is open.</summary>
    public PadUat.Drivers.Database.Employee? Viewer { get; set; }
}
