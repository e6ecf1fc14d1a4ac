using PadUat.Drivers.Dashboard;

namespace PadUat.Contexts;

/// <summary>The dashboard pages a scenario has open, so "When … opens" and "Then … shows" can be separate steps.</summary>
public sealed class DashboardContext
{
    /// <summary>The summary as shown, with the database's figures at a moment nothing behind them moved.</summary>
    public SummaryReading? Summary { get; set; }
    public long CountBefore { get; set; }
    public RequestListPage? List { get; set; }
    public RequestListFilter? Filter { get; set; }
    public RequestDetailPage? Detail { get; set; }
    public CompliancePage? Compliance { get; set; }
    public AuditLogPage? AuditLog { get; set; }
    public RestrictedListPage? RestrictedList { get; set; }
    /// <summary>What the dashboard answered to the last button pressed.</summary>
    public DashboardAnswer? Answer { get; set; }
    /// <summary>What the last page opened showed of the scenario's request.</summary>
    public RequestSight? Sight { get; set; }
    /// <summary>Whose dashboard summary is open.</summary>
    public PadUat.Drivers.Database.Employee? Viewer { get; set; }
}
