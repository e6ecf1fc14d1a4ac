using Dapper;
using Npgsql;
using PadSandbox;
using PadSandbox.Hosting;
using PadUat.Support.Configuration;

namespace PadUat.Support.Lifecycle;

/// <summary>
/// One test run's environment. Local: starts the throwaway PostgreSQL cluster and the sandbox, and stops them
/// after the run — also on Ctrl-C or a crash (the cluster's watchdog). dev/qa: starts nothing and checks that
/// the database, Slack and the dashboard answer, failing fast with one message instead of many timeouts.
/// </summary>
public sealed class UatRun : IAsyncDisposable
{
    private static readonly TimeSpan ReachTimeout = TimeSpan.FromSeconds(5);
    private readonly LocalSandbox? _sandbox;
    private readonly List<ClaimedTeam> _teams = [];

    public UatSettings Settings { get; }

    /// <summary>This run, among all runs against any target: when it started and a random part. A sign-off is bound to it.</summary>
    public string RunId { get; } = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..8]}";
    public Target Target { get; }

    public DateTime StartedUtc { get; } = DateTime.UtcNow;

    /// <summary>The teams this run acts through, each claimed with its lock and journal (<see cref="ClaimTeamsAsync"/>).</summary>
    public IReadOnlyList<ClaimedTeam> Teams => _teams;

    /// <summary>What runs that died had left on the target, removed when this run claimed its teams.</summary>
    public IReadOnlyList<TestData.ReapedRun> Reaped { get; private set; } = [];

    /// <summary>Journal lines this run did not act on, each with why (forged, edited, cut short, another identity, not a UAT person's).</summary>
    public IReadOnlyList<string> JournalRefused { get; private set; } = [];

    /// <summary>Whether the target still answers; its breaker ends the run's remaining scenarios once it stops.</summary>
    public TargetHealth Health { get; }

    /// <summary>
    /// Makes the run's teams (<see cref="UatSettings.TeamNumbers"/>) its own: takes each team's lock (waiting for another
    /// run through that team a bounded time), then removes what runs through it that died left behind, from the team's
    /// journal kept in <paramref name="journalDir"/>. Nothing else is written first.
    /// </summary>
    public async Task ClaimTeamsAsync(string journalDir, TestData.JournalKey key, CancellationToken ct = default)
    {
        var cast = Settings.Cast.Teams;
        var teams = Settings.TeamNumbers.Select(n => cast.FirstOrDefault(t => t.Number == n) ?? throw new SettingsError(
            $"{(Settings.OnlyTeam is null ? "PAD_TEAMS" : "PAD_TEAM")}: team {n} asked for, the {Settings.AppEnv} env file casts {cast.Count} " +
            "(team n is UAT_EMPLOYEE_n_EMAIL, UAT_MANAGER_n_EMAIL and UAT_COLLEAGUE_n_EMAIL)")).ToList();
        var reaped = new List<TestData.ReapedRun>();
        var refused = new List<string>();
        // Every team of the cast has a journal of its own, cleaned by the runs through it: none of them is a stranger's.
        var identities = cast.ToDictionary(t => t.Number, t => new TestData.TargetIdentity(Settings.AppEnv, Target.Database, t.People));
        foreach (var team in teams)
        {
            var identity = identities[team.Number];
            var teamLock = await TeamLock.AcquireAsync(Target.Database, team, RunId, Settings.AppEnv, Settings.LockWait, ct);
            var journal = TestData.CleanupJournal.Open(journalDir, identity, RunId, key);
            _teams.Add(new ClaimedTeam(team, teamLock, journal));
            await using var conn = new NpgsqlConnection(Target.Database.ConnectionString());
            await conn.OpenAsync(ct);
            var review = await journal.ReapDeadRunsAsync(conn, Contract, await UatPeopleIdsAsync(conn, team.People), identities.Values);
            reaped.AddRange(review.Reaped);
            refused.AddRange(review.NotActedOn.Where(r => !refused.Contains(r)));
            journal.RunStarted(await conn.ExecuteScalarAsync<DateTime>("SELECT now()"));
        }
        (Reaped, JournalRefused) = (reaped, refused);
    }

    /// <summary>The employee ids of a team's people, by their e-mails where the contract says they are: the only people whose rows a reap may touch.</summary>
    private async Task<IReadOnlySet<int>> UatPeopleIdsAsync(NpgsqlConnection conn, Cast people) =>
        (await conn.QueryAsync<int>(Contract.PeopleByEmailSql("emails"), new { emails = people.LowerCaseEmails })).ToHashSet();

    /// <summary>What this run leaves on the target for the next run to delete, and why; null when it leaves nothing.</summary>
    public string? LeftBehind => _teams.Sum(t => t.Journal.ScopesLeft) is > 0 and var left
        ? $"{left} scenario(s)' rows left ({Health.Tripped ?? "their clean-up failed"}); kept in the journal, the next run through the same team deletes them"
        : null;

    /// <summary>The migration revision the database was at when the run started (for the report's environment panel).</summary>
    public string MigrationRevision { get; private set; } = "unknown";

    /// <summary>What the harness assumes about this target: targets/&lt;TARGET_CONTRACT&gt;.json.</summary>
    public Contract.TargetContract Contract { get; }

    private UatRun(UatSettings settings, Target target, LocalSandbox? sandbox, Contract.TargetContract contract)
    {
        Settings = settings; Target = target; _sandbox = sandbox; Contract = contract;
        Health = new TargetHealth(target);
    }

    public static async Task<UatRun> StartAsync(UatSettings settings, CancellationToken ct = default)
    {
        var contract = Support.Contract.TargetContract.Load(RepoRoot.Find(), settings.ContractName);
        if (!settings.UsesSandbox)
        {
            var target = new Target(settings.AppEnv, settings.Database!, settings.Slack!, settings.DashboardUrl!, settings.DashboardSignIn!,
                await SutVersionAsync(settings.DashboardUrl!, ct), "");
            await CheckReachableAsync(target, ct);
            return await new UatRun(settings, target, null, contract).ReadRevisionAsync(ct);
        }

        var sandbox = await LocalSandbox.StartAsync(FaultSet.Parse(settings.SandboxFaults), botSeed: settings.SandboxBotSeed, teams: settings.Teams, ct: ct);
        var host = sandbox.Host;
        // The teams the sandbox hired beyond the env file's own, cast as an env file would name them (UAT_EMPLOYEE_2_EMAIL).
        settings = settings with { Cast = settings.Cast.With(sandbox.Teams.Skip(1).SelectMany(t => t.Members().Select(m => new TestPerson(m.Role, t.Number, m.Email)))) };
        var tokens = settings.Cast.People.ToDictionary(p => p, p => new Secret(
            host.Workspace.ByEmail(p.Email)?.Token ?? throw new SettingsError($"{p.EmailSetting}: {p.Email} is not a person in the sandbox's firm")));
        var local = new Target(settings.AppEnv,
            new DatabaseSettings("127.0.0.1", sandbox.DatabasePort, PadSandbox.Database.SandboxDatabase.Name, "padealing",
                PadSandbox.Database.SandboxDatabase.AppUser, new Secret(sandbox.AppPassword), "Disable"),
            new SlackSettings(host.SlackApiUrl, host.SlackClientUrl, host.Workspace.Bot.Id, tokens,
                // What ./uat record-session --slack would have saved for each person: a signed-in client session.
                settings.Cast.People.ToDictionary(p => p, p => new Secret(host.SlackClientSessions.StorageState(host.Workspace.ByEmail(p.Email)!.Id, host.SlackClientUrl))),
                new Secret(host.Workspace.AppToken), settings.SandboxReplyTimeout,
                new Dictionary<string, string> { ["COMPLIANCE_CHANNEL_ID"] = host.ComplianceChannelId }),
            host.BaseUrl,
            contract.SignInHeader(settings.DashboardSignInMode) is { } header ? DashboardSignIn.ByHeader(header, settings.Cast.People)
                : new DashboardSignIn(settings.Cast.People.ToDictionary(p => p, p => new Secret(host.Accounts.PasswordOf(p.Email))), new Dictionary<TestPerson, Secret>()),
            $"pa-dealing-sandbox {SandboxHost.Version}", host.Faults.ToString(), host.BotSeed);
        return await new UatRun(settings, local, sandbox, contract).ReadRevisionAsync(ct);
    }

    private async Task<UatRun> ReadRevisionAsync(CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(Target.Database.ConnectionString((int)ReachTimeout.TotalSeconds));
        await conn.OpenAsync(ct);
        var journal = Contract.Table("migration");
        await using var cmd = new NpgsqlCommand(Contract.Sql(
            $"SELECT CASE WHEN to_regclass('{journal}') IS NULL THEN 'none (no {journal})' ELSE (SELECT max([migration.revision]) FROM [migration]) END"), conn);
        MigrationRevision = (await cmd.ExecuteScalarAsync(ct))?.ToString() ?? "none";
        return this;
    }

    private static async Task CheckReachableAsync(Target target, CancellationToken ct)
    {
        var db = target.Database;
        try
        {
            await using var conn = new NpgsqlConnection(db.ConnectionString((int)ReachTimeout.TotalSeconds));
            await conn.OpenAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw new UnreachableTargetError(
                $"Cannot reach the {target.AppEnv} database {db.Name} at {db.Host}:{db.Port} as {db.User}: {e.Message}");
        }
        using var http = new HttpClient { Timeout = ReachTimeout };
        foreach (var (what, url) in new[] { ("Slack Web API", new Uri(target.Slack.ApiUrl, "api.test")), ("dashboard", target.DashboardUrl) })
        {
            HttpResponseMessage response;
            try { response = await http.GetAsync(url, ct); }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                throw new UnreachableTargetError($"Cannot reach the {target.AppEnv} {what} at {url}: {e.Message}");
            }
            using (response)
                // A dashboard that answers at the wrong path would become a timeout per scenario, naming no setting.
                if (url == target.DashboardUrl && (int)response.StatusCode is 404 or >= 500)
                    throw new SettingsError($"DASHBOARD_URL: {url} answered {(int)response.StatusCode} {response.ReasonPhrase} — is its path the dashboard's?");
        }
    }

    private static async Task<string> SutVersionAsync(Uri dashboard, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = ReachTimeout };
        try { return (await http.GetStringAsync(new Uri(dashboard, "version"), ct)).Trim(); }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return "unknown (no /version)"; }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var team in _teams)
        {
            team.Journal.RunEnded(Health.Tripped);
            await team.Lock.DisposeAsync();
        }
        if (_sandbox is not null) await _sandbox.DisposeAsync();
    }
}

/// <summary>A team this run holds: its lock on the target, and the journal of the rows its scenarios create.</summary>
public sealed record ClaimedTeam(TestTeam Team, TeamLock Lock, TestData.CleanupJournal Journal);

/// <summary>The chosen environment does not answer: the run stops at once with this message.</summary>
public sealed class UnreachableTargetError(string message) : Exception(message);
