using System.Text.RegularExpressions;
using PadUat.Support.Evidence;

namespace PadUat.Support.Configuration;

/// <summary>The parts a test person plays in the UAT. The features speak of the first four; SMF16 approvers decide large trades.</summary>
public static class Roles
{
    public const string Employee = "employee";
    public const string Manager = "manager";
    public const string Compliance = "compliance";
    public const string Colleague = "colleague";
    public const string Smf16 = "smf16";

    /// <summary>Every role, in the order the cast lists them.</summary>
    public static readonly string[] All = [Employee, Manager, Compliance, Colleague, Smf16];

    /// <summary>The roles a run cannot do without: every scenario of the plan needs one of each.</summary>
    public static readonly string[] Required = [Employee, Manager, Compliance, Colleague];
}

/// <summary>
/// One test person: the part they play, which of that part's people they are (the second employee is
/// <c>UAT_EMPLOYEE_2_EMAIL</c>), and their e-mail, by which the target's directory knows them. Their secrets are named
/// the same way: <c>SLACK_TOKEN_EMPLOYEE_2</c>, <c>DASHBOARD_PASSWORD_EMPLOYEE_2</c>.
/// </summary>
public sealed record TestPerson(string Role, int Number, string Email)
{
    /// <summary>How reports name them: employee, employee 2.</summary>
    public string Key => Number == 1 ? Role : $"{Role} {Number}";

    /// <summary>Their part of settings' names: UAT_&lt;NAME&gt;_EMAIL, SLACK_TOKEN_&lt;NAME&gt;.</summary>
    public string SettingName => Number == 1 ? Role.ToUpperInvariant() : $"{Role.ToUpperInvariant()}_{Number}";

    public string EmailSetting => $"UAT_{SettingName}_EMAIL";

    public override string ToString() => Key;
}

/// <summary>
/// The UAT's test people, as data from the env file: any number per role, prepared in one place. A scenario acts as
/// the first person of each role (the lead) unless it names another.
/// </summary>
public sealed class Cast
{
    private static readonly Regex EmailKey = new(@"^UAT_(?<role>[A-Z0-9]+)(_(?<n>[2-9]|[1-9][0-9]+))?_EMAIL$", RegexOptions.CultureInvariant);

    public IReadOnlyList<TestPerson> People { get; }

    public Cast(IEnumerable<TestPerson> people, bool requireEveryRole = true)
    {
        People = people.OrderBy(p => Array.IndexOf(Roles.All, p.Role)).ThenBy(p => p.Number).ToList();
        foreach (var twice in People.GroupBy(p => p.Email.ToLowerInvariant()).Where(g => g.Count() > 1))
            throw new SettingsError($"{string.Join(", ", twice.Select(p => p.EmailSetting))}: one person ({twice.Key}) cast twice; each test person plays one part");
        foreach (var missing in Roles.Required.Where(r => requireEveryRole && !People.Any(p => p.Role == r)))
            throw new SettingsError($"UAT_{missing.ToUpperInvariant()}_EMAIL: missing (the plan's scenarios need a {missing}; set it in the env file or the environment)");
    }

    /// <summary>The cast from settings named UAT_&lt;ROLE&gt;[N]_EMAIL, read through <paramref name="email"/> (which checks the value).</summary>
    public static Cast FromSettings(IEnumerable<string> keys, Func<string, string> email, bool requireEveryRole = true)
    {
        var people = new List<TestPerson>();
        foreach (var key in keys.Distinct().Where(k => k.StartsWith("UAT_", StringComparison.Ordinal) && k.EndsWith("_EMAIL", StringComparison.Ordinal)))
        {
            var m = EmailKey.Match(key);
            var role = m.Success ? m.Groups["role"].Value.ToLowerInvariant() : "";
            if (!Roles.All.Contains(role))
                throw new SettingsError($"{key}: not a test person's setting (UAT_<ROLE>_EMAIL or UAT_<ROLE>_<N>_EMAIL, roles {string.Join(", ", Roles.All)})");
            people.Add(new TestPerson(role, m.Groups["n"].Success ? int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1, email(key)));
        }
        return new Cast(people, requireEveryRole);
    }

    /// <summary>The first person of the role: the one a scenario means by "the employee", "the manager".</summary>
    public TestPerson Lead(string role) =>
        !Roles.All.Contains(role) ? throw new SetupError($"'{role}' is not a part in the UAT (one of {string.Join(", ", Roles.All)})")
        : People.FirstOrDefault(p => p.Role == role) ?? throw new SetupError($"No test person plays {role}: set UAT_{role.ToUpperInvariant()}_EMAIL in the env file");

    public TestPerson Employee => Lead(Roles.Employee);
    public TestPerson Manager => Lead(Roles.Manager);
    public TestPerson Compliance => Lead(Roles.Compliance);
    public TestPerson Colleague => Lead(Roles.Colleague);

    public IEnumerable<string> Emails => People.Select(p => p.Email);

    /// <summary>
    /// The teams the cast forms, team 1 first. Team <c>n</c> (n ≥ 2) is employee n, manager n and colleague n, and exists once
    /// all three are cast; team 1 is everyone else, so a cast of one team plays as it always has. Compliance and SMF16
    /// people are in every team.
    /// </summary>
    public IReadOnlyList<TestTeam> Teams
    {
        get
        {
            var numbers = People.Where(p => p.Number > 1 && TestTeam.OwnRoles.Contains(p.Role)).Select(p => p.Number).Distinct()
                .Where(n => TestTeam.OwnRoles.All(r => People.Any(p => p.Role == r && p.Number == n))).Order().ToList();
            bool Shared(TestPerson p) => !TestTeam.OwnRoles.Contains(p.Role);
            var first = People.Where(p => Shared(p) || !numbers.Contains(p.Number));
            return [new TestTeam(1, new Cast(first)), .. numbers.Select(n => new TestTeam(n, new Cast(People.Where(p => Shared(p) || p.Number == n))))];
        }
    }

    /// <summary>This cast with <paramref name="more"/> people (the sandbox's teams beyond the env file's).</summary>
    public Cast With(IEnumerable<TestPerson> more) => new(People.Concat(more));

    /// <summary>Each e-mail in lower case, as the directory's look-ups compare them.</summary>
    public string[] LowerCaseEmails => People.Select(p => p.Email.ToLowerInvariant()).ToArray();

    /// <summary>The names of each person's secrets: SLACK_TOKEN_&lt;KEY&gt; and the dashboard's password or saved session.</summary>
    public static bool IsPersonalSecret(string key) =>
        PersonalSecretPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal) && key.Length > prefix.Length);

    public static readonly string[] PersonalSecretPrefixes = ["SLACK_TOKEN_", "SLACK_SESSION_", "DASHBOARD_PASSWORD_", "DASHBOARD_SESSION_"];
}
