using Npgsql;
using PadSandbox.Database;

namespace PadSandbox.Hosting;

/// <summary>
/// Everything `./uat sandbox` and the harness's local mode start: a throwaway PostgreSQL cluster holding the
/// backoffice database (migrated, with reference data and history) and the sandbox on loopback. Disposing it
/// stops the server and deletes the cluster.
/// </summary>
public sealed class LocalSandbox : IAsyncDisposable
{
    public const int DefaultHistory = 10_000;

    private readonly PostgresCluster _cluster;

    public SandboxHost Host { get; }
    public string AppConnectionString { get; }
    public string AppPassword { get; }
    public int DatabasePort => _cluster.Port;

    /// <summary>The test teams it was built with (`--teams N`), team 1 first.</summary>
    public IReadOnlyList<SandboxTeam> Teams { get; }

    private LocalSandbox(PostgresCluster cluster, SandboxHost host, string appConnectionString, string appPassword, IReadOnlyList<SandboxTeam> teams)
    {
        _cluster = cluster; Host = host; AppConnectionString = appConnectionString; AppPassword = appPassword; Teams = teams;
    }

    public static async Task<LocalSandbox> StartAsync(FaultSet faults, int historyRequests = DefaultHistory, int port = 0,
        Uri? botAppBaseUrl = null, Slack.EventRetrySchedule? eventRetries = null, IReadOnlyCollection<string>? migrationsNotApplied = null,
        bool devHeaderSignIn = true, int? botSeed = null, bool ownBot = true, int teams = 1, CancellationToken ct = default)
    {
        var cluster = await PostgresCluster.StartAsync(ct);
        try
        {
            var password = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
            var superuserDb = await cluster.CreateDatabaseAsync(SandboxDatabase.Name, SandboxDatabase.AppUser, password, ct);
            var app = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1", Port = cluster.Port, Database = SandboxDatabase.Name, Username = SandboxDatabase.AppUser,
                Password = password, SearchPath = "padealing",
            }.ConnectionString;
            await SandboxDatabase.BuildAsync(superuserDb, app, historyRequests, faults, migrationsNotApplied ?? [], ct, teams);
            var host = await SandboxHost.StartAsync(new SandboxOptions(app, faults, port, BotAppBaseUrl: botAppBaseUrl, EventRetries: eventRetries, DevHeaderSignIn: devHeaderSignIn,
                BotSeed: botSeed, OwnBot: ownBot), ct);
            return new LocalSandbox(cluster, host, app, password, Database.SandboxTeams.All(teams));
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Host.DisposeAsync();
        await _cluster.DisposeAsync();
    }
}
