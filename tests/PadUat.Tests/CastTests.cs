using PadUat.Support.Configuration;
using PadUat.Support.Evidence;
using Xunit;

namespace PadUat.Tests;

/// <summary>The test people are data: any number per role from the env file, each with secrets of their own, checked before any scenario.</summary>
public sealed class CastTests
{
    private static readonly Dictionary<string, string> Four = new()
    {
        ["UAT_EMPLOYEE_EMAIL"] = "e@x.example", ["UAT_MANAGER_EMAIL"] = "m@x.example",
        ["UAT_COMPLIANCE_EMAIL"] = "c@x.example", ["UAT_COLLEAGUE_EMAIL"] = "o@x.example",
    };

    private static Cast From(Dictionary<string, string> settings) => Cast.FromSettings(settings.Keys, k => settings[k]);

    [Fact]
    public void Any_number_of_people_play_a_role_and_the_first_of_each_leads()
    {
        var cast = From(new(Four) { ["UAT_EMPLOYEE_2_EMAIL"] = "e2@x.example", ["UAT_EMPLOYEE_10_EMAIL"] = "e10@x.example", ["UAT_SMF16_EMAIL"] = "s@x.example" });
        Assert.Equal(["employee", "employee 2", "employee 10", "manager", "compliance", "colleague", "smf16"], cast.People.Select(p => p.Key));
        Assert.Equal("e@x.example", cast.Employee.Email);
        Assert.Equal("EMPLOYEE_2", cast.People[1].SettingName);
        Assert.Equal("UAT_EMPLOYEE_10_EMAIL", cast.People[2].EmailSetting);
        Assert.Equal("s@x.example", cast.Lead(Roles.Smf16).Email);
    }

    [Theory]
    [InlineData("UAT_CHAIRMAN_EMAIL", "UAT_CHAIRMAN_EMAIL: not a test person's setting")]
    [InlineData("UAT_EMPLOYEE_1_EMAIL", "UAT_EMPLOYEE_1_EMAIL: not a test person's setting")]
    public void A_setting_that_names_no_part_is_refused(string key, string error) =>
        Assert.StartsWith(error, Assert.Throws<SettingsError>(() => From(new(Four) { [key] = "z@x.example" })).Message);

    [Fact]
    public void One_person_cast_twice_or_a_part_nobody_plays_is_named()
    {
        Assert.Equal("UAT_EMPLOYEE_EMAIL, UAT_COLLEAGUE_EMAIL: one person (e@x.example) cast twice; each test person plays one part",
            Assert.Throws<SettingsError>(() => From(new(Four) { ["UAT_COLLEAGUE_EMAIL"] = "E@x.example" })).Message);
        var noManager = new Dictionary<string, string>(Four);
        noManager.Remove("UAT_MANAGER_EMAIL");
        Assert.StartsWith("UAT_MANAGER_EMAIL: missing", Assert.Throws<SettingsError>(() => From(noManager)).Message);
    }

    [Fact]
    public void A_part_the_features_name_but_nobody_plays_ends_the_scenario_broken()
    {
        Assert.Equal("No test person plays smf16: set UAT_SMF16_EMAIL in the env file", Assert.Throws<SetupError>(() => From(Four).Lead(Roles.Smf16)).Message);
        Assert.StartsWith("'managr' is not a part in the UAT", Assert.Throws<SetupError>(() => From(Four).Lead("managr")).Message);
    }

    [Fact]
    public void A_team_is_an_employee_their_manager_and_a_colleague_with_compliance_shared()
    {
        var cast = From(new(Four)
        {
            ["UAT_EMPLOYEE_2_EMAIL"] = "e2@x.example", ["UAT_MANAGER_2_EMAIL"] = "m2@x.example", ["UAT_COLLEAGUE_2_EMAIL"] = "o2@x.example",
            ["UAT_EMPLOYEE_3_EMAIL"] = "e3@x.example", // no manager 3: not a team, and stays with team 1
            ["UAT_SMF16_EMAIL"] = "s@x.example",
        });
        Assert.Equal([1, 2], cast.Teams.Select(t => t.Number));
        var (first, second) = (cast.Teams[0].People, cast.Teams[1].People);
        Assert.Equal(["employee", "employee 3", "manager", "compliance", "colleague", "smf16"], first.People.Select(p => p.Key));
        Assert.Equal(["employee 2", "manager 2", "compliance", "colleague 2", "smf16"], second.People.Select(p => p.Key));
        Assert.Equal(("e2@x.example", "m2@x.example", "c@x.example"), (second.Employee.Email, second.Manager.Email, second.Compliance.Email));
        Assert.Equal("team 2 (e2@x.example)", cast.Teams[1].ToString());
    }

    [Theory]
    [InlineData("SLACK_TOKEN_EMPLOYEE_2", true)]
    [InlineData("DASHBOARD_SESSION_SMF16", true)]
    [InlineData("DASHBOARD_PASSWORD_", false)]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("DASHBOARD_URL", false)]
    public void Every_persons_secrets_are_secrets(string key, bool secret) => Assert.Equal(secret, UatSettings.IsSecret(key));
}
