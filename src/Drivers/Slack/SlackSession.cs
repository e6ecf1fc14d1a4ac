using System.Text.Json.Nodes;
using PadUat.Support.Configuration;

namespace PadUat.Drivers.Slack;

/// <summary>One UAT person's Slack account for the run: their token, who Slack says they are, their DM with the bot.</summary>
public sealed record SlackAccount(TestPerson Person, SlackIdentity Identity, SlackWebClient Client, string BotChannel)
{
    /// <summary>
    /// Whether a conversation with the bot may be left half-way (unknown at the start of a run, or after a failure):
    /// then the next request begins with "cancel". Every message counts against Slack's one a second per channel.
    /// </summary>
    public bool ConversationMayBeOpen { get; set; } = true;
}

/// <summary>
/// The harness's Slack for a whole run, as the UAT driver app: one rate budget shared by every person's token,
/// the feed the bot's messages arrive on (Socket Mode, or budgeted polling), the listener answering the bot's
/// response_url posts, and each person signed in once (auth.test, conversations.open) on first use.
/// </summary>
public sealed class SlackSession : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(15) };
    private readonly SlackSettings _settings;
    private readonly Dictionary<TestPerson, SlackAccount> _accounts = [];
    private readonly SemaphoreSlim _signIn = new(1, 1);

    public SlackRateBudget Budget { get; }
    public IDirectMessageFeed Feed { get; }
    public ClickAnswers ClickAnswers { get; }
    public ButtonClick Clicks { get; }
    public TimeSpan ReplyTimeout => _settings.ReplyTimeout;
    public string BotUserId => _settings.BotUserId;

    /// <summary>Everyone in the cast who acts in Slack.</summary>
    public IEnumerable<TestPerson> People => _settings.Tokens.Keys;

    private SlackSession(SlackSettings settings, SlackRateBudget budget, IDirectMessageFeed feed, ClickAnswers answers)
    {
        _settings = settings; Budget = budget; Feed = feed; ClickAnswers = answers;
        Clicks = new ButtonClick(Http, settings.InteractivityUrl, new SlackRequestSigner(settings.SigningSecret.Reveal()), settings.BotAppId, answers);
    }

    public static async Task<SlackSession> StartAsync(SlackSettings settings, CancellationToken ct = default)
    {
        var budget = new SlackRateBudget(TimeProvider.System);
        var answers = ClickAnswers.Start(settings.ResponseListen, settings.ResponseUrlBase, botIsLocal: settings.InteractivityUrl.IsLoopback);
        try
        {
            IDirectMessageFeed feed = settings.AppToken is { } appToken
                ? await SocketModeFeed.ConnectAsync(new SlackWebClient(Http, settings.ApiUrl, appToken.Reveal(), budget), ct)
                : new PollingFeed();
            return new SlackSession(settings, budget, feed, answers);
        }
        catch
        {
            await answers.DisposeAsync();
            throw;
        }
    }

    /// <summary>The person's account, signed in on first use: auth.test checks the token, conversations.open finds the DM.</summary>
    public async Task<SlackAccount> AccountAsync(TestPerson who)
    {
        await _signIn.WaitAsync();
        try
        {
            if (_accounts.TryGetValue(who, out var known)) return known;
            var token = _settings.Tokens.TryGetValue(who, out var t) ? t : throw new ArgumentException($"No Slack token for {who}");
            var client = new SlackWebClient(Http, _settings.ApiUrl, token.Reveal(), Budget);
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
        await Feed.DisposeAsync();
        await ClickAnswers.DisposeAsync();
        _signIn.Dispose();
    }
}
