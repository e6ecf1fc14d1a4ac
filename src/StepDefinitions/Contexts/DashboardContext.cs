using PadUat.Drivers.Dashboard;

namespace PadUat.Contexts;

/// <summary>The dashboard pages a scenario has open, so "When … opens" and "Then … shows" can be separate steps.</summary>
public sealed class DashboardContext
{
    public IReadOnlyDictionary<string, long>? Figures { get; set; }
    public RequestListPage? List { get; set; }
    public RequestDetailPage? Detail { get; set; }
    public CompliancePage? Compliance { get; set; }
    public AuditLogPage? AuditLog { get; set; }
}
