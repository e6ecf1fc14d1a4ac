using PadUat.Support.Contract;
using PadUat.Support.Evidence;

namespace PadUat.Drivers.Database;

public sealed record Employee(int Id, string Forename, string Surname, string Email, int? ManagerId)
{
    public string Name => $"{Forename} {Surname}";
}

public sealed record Security(int Id, string Ticker, string Description, string Currency);

/// <summary>
/// People and securities from the reference schema (read only). People are found by their e-mail where the contract says
/// e-mails live — not on the employee table in either target (the plan's own 5.1 query assumes a column that is not
/// there) — and their names on whichever table the contract gives them.
/// </summary>
public sealed class FirmDirectory(PadDatabase db, TargetContract contract)
{
    private readonly Dictionary<string, Employee> _byEmail = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The employee and contact tables joined, with names from the one that has them.</summary>
    private string People(string contactJoin)
    {
        var names = contract.HasColumn("employee", "forename") ? "e.[employee.forename] AS Forename, e.[employee.surname] AS Surname"
            : "c.[contact.forename] AS Forename, c.[contact.surname] AS Surname";
        return contract.Sql($"""
            SELECT e.[employee.id] AS Id, {names}, c.[contact.email] AS Email, e.[employee.manager] AS ManagerId
            FROM [employee] e {contactJoin} [contact] c ON c.[contact.person] = e.[employee.id] AND {contract.Filter("contact", "c")}
            """);
    }

    public async Task<Employee> EmployeeAsync(string email)
    {
        if (_byEmail.TryGetValue(email, out var known)) return known;
        var employee = await db.SingleOrDefaultAsync<Employee>($"employee with e-mail {email}",
            People("JOIN") + contract.Sql(" WHERE lower(c.[contact.email]) = lower(@email)"), new { email })
            ?? throw new SetupError($"No employee has the e-mail {email} in {contract.Table("contact")}: check the UAT_*_EMAIL settings");
        return _byEmail[email] = employee;
    }

    /// <summary>A person by id — a test person's manager, who is not one of the UAT people.</summary>
    public async Task<Employee> EmployeeByIdAsync(int id) =>
        await db.SingleOrDefaultAsync<Employee>($"employee #{id}", People("LEFT JOIN") + contract.Sql(" WHERE e.[employee.id] = @id"), new { id })
        ?? throw new SetupError($"No employee #{id} in {contract.Table("employee")}");

    public async Task<Security> SecurityAsync(string ticker) =>
        await db.SingleOrDefaultAsync<Security>($"security {ticker}", contract.Sql("""
            SELECT [security.id] AS Id, [security.ticker] AS Ticker, [security.description] AS Description, [security.currency] AS Currency
            FROM [security] WHERE [security.ticker] = @ticker
            """), new { ticker })
        ?? throw new SetupError($"No security with ticker {ticker} in {contract.Table("security")}: the test data names a security this target does not have");
}
