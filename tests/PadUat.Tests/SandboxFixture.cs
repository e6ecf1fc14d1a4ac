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

    private PadUat.Drivers.Dashboard.BrowserSession? _browser;

    public async Task InitializeAsync() => Sandbox = await LocalSandbox.StartAsync(FaultSet.None, historyRequests: 0);

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        await Sandbox.DisposeAsync();
    }

    /// <summary>One Chromium for the tests that act in a Slack client, launched by the first of them.</summary>
    public async Task<PadUat.Drivers.Dashboard.BrowserSession> BrowserAsync() =>
        _browser ??= await PadUat.Drivers.Dashboard.BrowserSession.LaunchAsync("/usr/bin/chromium");

    /// <summary>
    /// A person as the harness makes one (auth.test, conversations.open), typing and clicking in their Slack client,
    /// reading their DM with <paramref name="otherUserId"/> through <paramref name="feed"/>.
    /// </summary>
    public async Task<PadUat.Drivers.Slack.SlackPerson> SlackPersonAsync(string email, string otherUserId, PadUat.Drivers.Slack.IDirectMessageFeed feed,
        PadUat.Drivers.Slack.SlackRateBudget? budget = null)
    {
        var client = new PadUat.Drivers.Slack.SlackWebClient(new HttpClient(), Sandbox.Host.SlackApiUrl, Token(email), budget ?? new(TimeProvider.System));
        var auth = await client.CallAsync("auth.test");
        var dm = (await client.CallAsync("conversations.open", new System.Text.Json.Nodes.JsonObject { ["users"] = otherUserId }))["channel"]!["id"]!.GetValue<string>();
        var identity = new PadUat.Drivers.Slack.SlackIdentity(auth["user_id"]!.GetValue<string>(), auth["user"]!.GetValue<string>(), auth["team_id"]!.GetValue<string>(), "paduat");
        var browser = await BrowserAsync();
        return await PadUat.Drivers.Slack.SlackPerson.BeginAsync(new PadUat.Drivers.Slack.SlackAccount(JournalFixture.People.Employee, identity, client, dm), feed,
            Sandbox.Host.Workspace.Bot.Id, async account => account.Page is { IsOpen: true } open ? open
                : account.Page = await PadUat.Drivers.Slack.SlackClientPage.OpenAsync(browser.Browser, Sandbox.Host.SlackClientUrl, Session(email), dm, "EMPLOYEE"));
    }

    public string Token(string email) => Sandbox.Host.Workspace.ByEmail(email)!.Token;

    /// <summary>A signed-in session of the person's Slack client, as ./uat record-session --slack saves one.</summary>
    public string Session(string email) => Sandbox.Host.SlackClientSessions.StorageState(Sandbox.Host.Workspace.ByEmail(email)!.Id, Sandbox.Host.SlackClientUrl);

    /// <summary>The sandbox as a deployed target is reached (settings of the local UAT people), with what a test changes.</summary>
    public Target Target(Func<SlackSettings, SlackSettings>? slack = null, string dashboardPath = "", int? databasePort = null)
    {
        var host = Sandbox.Host;
        var people = JournalFixture.People;
        var tokens = people.People.ToDictionary(p => p, p => new Secret(Token(p.Email)));
        var sessions = people.People.ToDictionary(p => p, p => new Secret(Session(p.Email)));
        var settings = new SlackSettings(host.SlackApiUrl, host.SlackClientUrl, host.Workspace.Bot.Id, tokens, sessions, null, TimeSpan.FromSeconds(5));
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
