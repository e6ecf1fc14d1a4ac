using System.Globalization;

namespace PadUat.Support.Configuration;

public sealed record DatabaseSettings(string Host, int Port, string Name, string Schema, string User, Secret Password, string SslMode)
{
    public string ConnectionString(int timeoutSeconds = 5) => new Npgsql.NpgsqlConnectionStringBuilder
    {
        Host = Host, Port = Port, Database = Name, Username = User, Password = Password.Reveal(), SearchPath = Schema,
        Timeout = timeoutSeconds, CommandTimeout = 30, SslMode = Enum.Parse<Npgsql.SslMode>(SslMode, ignoreCase: true),
        ApplicationName = "paduat",
    }.ConnectionString;
}

/// <param name="ClientUrl">The workspace in Slack's web client (https://app.slack.com/client/&lt;team id&gt;), where the people type and click.</param>
/// <param name="Tokens">Each person's user token of the UAT driver app: reading their DMs with the bot (never writing).</param>
/// <param name="Sessions">Each person's signed-in Slack client session (Playwright storage state, JSON or base64; `./uat record-session --slack`).</param>
/// <param name="AppToken">The UAT driver app's app-level token (xapp-): the bot's messages arrive over Socket Mode; polled without it.</param>
/// <param name="Channels">The channels the bot's notifications arrive in, by the setting that names each (COMPLIANCE_CHANNEL_ID).</param>
public sealed record SlackSettings(Uri ApiUrl, Uri ClientUrl, string BotUserId, IReadOnlyDictionary<TestPerson, Secret> Tokens,
    IReadOnlyDictionary<TestPerson, Secret> Sessions, Secret? AppToken, TimeSpan ReplyTimeout, IReadOnlyDictionary<string, string>? Channels = null);

/// <summary>
/// How each test person signs in to the dashboard: behind the firm's identity provider, a password typed into its
/// sign-in page or a saved browser session (Playwright storage state, as JSON or base64; `./uat record-session`); or, where
/// the dashboard trusts a header naming the person (dev's X-Dev-User-Email, conductor/user_identity_flow.md:92-96), that
/// header on every request, and no secret at all.
/// </summary>
public sealed record DashboardSignIn(IReadOnlyDictionary<TestPerson, Secret> Passwords, IReadOnlyDictionary<TestPerson, Secret> SavedSessions)
{
    /// <summary>The header that names the person, when the dashboard is reached that way.</summary>
    public string? Header { get; private init; }

    private IReadOnlyList<TestPerson> _byHeader = [];

    public static DashboardSignIn ByHeader(string header, IEnumerable<TestPerson> people) =>
        new(new Dictionary<TestPerson, Secret>(), new Dictionary<TestPerson, Secret>()) { Header = header, _byHeader = people.ToList() };

    /// <summary>Everyone who has a way in.</summary>
    public IEnumerable<TestPerson> People => Header is null ? Passwords.Keys.Union(SavedSessions.Keys) : _byHeader;
}

/// <summary>
/// Everything a run needs, from env/&lt;APP_ENV&gt;.env plus the process environment (which wins).
/// Secrets (passwords, tokens, the signing secret) are only ever read from the environment. With
/// PAD_TARGET=sandbox the database, Slack and dashboard endpoints come from the sandbox started for the run.
/// </summary>
public sealed record UatSettings(
    string AppEnv,
    bool UsesSandbox,
    string SandboxFaults,
    int? SandboxBotSeed,
    DatabaseSettings? Database,
    SlackSettings? Slack,
    Uri? DashboardUrl,
    DashboardSignIn? DashboardSignIn,
    string? DashboardSignInMode,
    Cast Cast,
    MigrationExpectation Migration,
    string ContractName,
    string ChromiumPath,
    TimeSpan LockWait,
    TimeSpan SandboxReplyTimeout,
    int? TeamCount = null,
    int? OnlyTeam = null)
{
    /// <summary>
    /// How many test teams the run acts through side by side (PAD_TEAMS, `./uat --teams N`): the sandbox hires that many;
    /// elsewhere the first that many the env file casts, all of them when unset. A shard acts through its one team
    /// (PAD_TEAM, set by `./uat shard K/N`), which the sandbox hires with those before it.
    /// </summary>
    public int Teams => OnlyTeam is { } only ? Math.Max(only, TeamCount ?? 1) : TeamCount ?? (UsesSandbox ? 1 : Cast.Teams.Count);

    /// <summary>The numbers of the cast's teams this run claims.</summary>
    public IEnumerable<int> TeamNumbers => OnlyTeam is { } only ? [only] : Enumerable.Range(1, Teams);

    /// <summary>The settings that are secrets besides each test person's own (<see cref="Cast.IsPersonalSecret"/>).</summary>
    private static readonly string[] SharedSecretKeys = ["DB_PASSWORD", "SLACK_APP_TOKEN", "PADUAT_JOURNAL_KEY"];

    /// <summary>Whether a setting is a secret: read only from the environment, never printed, looked for in every artefact.</summary>
    public static bool IsSecret(string key) => SharedSecretKeys.Contains(key) || Cast.IsPersonalSecret(key);

    /// <summary>Settings for this process: env/&lt;APP_ENV&gt;.env under <paramref name="repoRoot"/>, overridden by the process environment.</summary>
    public static UatSettings LoadFromProcess(string repoRoot) => Load(repoRoot,
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? ""));

    public static UatSettings Load(string repoRoot, IReadOnlyDictionary<string, string> environment)
    {
        var appEnv = environment.GetValueOrDefault("APP_ENV") is { Length: > 0 } e ? e : "local";
        if (!System.Text.RegularExpressions.Regex.IsMatch(appEnv, "^[a-z][a-z0-9-]*$"))
            throw new SettingsError($"APP_ENV: '{appEnv}' is not an environment name (expected e.g. local, dev, qa)");
        var file = EnvFile.Read(Path.Combine(repoRoot, "env", $"{appEnv}.env"));
        foreach (var key in file.Keys.Where(IsSecret))
            throw new SettingsError($"{key}: secrets must come from the environment, never from env/{appEnv}.env");

        // A placeholder left anywhere is named before it can become a verdict (PAD_MIGRATION_HEAD compared with its own placeholder text).
        foreach (var (key, value) in file.Select(kv => (kv.Key, environment.GetValueOrDefault(kv.Key) is { Length: > 0 } over ? over : kv.Value)))
            if (value.StartsWith('<') && value.EndsWith('>'))
                throw new SettingsError($"{key}: still the placeholder {value} (fill it in env/{appEnv}.env, or set it in the environment)");
        var s = new Source(file, environment, appEnv);
        var usesSandbox = s.Required("PAD_TARGET") switch
        {
            "sandbox" => true,
            "deployed" => false,
            var other => throw new SettingsError($"PAD_TARGET: '{other}' must be 'sandbox' or 'deployed'"),
        };
        var cast = Cast.FromSettings(file.Keys.Concat(environment.Keys), s.Email);
        var signInMode = s.Optional("DASHBOARD_SIGN_IN") is { } mode && mode is not ("header" or "form")
            ? throw new SettingsError($"DASHBOARD_SIGN_IN: '{mode}' must be 'header' (the dashboard trusts a header naming the person) or 'form' (the firm's sign-in page)")
            : s.Optional("DASHBOARD_SIGN_IN");
        // What the harness assumes about the target (targets/<name>.json); the stand-in's own when it is started here.
        var contractName = usesSandbox ? s.Optional("TARGET_CONTRACT") ?? "sandbox" : s.Required("TARGET_CONTRACT");
        var contract = Contract.TargetContract.Load(repoRoot, contractName);
        return new UatSettings(
            appEnv, usesSandbox, s.Optional("PAD_SANDBOX_FAULTS") ?? "",
            // The stand-in bot's wording (`./uat --bot-seed N`): a failure seen with one seed is repeated with it.
            usesSandbox && s.Optional("PAD_BOT_SEED") is not null ? s.Int("PAD_BOT_SEED") : null,
            usesSandbox ? null : new DatabaseSettings(s.Required("DB_HOST"), s.Int("DB_PORT"), s.Required("DB_NAME"),
                s.Required("DB_SCHEMA"), s.Required("DB_USER"), s.Secret("DB_PASSWORD"), s.SslMode("DB_SSL_MODE")),
            usesSandbox ? null : new SlackSettings(s.Url("SLACK_API_URL"), s.Url("SLACK_CLIENT_URL"), s.Required("SLACK_BOT_USER_ID"),
                cast.People.ToDictionary(p => p, p => s.Secret($"SLACK_TOKEN_{p.SettingName}")),
                cast.People.ToDictionary(p => p, p => s.Secret($"SLACK_SESSION_{p.SettingName}")), s.OptionalSecret("SLACK_APP_TOKEN"),
                TimeSpan.FromSeconds(s.Int("BOT_REPLY_TIMEOUT_S")), contract.ChannelSettings().ToDictionary(n => n, s.Required)),
            usesSandbox ? null : s.Url("DASHBOARD_URL"),
            usesSandbox ? null : SignInFrom(s, cast, contract.SignInHeader(signInMode)),
            signInMode,
            cast,
            MigrationExpectation.Parse(s.Required("PAD_MIGRATION_HEAD"), s.Optional("PAD_MIGRATION_NOT_APPLIED")),
            contractName,
            s.Optional("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            // How long a run waits for another run against the same target to finish before it gives up.
            TimeSpan.FromSeconds(s.Optional("UAT_LOCK_WAIT_S") is null ? 60 : s.Int("UAT_LOCK_WAIT_S")),
            // The sandbox answers within milliseconds; ./uat mutate shortens this so a mutant that silences the bot fails sooner.
            TimeSpan.FromSeconds(usesSandbox && s.Optional("BOT_REPLY_TIMEOUT_S") is not null ? s.Int("BOT_REPLY_TIMEOUT_S") : 10),
            s.Optional("PAD_TEAMS") is null ? null : s.Int("PAD_TEAMS"),
            s.Optional("PAD_TEAM") is null ? null : s.Int("PAD_TEAM"));
    }

    /// <summary>
    /// Each test person's way in to the dashboard: the <paramref name="header"/> naming them where the dashboard is reached
    /// so (DASHBOARD_SIGN_IN, else the contract's mode); otherwise a password or a saved session, one of them for everyone in the cast.
    /// </summary>
    private static DashboardSignIn SignInFrom(Source s, Cast cast, string? header)
    {
        if (header is not null) return DashboardSignIn.ByHeader(header, cast.People);
        foreach (var p in cast.People.Where(p => s.OptionalSecret($"DASHBOARD_PASSWORD_{p.SettingName}") is null && s.OptionalSecret($"DASHBOARD_SESSION_{p.SettingName}") is null))
            throw new SettingsError($"DASHBOARD_PASSWORD_{p.SettingName} or DASHBOARD_SESSION_{p.SettingName}: missing secret " +
                                    "(the dashboard sits behind the firm's sign-in: export the test person's password, or a session recorded with ./uat record-session)");
        return new DashboardSignIn(
            cast.People.Where(p => s.OptionalSecret($"DASHBOARD_PASSWORD_{p.SettingName}") is not null).ToDictionary(p => p, p => s.OptionalSecret($"DASHBOARD_PASSWORD_{p.SettingName}")!),
            cast.People.Where(p => s.OptionalSecret($"DASHBOARD_SESSION_{p.SettingName}") is not null).ToDictionary(p => p, p => s.OptionalSecret($"DASHBOARD_SESSION_{p.SettingName}")!));
    }

    private sealed class Source(IReadOnlyDictionary<string, string> file, IReadOnlyDictionary<string, string> env, string appEnv)
    {
        public string? Optional(string key) =>
            env.GetValueOrDefault(key) is { Length: > 0 } v ? v : file.GetValueOrDefault(key) is { Length: > 0 } f ? f : null;

        public string Required(string key) => Optional(key)
            ?? throw new SettingsError($"{key}: missing (set it in env/{appEnv}.env or the environment)");

        public Secret Secret(string key) => env.GetValueOrDefault(key) is { Length: > 0 } v
            ? new Secret(v)
            : throw new SettingsError($"{key}: missing secret (export it in the environment; it is never read from env files)");

        public Secret? OptionalSecret(string key) => env.GetValueOrDefault(key) is { Length: > 0 } v ? new Secret(v) : null;

        public int Int(string key) => int.TryParse(Required(key), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : throw new SettingsError($"{key}: '{Required(key)}' is not a positive whole number");

        public Uri Url(string key) => Uri.TryCreate(Required(key), UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
            ? u : throw new SettingsError($"{key}: '{Required(key)}' is not an http(s) URL");

        public string SslMode(string key) => Optional(key) is not { } mode ? "Prefer"
            : Enum.TryParse<Npgsql.SslMode>(mode, ignoreCase: true, out var known) && !int.TryParse(mode, out _) ? known.ToString()
            : throw new SettingsError($"{key}: '{mode}' is not an SSL mode (one of {string.Join(", ", Enum.GetNames<Npgsql.SslMode>())})");

        public string Email(string key) => Required(key) is var v && v.Contains('@') && !v.Contains(' ')
            ? v : throw new SettingsError($"{key}: '{v}' is not an e-mail address");
    }
}
