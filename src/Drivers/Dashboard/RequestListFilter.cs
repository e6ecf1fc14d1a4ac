using PadUat.Drivers.Database;

namespace PadUat.Drivers.Dashboard;

/// <summary>A status as the target stores it and as its dashboard shows it (a label, or the stored word itself).</summary>
public sealed record ShownStatus(string Stored, string Shown);

/// <summary>What the request list is filtered by, as a person sets the filters: a status, a security, an employee.</summary>
public sealed record RequestListFilter(ShownStatus? Status, string? Ticker, Employee? Employee)
{
    public bool Matches(RequestRow row) =>
        (Status is null || row.Status == Status.Shown) && (Ticker is null || row.Security == Ticker) && (Employee is null || row.Employee == Employee.Name);

    public override string ToString() => string.Join(", ", new[]
    {
        Status is null ? null : $"status {Status.Shown}", Ticker is null ? null : $"security {Ticker}", Employee is null ? null : $"employee {Employee.Name}",
    }.Where(s => s is not null));
}
