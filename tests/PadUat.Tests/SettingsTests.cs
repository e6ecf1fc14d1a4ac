using PadUat.Support.Configuration;
using Xunit;

namespace PadUat.Tests;

/// <summary>A missing or malformed setting stops the run with one message naming the variable; secrets never print.</summary>
public sealed class SettingsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("paduat-settings-").FullName;

    public SettingsTests()
    {
        // The contracts, as in the repository: the dashboard's sign-in mode is the target's contract's unless the env picks one.
        Directory.CreateDirectory(Path.Combine(_root, "targets"));
        foreach (var file in Directory.GetFiles(Path.Combine(PadUat.Support.RepoRoot.Find(), "targets")))
            File.Copy(file, Path.Combine(_root, "targets", Path.GetFileName(file)));
    }

    private const string Deployed = """
        PAD_TARGET=deployed
        DB_HOST=db.example
        DB_PORT=5432
        DB_NAME=backoffice_db
        DB_SCHEMA=padealing
        DB_USER=pad_app_user
        PAD_MIGRATION_HEAD=0003
        TARGET_CONTRACT=pad-real
        SLACK_API_URL=https://slack.example/api/
        SLACK_CLIENT_URL=https://app.slack.example/client/T0TEST
        SLACK_BOT_USER_ID=UBOT
        COMPLIANCE_CHANNEL_ID=C0COMPLY
        BOT_REPLY_TIMEOUT_S=20
        DASHBOARD_URL=https://dash.example/
        DASHBOARD_SIGN_IN=form
        UAT_EMPLOYEE_EMAIL=e@x.example
        UAT_MANAGER_EMAIL=m@x.example
        UAT_COMPLIANCE_EMAIL=c@x.example
        UAT_COLLEAGUE_EMAIL=o@x.example
        """;

    private static readonly Dictionary<string, string> Secrets = new()
    {
        ["APP_ENV"] = "dev", ["DB_PASSWORD"] = "s3cret-db",
        ["SLACK_TOKEN_EMPLOYEE"] = "t1", ["SLACK_TOKEN_MANAGER"] = "t2", ["SLACK_TOKEN_COMPLIANCE"] = "t3", ["SLACK_TOKEN_COLLEAGUE"] = "t4",
        ["SLACK_SESSION_EMPLOYEE"] = "s1", ["SLACK_SESSION_MANAGER"] = "s2", ["SLACK_SESSION_COMPLIANCE"] = "s3", ["SLACK_SESSION_COLLEAGUE"] = "s4",
        ["DASHBOARD_PASSWORD_EMPLOYEE"] = "p1", ["DASHBOARD_SESSION_COMPLIANCE"] = "{\"cookies\":[]}",
        ["DASHBOARD_PASSWORD_MANAGER"] = "p2", ["DASHBOARD_PASSWORD_COLLEAGUE"] = "p4",
    };

    private UatSettings Load(string file, Dictionary<string, string>? env = null)
    {
        Directory.CreateDirectory(Path.Combine(_root, "env"));
        File.WriteAllText(Path.Combine(_root, "env", "dev.env"), file);
        return UatSettings.Load(_root, env ?? Secrets);
    }

    private string ErrorOf(string file, Dictionary<string, string>? env = null) => Assert.Throws<SettingsError>(() => Load(file, env)).Message;

    [Fact]
    public void A_complete_deployed_env_loads_and_its_secrets_print_as_stars()
    {
        var settings = Load(Deployed);
        Assert.Equal("db.example", settings.Database!.Host);
        Assert.Equal("***", settings.Database.Password.ToString());
        Assert.DoesNotContain("s3cret", settings.ToString());
    }

    [Fact]
    public void A_missing_setting_is_named() =>
        Assert.StartsWith("DB_HOST: missing", ErrorOf(Deployed.Replace("DB_HOST=db.example\n", "", StringComparison.Ordinal)));

    [Fact]
    public void A_malformed_number_is_named() =>
        Assert.StartsWith("DB_PORT: 'fivefour' is not a positive whole number", ErrorOf(Deployed.Replace("DB_PORT=5432", "DB_PORT=fivefour", StringComparison.Ordinal)));

    [Fact]
    public void A_target_whose_compliance_is_asked_in_a_channel_needs_the_setting_naming_it() =>
        Assert.StartsWith("COMPLIANCE_CHANNEL_ID: missing", ErrorOf(Deployed.Replace("COMPLIANCE_CHANNEL_ID=C0COMPLY\n", "", StringComparison.Ordinal)));

    [Fact]
    public void A_malformed_url_is_named() =>
        Assert.StartsWith("DASHBOARD_URL:", ErrorOf(Deployed.Replace("DASHBOARD_URL=https://dash.example/", "DASHBOARD_URL=dash", StringComparison.Ordinal)));

    [Fact]
    public void A_missing_secret_is_named_and_must_come_from_the_environment() =>
        Assert.StartsWith("DB_PASSWORD: missing secret", ErrorOf(Deployed, new Dictionary<string, string>(Secrets) { ["DB_PASSWORD"] = "" }));

    [Fact]
    public void A_secret_written_into_an_env_file_is_refused() =>
        Assert.StartsWith("DB_PASSWORD: secrets must come from the environment", ErrorOf(Deployed + "\nDB_PASSWORD=<written-here-by-mistake>"));

    [Fact]
    public void An_unknown_environment_names_its_missing_file() =>
        Assert.StartsWith("APP_ENV: no settings file", ErrorOf(Deployed, new Dictionary<string, string>(Secrets) { ["APP_ENV"] = "staging" }));

    [Fact]
    public void A_line_that_is_not_key_value_is_pointed_at() =>
        Assert.Contains("line 1: expected KEY=value", ErrorOf("this is not a setting\n" + Deployed));

    [Fact]
    public void A_placeholder_left_anywhere_is_named_before_it_can_become_a_verdict() =>
        Assert.Equal("PAD_MIGRATION_HEAD: still the placeholder <head revision in alembic/versions> (fill it in env/dev.env, or set it in the environment)",
            ErrorOf(Deployed.Replace("PAD_MIGRATION_HEAD=0003", "PAD_MIGRATION_HEAD=<head revision in alembic/versions>")));

    [Fact]
    public void An_unknown_ssl_mode_is_named_with_the_modes_there_are()
    {
        Assert.StartsWith("DB_SSL_MODE: 'Bogus' is not an SSL mode (one of Disable, Allow, Prefer, Require", ErrorOf(Deployed + "\nDB_SSL_MODE=Bogus"));
        Assert.Equal("VerifyFull", Load(Deployed + "\nDB_SSL_MODE=verifyfull").Database!.SslMode);
    }

    [Fact]
    public void The_journal_key_is_a_secret_never_read_from_env_files() =>
        Assert.StartsWith("PADUAT_JOURNAL_KEY: secrets must come from the environment", ErrorOf(Deployed + "\nPADUAT_JOURNAL_KEY=0123456789abcdef0123456789abcdef"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_deployed_dashboard_needs_a_password_or_a_saved_session_for_each_person_it_checks()
    {
        var secrets = new Dictionary<string, string>(Secrets);
        secrets.Remove("DASHBOARD_SESSION_COMPLIANCE");
        Assert.StartsWith("DASHBOARD_PASSWORD_COMPLIANCE or DASHBOARD_SESSION_COMPLIANCE: missing secret",
            Assert.Throws<SettingsError>(() => Load(Deployed, secrets)).Message);
    }

    [Fact]
    public void A_dashboard_reached_by_dev_s_header_needs_no_dashboard_secret_and_names_each_person()
    {
        var secrets = Secrets.Where(s => !s.Key.StartsWith("DASHBOARD_", StringComparison.Ordinal)).ToDictionary(s => s.Key, s => s.Value);
        var signIn = Load(Deployed.Replace("DASHBOARD_SIGN_IN=form\n", "", StringComparison.Ordinal), secrets).DashboardSignIn!;
        Assert.Equal(("X-Dev-User-Email", 4), (signIn.Header, signIn.People.Count()));
        Assert.StartsWith("DASHBOARD_SIGN_IN: 'sso' must be 'header'", ErrorOf(Deployed.Replace("DASHBOARD_SIGN_IN=form", "DASHBOARD_SIGN_IN=sso", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_second_employee_signs_in_with_secrets_of_their_own()
    {
        Assert.Equal("SLACK_TOKEN_EMPLOYEE_2: missing secret (export it in the environment; it is never read from env files)",
            ErrorOf(Deployed + "\nUAT_EMPLOYEE_2_EMAIL=e2@x.example"));
        var settings = Load(Deployed + "\nUAT_EMPLOYEE_2_EMAIL=e2@x.example",
            new(Secrets) { ["SLACK_TOKEN_EMPLOYEE_2"] = "t5", ["SLACK_SESSION_EMPLOYEE_2"] = "s5", ["DASHBOARD_PASSWORD_EMPLOYEE_2"] = "p5" });
        var second = settings.Cast.People.Single(p => p.Key == "employee 2");
        Assert.Equal(("t5", "p5"), (settings.Slack!.Tokens[second].Reveal(), settings.DashboardSignIn!.Passwords[second].Reveal()));
        Assert.StartsWith("SLACK_TOKEN_EMPLOYEE_2: secrets must come from the environment", ErrorOf(Deployed + "\nSLACK_TOKEN_EMPLOYEE_2=t5"));
    }
}
