using Dapper;
using Npgsql;

namespace PadSandbox.Workflow;

/// <summary>
/// Who is who, read from bo_airflow (employees; e-mails and names in oracle_contact's work e-mail contacts, group 2 type 5,
/// INVESTIGATION_SUMMARY.md:74-78) and padealing.employee_role (a role counts until it is revoked). Active means no end date
/// passed (schema_validation_dev_20260121/spec.md:102-106).
/// </summary>
public sealed class People(NpgsqlDataSource db)
{
    /// <summary>
    /// The join to <paramref name="alias"/>, the work e-mail contact of the employee in <paramref name="employeeId"/> — where
    /// names and e-mails are (work contacts, group 2; e-mail type 5).
    /// </summary>
    public static string WorkContact(string alias, string employeeId) =>
        $"bo_airflow.oracle_contact {alias} ON {alias}.employee_id = {employeeId} AND {alias}.contact_group_id = 2 AND {alias}.contact_type_id = 5";

    private static readonly string Select = $"""
        SELECT e.id, c.forename, c.surname, c.email, e.manager_id AS managerid,
               EXISTS (SELECT 1 FROM padealing.employee_role r
                       WHERE r.employee_id = e.id AND r.role = 'compliance' AND r.revoked_at IS NULL) AS iscompliance,
               e.mako_id AS makoid,
               EXISTS (SELECT 1 FROM padealing.employee_role r
                       WHERE r.employee_id = e.id AND r.role = 'smf16' AND r.revoked_at IS NULL) AS issmf16
        FROM bo_airflow.oracle_employee e
        JOIN {WorkContact("c", "e.id")}
        """;

    public async Task<IReadOnlyList<Employee>> AllAsync()
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<Employee>(Select + " WHERE e.end_date IS NULL OR e.end_date > CURRENT_DATE ORDER BY e.id")).ToList();
    }

    public async Task<Employee?> ByIdAsync(int id)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QueryFirstOrDefaultAsync<Employee>(Select + " WHERE e.id = @id", new { id });
    }

    public async Task<Employee?> ByEmailAsync(string email)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QueryFirstOrDefaultAsync<Employee>(Select + " WHERE lower(c.email) = lower(@email)", new { email });
    }
}
