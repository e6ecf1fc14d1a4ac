using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;
using PadSandbox.Bot;
using PadSandbox.Dashboard;
using PadSandbox.Slack;
using PadSandbox.Slack.Client;
using PadSandbox.Workflow;

namespace PadSandbox.Hosting;

/// <param name="BotAppBaseUrl">
/// Where Slack sends the PA-dealing app's events and clicks, as an HTTP app (the conformance stage's Bolt app); when null,
/// the sandbox's own bot, a Socket Mode app as the real one is.
/// </param>
/// <param name="EventRetries">Slack's redelivery schedule for failed events (tests shorten it).</param>
/// <param name="DevHeaderSignIn">Whether the dashboard takes dev's X-Dev-User-Email header; not behind a sign-in front (--deployed).</param>
/// <param name="BotSeed">The seed of the bot's wording (<see cref="BotWording"/>); a new one when null.</param>
/// <param name="OwnBot">Whether the sandbox's bot is the PA-dealing app; false leaves its Socket Mode to another app (Bolt's, in the conformance stage).</param>
public sealed record SandboxOptions(string AppConnectionString, FaultSet Faults, int Port = 0, string? SigningSecret = null,
    Uri? BotAppBaseUrl = null, EventRetrySchedule? EventRetries = null, bool DevHeaderSignIn = true, int? BotSeed = null, bool OwnBot = true);

/// <summary>
/// The PA-dealing system on one loopback port: dashboard at /, Slack Web API emulator at /api/ (with Socket Mode, over
/// which the bot hears its DMs and clicks), fault list at /faults.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly BotSocketMode? _bot;

    public Uri BaseUrl { get; }
    public Uri SlackApiUrl => new(BaseUrl, "api/");
    /// <summary>The workspace in Slack's web client, as app.slack.com/client/&lt;team&gt; is.</summary>
    public Uri SlackClientUrl => new(BaseUrl, $"client/{Workspace.TeamId}");
    /// <summary>People's signed-in sessions in the Slack client.</summary>
    public ClientSessions SlackClientSessions => _app.Services.GetRequiredService<ClientSessions>();
    public string SigningSecret { get; }
    public Workspace Workspace { get; }
    public FaultSet Faults { get; }
    /// <summary>Each person's password at the sandbox's identity provider.</summary>
    public IdpAccounts Accounts { get; }
    /// <summary>Slack's side of button clicks, for people clicking in the background traffic.</summary>
    public Interactivity Interactivity => _app.Services.GetRequiredService<Interactivity>();
    public People People => _app.Services.GetRequiredService<People>();
    /// <summary>Slack's Socket Mode side, for tests that open more connections than apps.connections.open's Tier 1 gives in a minute.</summary>
    public SocketMode SocketMode => _app.Services.GetRequiredService<SocketMode>();
    /// <summary>The seed the bot words its messages by: printed, so a run can be repeated word for word.</summary>
    public int BotSeed => _app.Services.GetRequiredService<BotWording>().Seed;
    /// <summary>The compliance team's private channel (COMPLIANCE_CHANNEL_ID), where compliance is asked to decide.</summary>
    public string ComplianceChannelId => _app.Services.GetRequiredService<Bot.ComplianceChannel>().Id;
    /// <summary>Where each person's conversation with the bot stands (for the background traffic, which answers it as people would).</summary>
    public ChatbotSessions ChatbotSessions => _app.Services.GetRequiredService<ChatbotSessions>();

    private SandboxHost(WebApplication app, BotSocketMode? bot, Uri baseUrl, string signingSecret, Workspace workspace, FaultSet faults, IdpAccounts accounts)
    {
        _app = app; _bot = bot; BaseUrl = baseUrl; SigningSecret = signingSecret; Workspace = workspace; Faults = faults; Accounts = accounts;
    }

    public static async Task<SandboxHost> StartAsync(SandboxOptions options, CancellationToken ct = default)
    {
        var secret = options.SigningSecret ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(SandboxHost).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        var port = options.Port == 0 ? PostgresCluster.FreeLoopbackPort() : options.Port;
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));

        var dataSource = NpgsqlDataSource.Create(options.AppConnectionString);
        var people = new People(dataSource);
        var everyone = await people.AllAsync();
        var workspace = new Workspace(everyone.Select(p =>
            (p.Id, $"{p.Forename.ToLowerInvariant()}.{p.Surname.ToLowerInvariant()}", p.Name, p.Email)));
        // Compliance is told in its private channel, the bot a member (COMPLIANCE_CHANNEL_ID,
        // conductor/archive/legacy_agent_docs_20251230/SLACK_AGENT.md:69; T/slack_ui_dashboard_links_20260125/spec.md:20-22).
        var complianceChannel = new ComplianceChannel(workspace.OpenPrivateChannel(ComplianceChannel.Name,
            [workspace.Bot.Id, .. everyone.Where(p => p.IsCompliance).Select(p => workspace.ByEmail(p.Email)!.Id)]));

        var s = builder.Services;
        // Whoever hosts the sandbox (./uat sandbox, the test host) owns the process's signals; the web host must not
        // swallow SIGINT/SIGTERM for itself, or a stopped sandbox would leave its owner waiting.
        s.AddSingleton<IHostLifetime, OwnerControlledLifetime>();
        s.AddSingleton(dataSource);
        s.AddSingleton(options.Faults);
        s.AddSingleton(TimeProvider.System);
        s.AddSingleton(people);
        s.AddSingleton(workspace);
        var accounts = new IdpAccounts(workspace.Users.Where(u => !u.IsBot).Select(u => u.Email));
        s.AddSingleton(accounts);
        s.AddSingleton(new SlackSignature(secret));
        s.AddSingleton(options.BotAppBaseUrl is { } botApp
            ? new BotAppUrls(new Uri(botApp, "slack/events"), new Uri(botApp, "slack/interactivity")) : BotAppUrls.SocketMode);
        s.AddSingleton(options.EventRetries ?? EventRetrySchedule.Slack);
        s.AddSingleton<RateLimits>();
        s.AddSingleton<EventDelivery>();
        s.AddSingleton<SocketMode>();
        s.AddSingleton<SlackEvents>();
        s.AddSingleton<Interactivity>();
        s.AddSingleton<Slack.Client.ClientSessions>();
        s.AddSingleton(new DashboardLink(baseUrl));
        s.AddSingleton(complianceChannel);
        s.AddSingleton<PadWorkflow>();
        s.AddSingleton<ChatbotSessions>();
        s.AddSingleton<DashboardQueries>();
        s.AddSingleton(new BotSlackClient(new HttpClient { Timeout = TimeSpan.FromSeconds(10) }, new Uri(baseUrl, "api/"), workspace.Bot.Token));
        s.AddSingleton(new BotWording(options.BotSeed ?? BotWording.NewSeed()));
        s.AddSingleton<SecurityLookup>();
        s.AddSingleton<RestrictedList>();
        s.AddSingleton<BotVoice>();
        s.AddSingleton<RequestConversation>();
        s.AddSingleton<ExecutionConversation>();
        s.AddSingleton<WithdrawalConversation>();
        s.AddSingleton<DecisionNotices>();
        s.AddSingleton<PadBot>();
        // Cookies only need to outlive one run: keys in memory, nothing written to disk.
        s.AddDataProtection().UseEphemeralDataProtectionProvider();
        s.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.LoginPath = "/auth/login";
            o.AccessDeniedPath = "/auth/login";
        });
        s.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);

        var app = builder.Build();
        app.UseWebSockets();
        app.UseAuthentication();
        if (options.DevHeaderSignIn) app.UseDevHeaderSignIn();
        app.UseAuthorization();
        app.MapSlackWebApi();
        app.MapSlackEmulator();
        app.MapSlackClient();
        app.MapSignIn();
        app.MapDashboard();
        app.MapPendingApprovals();
        app.MapRestrictedInstruments();
        app.MapDashboardApi();
        app.MapGet("/faults", () => Results.Json(FaultSet.Catalogue.Select(f =>
            new { name = f.Name, breaks = f.Breaks, active = options.Faults.Has(f.Name) }))).AllowAnonymous();
        app.MapGet("/favicon.ico", () => Results.NotFound()).AllowAnonymous();
        app.MapGet("/version", () => Results.Json(new { system = "pa-dealing-sandbox", version = Version, faults = options.Faults.Active })).AllowAnonymous();

        await app.StartAsync(ct);
        BotSocketMode? bot = null;
        if (app.Services.GetRequiredService<BotAppUrls>().Events is { } eventsUrl) app.Services.GetRequiredService<EventDelivery>().Start(eventsUrl);
        else if (options.OwnBot)
        {
            bot = new BotSocketMode(app.Services.GetRequiredService<PadBot>(), new Uri(baseUrl, "api/"), workspace.BotAppToken, options.Faults,
                app.Services.GetRequiredService<ILogger<BotSocketMode>>());
            await bot.ConnectAsync(ct);
        }
        return new SandboxHost(app, bot, baseUrl, secret, workspace, options.Faults, accounts);
    }

    public static string Version => typeof(SandboxHost).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    private sealed class OwnerControlledLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_bot is not null) await _bot.DisposeAsync(); // first, or it would reconnect to a Slack going away
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
