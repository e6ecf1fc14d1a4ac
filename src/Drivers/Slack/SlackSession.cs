using System.Text.Json.Nodes;
using PadUat.Support.Configuration;

namespace PadUat.Drivers.Slack;

/// <summary>One UAT person's Slack account for the run: their token, who Slack says they are, their DM with the bot.</summary>
public sealed record SlackAccount(TestPerson Person, SlackIdentity Identity, SlackWebClient Client, string BotChannel)
{
    /// <summary>Their Slack client, open on the DM with the bot, kept for the run (null until they first type or click).</summary>
    public SlackClientPage? Page { get; set; }
}

/// <summary>Who a person is in Slack, as auth.test names them.</summary>
public sealed record SlackIdentity(string UserId, string UserName, string TeamId, string TeamDomain);

/// <summary>
/// The harness's Slack for a whole run. People act in Slack's web client (one browser context each, signed in with
/// their saved session, opened on first use and kept for the run); what they are sent is read as the UAT driver app
/// reads it: one rate budget shared by every person's token, the feed the bot's messages arrive on (Socket Mode, or
/// budgeted polling), each person known once (auth.test, conversations.open).
/// </summary>
public sealed class SlackSession : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(15) };
    private readonly SlackSettings _settings;
    private readonly Dictionary<TestPerson, SlackAccount> _accounts = [];
    private readonly SemaphoreSlim _signIn = new(1, 1);
    private readonly Dashboard.BrowserSession _browser;
    private readonly IReadOnlyCollection<TestPerson> _people;
    // The team whose Slack this is; null for the run's own session, which opened the feed and closes it.
    private readonly string? _team;

    public SlackRateBudget Budget { get; }
    public IDirectMessageFeed Feed { get; }
    public TimeSpan ReplyTimeout => _settings.ReplyTimeout;
    public string BotUserId => _settings.BotUserId;

    /// <summary>Everyone in the cast, or in the team, who acts in Slack.</summary>
    public IEnumerable<TestPerson> People => _people;

    /// <summary>The channels the bot's notifications arrive in, by the setting naming each (COMPLIANCE_CHANNEL_ID).</summary>
    public IReadOnlyDictionary<string, string> Channels => _settings.Channels ?? new Dictionary<string, string>();

    private SlackSession(SlackSettings settings, SlackRateBudget budget, IDirectMessageFeed feed, Dashboard.BrowserSession browser,
        IReadOnlyCollection<TestPerson> people, string? team = null)
    {
        _settings = settings; Budget = budget; Feed = feed; _browser = browser; _people = people; _team = team;
    }

    /// <summary>
    /// One team's Slack within the run: its people, each signed in afresh in the team's browser — a compliance officer
    /// every team shares has a Slack client per team, as a person with two devices does — over the run's one feed and
    /// rate budget (Slack limits the app, not the team).
    /// </summary>
    public SlackSession ForTeam(string team, IEnumerable<TestPerson> people, Dashboard.BrowserSession browser) =>
        new(_settings, Budget, Feed, browser, people.Where(_settings.Tokens.ContainsKey).ToList(), team);

    public static async Task<SlackSession> StartAsync(SlackSettings settings, Dashboard.BrowserSession browser, CancellationToken ct = default)
    {
        var budget = new SlackRateBudget(TimeProvider.System);
        IDirectMessageFeed feed;
        try
        {
            feed = settings.AppToken is { } appToken
                ? await SocketModeFeed.ConnectAsync(new SlackWebClient(Http, settings.ApiUrl, appToken.Reveal(), budget), ct)
                : new PollingFeed();
        }
        catch (DriverAppInUse e)
        {
            feed = new PollingFeed($"another run through other teams holds the UAT driver app's Socket Mode connection ({e.Message})");
        }
        return new SlackSession(settings, budget, feed, browser, settings.Tokens.Keys.ToList());
    }

    /// <summary>
    /// The person's Slack client on their DM with the bot: opened on first use in the run's browser, and again when that
    /// browser was replaced after a failed scenario.
    /// </summary>
    public async Task<SlackClientPage> ClientAsync(SlackAccount account)
    {
        if (account.Page is { IsOpen: true } open && open.Browser == _browser.Browser) return open;
        var session = _settings.Sessions.TryGetValue(account.Person, out var s) ? s : throw new ArgumentException($"No Slack session for {account.Person}");
        return account.Page = await SlackClientPage.OpenAsync(_browser.Browser, _settings.ClientUrl,
            Dashboard.SavedSession.Decode(session.Reveal()), account.BotChannel, account.Person.SettingName);
    }

    /// <summary>The person's account, signed in on first use: auth.test checks the token, conversations.open finds the DM.</summary>
    public async Task<SlackAccount> AccountAsync(TestPerson who)
    {
        await _signIn.WaitAsync();
        try
        {
            if (_accounts.TryGetValue(who, out var known)) return known;
            var token = _settings.Tokens.TryGetValue(who, out var t) ? t : throw new ArgumentException($"No Slack token for {who}");
            var client = new SlackWebClient(Http, _settings.ApiUrl, token.Reveal(), Budget, team: _team);
            var auth = await client.CallAsync("auth.test");
            var dm = (await client.CallAsync("conversations.open", new JsonObject { ["users"] = _settings.BotUserId }))["channel"]!["id"]!.GetValue<string>();
            var domain = new Uri(auth["url"]!.GetValue<string>()).Host.Split('.')[0];
            var identity = new SlackIdentity(auth["user_id"]!.GetValue<string>(), auth["user"]!.GetValue<string>(), auth["team_id"]!.GetValue<string>(), domain);
            return _accounts[who] = new SlackAccount(who, identity, client, dm);
        }
        finally { _signIn.Release(); }
    }

    public async ValueTask DisposeAsync()
    {
        if (_team is null) await Feed.DisposeAsync();
        foreach (var page in _accounts.Values.Select(a => a.Page).OfType<SlackClientPage>().Where(p => p.IsOpen))
            await page.CloseAsync();
        _signIn.Dispose();
    }
}
