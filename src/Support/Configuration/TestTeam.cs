namespace PadUat.Support.Configuration;

/// <summary>
/// A team of test people that one part of a run acts through, alone: an employee, their manager and a colleague with
/// the same manager (team <c>n</c> is <c>UAT_EMPLOYEE_n_EMAIL</c>, <c>UAT_MANAGER_n_EMAIL</c>, <c>UAT_COLLEAGUE_n_EMAIL</c>), with the
/// compliance officers and SMF16 approvers every team shares. Two runs, or two parallel parts of one run, may use one
/// target at the same time when their teams differ: each team's requests, DMs and journal are its own.
/// </summary>
public sealed record TestTeam(int Number, Cast People)
{
    /// <summary>The people a team is made of; compliance and SMF16 approvers are everyone's.</summary>
    public static readonly string[] OwnRoles = [Roles.Employee, Roles.Manager, Roles.Colleague];

    /// <summary>How reports and lock holders name it: "team 2 (c.moss@…)".</summary>
    public string Name => $"team {Number}";

    /// <summary>What identifies the team on any target: its employee, whose requests are the team's.</summary>
    public string Identity => People.Employee.Email.ToLowerInvariant();

    public override string ToString() => $"{Name} ({People.Employee.Email})";
}
