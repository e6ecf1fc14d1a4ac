using Dapper;
using Npgsql;

namespace PadSandbox.Workflow;

/// <summary>Who is who, read from bo_airflow (employees, e-mails in contact) and padealing.employee_role.</summary>
public sealed class People(NpgsqlDataSource db)
{
    private const string Select = """
        SELECT e.id, e.forename, e.surname, c.value AS email, e.manager_id AS managerid,
               EXISTS (SELECT 1 FROM padealing.employee_role r WHERE r.employee_id = e.id AND r.role = 'compliance') AS iscompliance
        FROM bo_airflow.oracle_employee e
        JOIN bo_airflow.contact c ON c.employee_id = e.id AND c.contact_type = 'email'
        """;

    public async Task<IReadOnlyList<Employee>> AllAsync()
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<Employee>(Select + " WHERE e.is_active ORDER BY e.id")).ToList();
    }

    public async Task<Employee?> ByIdAsync(int id)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QueryFirstOrDefaultAsync<Employee>(Select + " WHERE e.id = @id", new { id });
    }

    public async Task<Employee?> ByEmailAsync(string email)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QueryFirstOrDefaultAsync<Employee>(Select + " WHERE lower(c.value) = lower(@email)", new { email });
    }
}
