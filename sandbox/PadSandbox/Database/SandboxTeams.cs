using System.Globalization;
using System.Text;

namespace PadSandbox.Database;

/// <summary>One test team's people in the sandbox's firm: an employee, their manager and a colleague with the same manager.</summary>
public sealed record SandboxTeam(int Number, string Employee, string Manager, string Colleague)
{
    /// <summary>Each member by the part they play, as the harness names parts (employee, manager, colleague).</summary>
    public IEnumerable<(string Role, string Email)> Members() => [("employee", Employee), ("manager", Manager), ("colleague", Colleague)];

    /// <summary>As env files name them: UAT_EMPLOYEE_EMAIL for team 1, UAT_EMPLOYEE_2_EMAIL for team 2.</summary>
    public IEnumerable<(string Setting, string Email)> Settings() =>
        Members().Select(m => (m.Role.ToUpperInvariant() + (Number == 1 ? "" : $"_{Number}"), m.Email));
}

/// <summary>
/// The sandbox's test teams (`--teams N`). Team 1 is the firm's own UAT people (002_reference_data.sql: Alex Morgan, her
/// manager Sam Rivera, her colleague Riley Fenwick). Teams 2 and on are hired when the sandbox is built: a manager under
/// the firm's head and two reports, in the directory as dev has people (oracle_employee without names, oracle_contact
/// with the work e-mail), with no past requests — like team 1, so every scenario reads the same for every team.
/// Compliance (Jordan Blake) and the SMF16 approver are the firm's and shared by every team.
/// </summary>
public static class SandboxTeams
{
    public const int Most = 40;
    public static readonly string Compliance = "jordan.blake@paduat.example";

    private static readonly string[] Forenames = ["Nico", "Marlow", "Ira", "Tove", "Ren", "Juno", "Ellis", "Wren", "Kit", "Lior", "Oakley", "Sasha"];
    private static readonly string[] Surnames = ["Abbott", "Barrow", "Cole", "Daventry", "Everett", "Fairley", "Garland", "Holt", "Ingram", "Jessop", "Keane", "Lowther"];

    /// <summary>Teams 1 to <paramref name="count"/>.</summary>
    public static IReadOnlyList<SandboxTeam> All(int count)
    {
        if (count is < 1 or > Most) throw new ArgumentOutOfRangeException(nameof(count), count, $"the sandbox holds 1 to {Most} test teams");
        return [new SandboxTeam(1, "alex.morgan@paduat.example", "sam.rivera@paduat.example", "riley.fenwick@paduat.example"),
            .. Enumerable.Range(2, count - 1).Select(n => new SandboxTeam(n, Email(n, 1), Email(n, 0), Email(n, 2)))];
    }

    /// <summary>The hired teams' rows in bo_airflow (run as the schema's owner: the app cannot write it).</summary>
    public static string HireSql(int count)
    {
        var sql = new StringBuilder();
        foreach (var n in Enumerable.Range(2, count - 1))
            for (var place = 0; place < 3; place++)
            {
                var id = Id(n, place);
                var (forename, surname) = Name(n, place);
                var manager = place == 0 ? "1001, 'ASHDOWMO'" : $"{Id(n, 0)}, '{Mako(n, 0)}'";
                sql.Append(CultureInfo.InvariantCulture, $"""
                    INSERT INTO bo_airflow.oracle_employee (id, mako_id, status, division_id, cost_centre, manager_id, manager, start_date)
                        VALUES ({id}, '{Mako(n, place)}', 'Active', 3, 'CC310', {manager}, DATE '2025-06-02');
                    INSERT INTO bo_airflow.oracle_contact (id, employee_id, contact_group_id, contact_type_id, email, forename, surname, telephone)
                        VALUES ({6000 + 2 * (id - 2000)}, {id}, 2, 5, '{Email(n, place)}', '{forename}', '{surname}', NULL),
                               ({6001 + 2 * (id - 2000)}, {id}, 2, 1, NULL, '{forename}', '{surname}', '+44 20 7946 {id - 1000:0000}');

                    """);
            }
        return sql.ToString();
    }

    // Place 0 is the manager, 1 the employee, 2 the colleague; ids from 2006 up, clear of the firm's 1001-1024.
    private static int Id(int team, int place) => 2000 + 3 * team + place;

    private static (string Forename, string Surname) Name(int team, int place)
    {
        var i = 3 * (team - 2) + place;
        return (Forenames[i % Forenames.Length], Surnames[(i / Forenames.Length + i) % Surnames.Length]);
    }

    /// <summary>The firm's login as 002_reference_data.sql makes it: surname then forename, upper case, eight letters at most.</summary>
    private static string Mako(int team, int place)
    {
        var (forename, surname) = Name(team, place);
        var login = (surname + forename).ToUpperInvariant();
        return login.Length > 8 ? login[..8] : login;
    }

    private static string Email(int team, int place)
    {
        var (forename, surname) = Name(team, place);
        return $"{forename.ToLowerInvariant()}.{surname.ToLowerInvariant()}{(team > 5 ? team.ToString(CultureInfo.InvariantCulture) : "")}@paduat.example";
    }
}
