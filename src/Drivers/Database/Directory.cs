namespace PadUat.Drivers.Database;

public sealed record Employee(int Id, string Forename, string Surname, string Email, int? ManagerId)
{
    public string Name => $"{Forename} {Surname}";
}

public sealed record Security(int Id, string Ticker, string Description, string Currency);

/// <summary>
/// People and securities from bo_airflow (read only). oracle_employee has no e-mail column: people are found
/// through their e-mail in contact, which is how the plan's 5.1 check has to be written against the real schema.
/// </summary>
public sealed class FirmDirectory(PadDatabase db)
{
    private readonly Dictionary<string, Employee> _byEmail = new(StringComparer.OrdinalIgnoreCase);

    public async Task<Employee> EmployeeAsync(string email)
    {
        if (_byEmail.TryGetValue(email, out var known)) return known;
        var employee = await db.SingleOrDefaultAsync<Employee>($"employee with e-mail {email}", """
            SELECT e.id, e.forename, e.surname, c.value AS email, e.manager_id
            FROM bo_airflow.oracle_employee e JOIN bo_airflow.contact c ON c.employee_id = e.id AND c.contact_type = 'email'
            WHERE lower(c.value) = lower(@email)
            """, new { email }) ?? throw new Support.Evidence.SetupError($"No employee has the e-mail {email} in bo_airflow.contact: check the UAT_*_EMAIL settings");
        return _byEmail[email] = employee;
    }

    /// <summary>A person by id — a test person's manager, who is not one of the UAT people.</summary>
    public async Task<Employee> EmployeeByIdAsync(int id) =>
        await db.SingleOrDefaultAsync<Employee>($"employee #{id}", """
            SELECT e.id, e.forename, e.surname, c.value AS email, e.manager_id
            FROM bo_airflow.oracle_employee e LEFT JOIN bo_airflow.contact c ON c.employee_id = e.id AND c.contact_type = 'email'
            WHERE e.id = @id
            """, new { id }) ?? throw new Support.Evidence.SetupError($"No employee #{id} in bo_airflow.oracle_employee");

    public async Task<Security> SecurityAsync(string ticker) =>
        await db.SingleOrDefaultAsync<Security>($"security {ticker}",
            "SELECT id, ticker, description, currency FROM bo_airflow.oracle_bloomberg WHERE ticker = @ticker", new { ticker })
        ?? throw new Support.Evidence.SetupError($"No security with ticker {ticker} in bo_airflow.oracle_bloomberg: the test data names a security this target does not have");
}
