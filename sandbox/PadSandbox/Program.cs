using PadSandbox;
using PadSandbox.Database;
using PadSandbox.Hosting;

// `./uat sandbox [--faults a,b] [--port N] [--history N] [--teams N] [--bot-seed N] [--bot-app-url URL | --bot-app-socket] [--describe FILE]`:
// start the PA-dealing sandbox to explore by hand; Ctrl-C stops it and deletes its database cluster. --bot-app-url sends
// the PA-dealing app's events and clicks to another (HTTP) app, a Bolt app in the Slack conformance stage; --describe writes the
// endpoints, secrets and people as JSON for a program that starts the sandbox.
var faults = FaultSet.Parse(Arg("--faults") ?? Environment.GetEnvironmentVariable("PAD_SANDBOX_FAULTS"));
var port = int.TryParse(Arg("--port"), out var p) ? p : 0;
var history = int.TryParse(Arg("--history"), out var h) ? h : LocalSandbox.DefaultHistory;
// --teams N: test teams of an employee, their manager and a colleague, for runs side by side (Database/SandboxTeams.cs).
var teams = int.TryParse(Arg("--teams") ?? Environment.GetEnvironmentVariable("PAD_TEAMS"), out var n) ? n : 1;
var botApp = Arg("--bot-app-url") is { } url ? new Uri(url) : null;
// --bot-app-socket: the PA-dealing app is another program connecting over Socket Mode with its app-level token (the
// conformance stage's Bolt app); the sandbox's own bot stays off.
var ownBot = botApp is null && !args.Contains("--bot-app-socket");
// --deployed: stand in for a deployed dev target — an env file shaped like env/dev.env (--env-file), the secrets to
// export (printed, and written to --secrets-file readable by its owner only), other employees at work (--traffic N/s).
var deployed = args.Contains("--deployed");
// A deployed target stands where dev stood at the UAT: one revision behind head, by decision (MIGRATION_STATUS.md:20-40).
string[] notApplied = deployed ? [Migrations.Head] : [];
// --bot-seed N: the bot words its messages as it did in the run that printed N (PAD_BOT_SEED too).
var botSeed = int.TryParse(Arg("--bot-seed") ?? Environment.GetEnvironmentVariable("PAD_BOT_SEED"), out var seed) ? seed : (int?)null;
var traffic = double.TryParse(Arg("--traffic"), System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : deployed ? 1 : 0;

using var stop = new CancellationTokenSource();
// Ctrl-C, SIGTERM (kill, a CI cancelling) and SIGHUP (a closed terminal) all stop the sandbox cleanly.
using var onInt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Stop);
using var onTerm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Stop);
using var onHup = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGHUP, Stop);

Console.WriteLine("Starting the PA-dealing sandbox (PostgreSQL cluster, migrations, reference data, 10 000 past requests)…");
await using var sandbox = await LocalSandbox.StartAsync(faults, history, port, botApp, migrationsNotApplied: notApplied,
    devHeaderSignIn: !deployed, botSeed: botSeed, ownBot: ownBot, teams: teams, ct: stop.Token);
var host = sandbox.Host;
if (Arg("--describe") is { } describe) SandboxDescription.Write(describe, sandbox);
await using var background = traffic > 0
    ? await BackgroundTraffic.StartAsync(host, host.People, DeployedTarget.UatPeople(sandbox).Select(p => p.Email).ToHashSet(), traffic) : null;
if (deployed)
{
    var envFile = Arg("--env-file") ?? "env/rehearsal.env";
    WholeFile.Write(envFile, DeployedTarget.EnvFile(sandbox));
    if (Arg("--secrets-file") is { } secretsFile) WholeFile.Write(secretsFile, DeployedTarget.Secrets(sandbox), ownerOnly: true);
    Console.WriteLine($"""

        Deployed target ready: settings in {envFile} (no secrets), other employees at work ({traffic:0.#} actions/s).
        Export these secrets, then run: APP_ENV={Path.GetFileNameWithoutExtension(envFile)} ./uat
        {DeployedTarget.Secrets(sandbox).TrimEnd()}
        """);
}
Console.WriteLine($"""

    Dashboard        {host.BaseUrl}  ({(deployed ? "behind the firm's sign-in: an e-mail and password below" : "as on dev: send X-Dev-User-Email: <e-mail>, or sign in with an e-mail and password below")})
    Slack client     {host.SlackClientUrl}  (a person's Slack: sign in with their e-mail and dashboard password below)
    Slack Web API    {host.SlackApiUrl}  (Authorization: Bearer <token>; Slack's tiers, scopes and errors apply)
    Socket Mode      app-level tokens: UAT driver app {host.Workspace.AppToken}; PA-dealing app {host.Workspace.BotAppToken}
    PA-dealing app   {(botApp is not null ? $"an HTTP app at {botApp} (slack/events, slack/interactivity)" : ownBot ? "the sandbox's bot, connected over Socket Mode" : "yours: connect over Socket Mode with its app-level token")}
    Signing secret   {host.SigningSecret}
    Database         {sandbox.AppConnectionString.Replace(sandbox.AppPassword, "***", StringComparison.Ordinal)}  (password: PAD_DB_PASSWORD below)
    PAD_DB_PASSWORD  {sandbox.AppPassword}
    Faults           {faults}  (all: {host.BaseUrl}faults)
    Bot's wording    seed {host.BotSeed}  (./uat sandbox --bot-seed {host.BotSeed} words every conversation the same way again)

    Test users (Slack user id, e-mail, Slack token, dashboard password):
    """);
foreach (var u in host.Workspace.Users.OrderBy(u => u.Id, StringComparer.Ordinal))
    Console.WriteLine($"    {u.Id,-10} {u.Email,-36} {u.Token}  {(u.IsBot ? "" : host.Accounts.PasswordOf(u.Email))}");
Console.WriteLine("""

    Try: curl -s -H "Authorization: Bearer <alex.morgan's token>" "<Slack Web API>conversations.open?users=UPADBOT01"
         then chat.postMessage to that channel with text=hi, and read conversations.history.
    Ctrl-C stops everything.
    """);
try { await Task.Delay(Timeout.Infinite, stop.Token); }
catch (OperationCanceledException) { Console.WriteLine("Stopping…"); }

void Stop(System.Runtime.InteropServices.PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
