using System.Text;
using PadSandbox.Database;

namespace PadSandbox.Hosting;

/// <summary>
/// The sandbox standing in for a deployed dev target (`./uat sandbox --deployed`): an env file shaped exactly like
/// env/dev.env — no secrets in it — and the secrets a run must export, as a CI secret store would give them.
/// </summary>
public static class DeployedTarget
{
    /// <summary>The sandbox's UAT people, every team's and compliance (the history holds none of their requests), as env files name them.</summary>
    public static IEnumerable<(string Setting, string Email)> UatPeople(LocalSandbox sandbox) =>
        sandbox.Teams.SelectMany(t => t.Settings()).Append(("COMPLIANCE", SandboxTeams.Compliance));

    public static string EnvFile(LocalSandbox sandbox)
    {
        var host = sandbox.Host;
        var env = new StringBuilder($"""
            # rehearsal: the sandbox started by `./uat sandbox --deployed`, standing in for a deployed dev target.
            # No secrets here, ever: export the ones `./uat sandbox --deployed` prints (docs/deployed-targets.md).
            PAD_TARGET=deployed
            DB_HOST=127.0.0.1
            DB_PORT={sandbox.DatabasePort}
            DB_NAME={SandboxDatabase.Name}
            DB_SCHEMA=padealing
            DB_USER={SandboxDatabase.AppUser}
            DB_SSL_MODE=Disable
            PAD_MIGRATION_HEAD={Migrations.Head}
            # Left unapplied by decision, as on dev at the UAT (MIGRATION_STATUS.md:20-40): the preflight accepts it and says so.
            PAD_MIGRATION_NOT_APPLIED={Migrations.Head}
            # What the harness assumes about this target: the stand-in's own contract.
            TARGET_CONTRACT=sandbox

            SLACK_API_URL={host.SlackApiUrl}
            SLACK_CLIENT_URL={host.SlackClientUrl}
            SLACK_BOT_USER_ID={host.Workspace.Bot.Id}
            COMPLIANCE_CHANNEL_ID={host.ComplianceChannelId}
            BOT_REPLY_TIMEOUT_S=20
            DASHBOARD_URL={host.BaseUrl}
            # Behind the firm's sign-in front (IAP-like), not dev's X-Dev-User-Email header: the passwords below.
            DASHBOARD_SIGN_IN=form

            """);
        foreach (var (role, email) in UatPeople(sandbox)) env.AppendLine($"UAT_{role}_EMAIL={email}");
        env.Append("""

            CHROMIUM_PATH=/usr/bin/chromium

            """);
        return env.ToString();
    }

    /// <summary>`export NAME='value'` lines for every secret the run needs.</summary>
    public static string Secrets(LocalSandbox sandbox)
    {
        var host = sandbox.Host;
        var secrets = new List<(string, string)>
        {
            ("DB_PASSWORD", sandbox.AppPassword), ("SLACK_APP_TOKEN", host.Workspace.AppToken),
        };
        foreach (var (role, email) in UatPeople(sandbox))
        {
            var person = host.Workspace.ByEmail(email)!;
            secrets.Add(($"SLACK_TOKEN_{role}", person.Token));
            secrets.Add(($"SLACK_SESSION_{role}", host.SlackClientSessions.StorageState(person.Id, host.SlackClientUrl)));
            secrets.Add(($"DASHBOARD_PASSWORD_{role}", host.Accounts.PasswordOf(email)));
        }
        return string.Concat(secrets.Select(s => $"export {s.Item1}='{s.Item2}'\n"));
    }
}
