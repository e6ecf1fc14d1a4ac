using PadSandbox;
using PadSandbox.Hosting;
using PadUat.Support.Configuration;
using PadUat.Support.Lifecycle;
using Xunit;

namespace PadUat.Tests;

/// <summary>A real sandbox for the harness's drivers to talk to: the Slack emulator and the database.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    /// <summary>The stand-in's own contract (targets/sandbox.json): what the harness assumes about it.</summary>
    public static PadUat.Support.Contract.TargetContract Contract { get; } = PadUat.Support.Contract.TargetContract.Load(PadUat.Support.RepoRoot.Find(), "sandbox");

    public LocalSandbox Sandbox { get; private set; } = null!;

    public async Task InitializeAsync() => Sandbox = await LocalSandbox.StartAsync(FaultSet.None, historyRequests: 0);

    public Task DisposeAsync() => Sandbox.DisposeAsync().AsTask();

    public string Token(string email) => Sandbox.Host.Workspace.ByEmail(email)!.Token;

    /// <summary>The sandbox as a deployed target is reached (settings of the local UAT people), with what a test changes.</summary>
    public Target Target(Func<SlackSettings, SlackSettings>? slack = null, string dashboardPath = "", int? databasePort = null)
    {
        var host = Sandbox.Host;
        var people = JournalFixture.People;
        var tokens = people.People.ToDictionary(p => p, p => new Secret(Token(p.Email)));
        var settings = new SlackSettings(host.SlackApiUrl, host.InteractivityUrl, host.Workspace.Bot.Id, PadSandbox.Slack.SlackApps.BotAppId,
            new Secret(host.SigningSecret), tokens, null, null, "127.0.0.1:0", TimeSpan.FromSeconds(5));
        return new Target("dev", new DatabaseSettings("127.0.0.1", databasePort ?? Sandbox.DatabasePort, "backoffice_db", "padealing", "pad_app_user",
                new Secret(Sandbox.AppPassword), "Disable"),
            (slack ?? (s => s))(settings), new Uri(host.BaseUrl, dashboardPath),
            new DashboardSignIn(people.People.ToDictionary(p => p, p => new Secret(host.Accounts.PasswordOf(p.Email))), new Dictionary<TestPerson, Secret>()),
            "sandbox", "");
    }
}

[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "sandbox";
}
