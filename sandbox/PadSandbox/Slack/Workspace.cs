using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace PadSandbox.Slack;

public sealed record SlackUser(string Id, string Name, string RealName, string Email, string Token, bool IsBot, string? BotId);

/// <param name="BotId">The bot of the app that posted it (a bot, or a person's user token of an app); null when typed in Slack's client.</param>
/// <param name="AppId">That app's id, beside <paramref name="BotId"/>.</param>
/// <param name="ClientMsgId">Set by Slack's own clients only: a message a person typed.</param>
public sealed record SlackMessage(string Channel, string Ts, string User, string? BotId, string Text, JsonArray? Blocks, string? ThreadTs,
    string? ClientMsgId = null, string? EditedTs = null, string? AppId = null)
{
    /// <summary>The message as the Web API and the Events API show it.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = "message", ["user"] = User, ["text"] = Text, ["ts"] = Ts, ["team"] = Workspace.TeamId };
        if (BotId is not null) { json["bot_id"] = BotId; json["app_id"] = AppId; }
        if (ClientMsgId is not null) json["client_msg_id"] = ClientMsgId;
        json["blocks"] = Blocks?.DeepClone() ?? RichText(Text);
        if (ThreadTs is not null) json["thread_ts"] = ThreadTs;
        if (EditedTs is not null) json["edited"] = new JsonObject { ["user"] = User, ["ts"] = EditedTs };
        return json;
    }

    /// <summary>Slack adds a rich_text block to every message typed without blocks of its own.</summary>
    private static JsonArray RichText(string text) => new(new JsonObject
    {
        ["type"] = "rich_text", ["block_id"] = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..5],
        ["elements"] = new JsonArray(new JsonObject
        {
            ["type"] = "rich_text_section", ["elements"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
        }),
    });
}

/// <summary>
/// The Slack workspace the emulator serves: people (each with a user token of the UAT driver app), the bot (a bot
/// token of the PA-dealing app), the driver app's app-level token, direct-message channels and their messages.
/// In memory, like Slack's own servers from a client's point of view.
/// </summary>
public sealed class Workspace
{
    public const string TeamId = "TPADUAT01";
    public const string TeamDomain = "paduat";

    private readonly object _gate = new();
    private readonly Dictionary<string, SlackUser> _usersById = [];
    private readonly Dictionary<string, SlackToken> _tokens = [];
    private readonly Dictionary<string, List<SlackMessage>> _channels = [];
    private readonly Dictionary<string, string[]> _members = [];
    private readonly Dictionary<string, string> _names = [];
    private readonly List<(string Channel, string User, SlackMessage Message)> _ephemeral = [];
    private long _lastTsMicros;
    private long _version;
    private readonly Dictionary<string, long> _channelVersions = [];
    private TaskCompletionSource _change = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SlackUser Bot { get; }

    /// <summary>The UAT driver app's app-level token (xapp-), for Socket Mode.</summary>
    public string AppToken { get; }

    /// <summary>The PA-dealing app's app-level token (xapp-): its bot connects over Socket Mode, as the real one does.</summary>
    public string BotAppToken { get; }

    public Workspace(IEnumerable<(int EmployeeId, string Name, string RealName, string Email)> people)
    {
        Bot = new SlackUser("UPADBOT01", "pad-bot", "PA Dealing Bot", "pad-bot@paduat.example", NewToken("xoxb"), true, SlackApps.BotIdOf(SlackApps.BotAppId));
        _usersById[Bot.Id] = Bot;
        _tokens[Bot.Token] = new SlackToken(Bot.Token, TokenKind.Bot, SlackApps.BotAppId, Bot.Id, SlackApps.BotScopes);
        foreach (var p in people)
        {
            var user = new SlackUser($"UPAD{p.EmployeeId:D5}", p.Name, p.RealName, p.Email, NewToken("xoxp"), false, null);
            _usersById[user.Id] = user;
            _tokens[user.Token] = new SlackToken(user.Token, TokenKind.User, SlackApps.DriverAppId, user.Id, SlackApps.PersonScopes);
        }
        AppToken = NewToken("xapp-1");
        _tokens[AppToken] = new SlackToken(AppToken, TokenKind.App, SlackApps.DriverAppId, null, SlackApps.AppLevelScopes);
        BotAppToken = NewToken("xapp-1");
        _tokens[BotAppToken] = new SlackToken(BotAppToken, TokenKind.App, SlackApps.BotAppId, null, SlackApps.AppLevelScopes);
    }

    public IReadOnlyCollection<SlackUser> Users => _usersById.Values;

    public SlackToken? Token(string value)
    {
        lock (_gate) return _tokens.GetValueOrDefault(value);
    }

    /// <summary>A person's session in a Slack client (not an app): what background traffic types with; no app's rate budget.</summary>
    public string ClientToken(string userId)
    {
        lock (_gate)
        {
            if (_tokens.Values.FirstOrDefault(t => t.AppId == SlackApps.SlackClient && t.UserId == userId) is { } known) return known.Value;
            var value = NewToken("xoxc");
            _tokens[value] = new SlackToken(value, TokenKind.User, SlackApps.SlackClient, userId, SlackApps.PersonScopes);
            return value;
        }
    }

    /// <summary>Not Slack: a user token of the driver app with exactly these scopes, to show missing_scope.</summary>
    public string MintUserToken(string userId, IEnumerable<string> scopes)
    {
        var value = NewToken("xoxp");
        lock (_gate) _tokens[value] = new SlackToken(value, TokenKind.User, SlackApps.DriverAppId, userId, scopes.ToHashSet());
        return value;
    }

    public SlackUser? ById(string id) => _usersById.GetValueOrDefault(id);
    public SlackUser? ByEmail(string email) =>
        _usersById.Values.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));

    /// <summary>The DM between two users, opened on first use, as conversations.open does.</summary>
    public string OpenDirectMessage(string a, string b)
    {
        var pair = new[] { a, b }.Order(StringComparer.Ordinal).ToArray();
        var id = "D" + Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('|', pair))))[..10];
        lock (_gate)
        {
            if (!_channels.ContainsKey(id)) { _channels[id] = []; _members[id] = pair; }
        }
        return id;
    }

    /// <summary>
    /// A private channel (conversations.create with is_private) with its members, the bot among them; returns its id.
    /// Private channels' ids begin with C today, as public ones' do (docs.slack.dev, "Conversations API").
    /// </summary>
    public string OpenPrivateChannel(string name, IEnumerable<string> members)
    {
        var id = "C" + Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("private|" + name)))[..10];
        lock (_gate)
        {
            _channels.TryAdd(id, []);
            _members[id] = members.Distinct().ToArray();
            _names[id] = name;
        }
        return id;
    }

    /// <summary>A channel's name (a DM has none).</summary>
    public string? NameOf(string channel)
    {
        lock (_gate) return _names.GetValueOrDefault(channel);
    }

    /// <summary>What Slack's events call the conversation: "im" for a DM, "group" for a private channel.</summary>
    public string TypeOf(string channel) => NameOf(channel) is null ? "im" : "group";

    public bool IsMember(string channel, string userId)
    {
        lock (_gate) return _members.TryGetValue(channel, out var m) && m.Contains(userId);
    }

    /// <summary>The conversations <paramref name="userId"/> is in, as their Slack client lists them.</summary>
    public IReadOnlyList<string> ChannelsOf(string userId)
    {
        lock (_gate) return _members.Where(m => m.Value.Contains(userId)).Select(m => m.Key).Order(StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<string> MembersOf(string channel)
    {
        lock (_gate) return _members.TryGetValue(channel, out var m) ? m : [];
    }

    /// <summary>
    /// A message posted by <paramref name="author"/> through <paramref name="appId"/>. Who Slack says wrote it depends on
    /// how: typed in Slack's own client, it carries a client_msg_id and no bot_id; posted with a person's user token of an
    /// app, it carries that app's bot_id and app_id and no client_msg_id (anneschuth/claude-threads#526; a Slack SDK
    /// maintainer in slackapi/java-slack-sdk#852: client_msg_id comes only from Slack's clients); a bot's carries its own.
    /// </summary>
    public SlackMessage Post(string channel, SlackUser author, string appId, string text, JsonArray? blocks, string? threadTs)
    {
        lock (_gate)
        {
            var typed = !author.IsBot && appId == SlackApps.SlackClient;
            // A reply to a reply goes into the same thread: Slack threads are one level deep.
            if (threadTs is not null && _channels[channel].Find(m => m.Ts == threadTs) is { ThreadTs: { } parent }) threadTs = parent;
            var message = new SlackMessage(channel, NextTs(), author.Id, typed ? null : author.BotId ?? SlackApps.BotIdOf(appId),
                text, BlockKitRules.WithBlockIds(blocks), threadTs, typed ? Guid.NewGuid().ToString() : null, AppId: typed ? null : appId);
            _channels[channel].Add(message);
            Changed(channel);
            return message;
        }
    }

    /// <summary>Replaces a message's text and blocks; returns (before, after), or null when there is no such message.</summary>
    public (SlackMessage Before, SlackMessage After)? Update(string channel, string ts, string text, JsonArray? blocks)
    {
        lock (_gate)
        {
            var list = _channels.GetValueOrDefault(channel);
            var index = list?.FindIndex(m => m.Ts == ts) ?? -1;
            if (index < 0) return null;
            var before = list![index];
            var after = before with { Text = text, Blocks = BlockKitRules.WithBlockIds(blocks), EditedTs = NextTs() };
            list[index] = after;
            Changed(channel);
            return (before, after);
        }
    }

    public SlackMessage? Delete(string channel, string ts)
    {
        lock (_gate)
        {
            var list = _channels.GetValueOrDefault(channel);
            var index = list?.FindIndex(m => m.Ts == ts) ?? -1;
            if (index < 0) return null;
            var deleted = list![index];
            list.RemoveAt(index);
            Changed(channel);
            return deleted;
        }
    }

    /// <summary>A message only <paramref name="userId"/> sees (a response_url answer): never in history, never an event.</summary>
    public SlackMessage PostEphemeral(string channel, string userId, SlackUser author, string text, JsonArray? blocks)
    {
        lock (_gate)
        {
            var message = new SlackMessage(channel, NextTs(), author.Id, author.BotId, text, BlockKitRules.WithBlockIds(blocks), null, AppId: SlackApps.BotAppId);
            _ephemeral.Add((channel, userId, message));
            Changed(channel);
            return message;
        }
    }

    public IReadOnlyList<SlackMessage> EphemeralFor(string channel, string userId)
    {
        lock (_gate) return _ephemeral.Where(e => e.Channel == channel && e.User == userId).Select(e => e.Message).ToList();
    }

    /// <summary>
    /// The message as Slack shows it in history: a thread's parent carries thread_ts (its own ts), reply_count,
    /// reply_users and latest_reply once someone has replied (docs.slack.dev, "Retrieving threads").
    /// </summary>
    public JsonObject Shown(SlackMessage message)
    {
        var json = message.ToJson();
        if (message.ThreadTs is not null && message.ThreadTs != message.Ts) return json;
        List<SlackMessage> replies;
        lock (_gate) replies = _channels.TryGetValue(message.Channel, out var list) ? list.Where(m => m.ThreadTs == message.Ts && m.Ts != message.Ts).ToList() : [];
        if (replies.Count == 0) return json;
        json["thread_ts"] = message.Ts;
        json["reply_count"] = replies.Count;
        json["reply_users"] = new JsonArray(replies.Select(r => (JsonNode)r.User).Distinct().ToArray());
        json["reply_users_count"] = replies.Select(r => r.User).Distinct().Count();
        json["latest_reply"] = replies.Max(r => r.Ts);
        return json;
    }

    public IReadOnlyList<SlackMessage> Messages(string channel)
    {
        lock (_gate) return _channels.TryGetValue(channel, out var list) ? list.ToList() : [];
    }

    public SlackMessage? Find(string channel, string ts)
    {
        lock (_gate) return _channels.GetValueOrDefault(channel)?.FirstOrDefault(m => m.Ts == ts);
    }

    /// <summary>
    /// Where a conversation stands: the workspace's count of changes when it last changed. A Slack client waits on its own
    /// conversation's, as Slack pushes a client only the events of conversations its person is in — a client woken by
    /// every other team's message would cost the browser a fetch each.
    /// </summary>
    public long VersionOf(string channel)
    {
        lock (_gate) return _channelVersions.GetValueOrDefault(channel);
    }

    /// <summary>Returns once <paramref name="channel"/> has changed since <paramref name="seen"/>, or after <paramref name="max"/>.</summary>
    public async Task WaitForChangeAsync(string channel, long seen, TimeSpan max, CancellationToken ct)
    {
        var until = DateTime.UtcNow + max;
        while (DateTime.UtcNow < until && !ct.IsCancellationRequested)
        {
            Task changed;
            lock (_gate)
            {
                if (_channelVersions.GetValueOrDefault(channel) != seen) return;
                changed = _change.Task;
            }
            await changed.WaitAsync(until - DateTime.UtcNow, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Called under the gate after every change.</summary>
    private void Changed(string channel)
    {
        _channelVersions[channel] = ++_version;
        _change.TrySetResult();
        _change = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public string NewTs()
    {
        lock (_gate) return NextTs();
    }

    private string NextTs()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        _lastTsMicros = Math.Max(now, _lastTsMicros + 1);
        return $"{_lastTsMicros / 1_000_000}.{_lastTsMicros % 1_000_000:D6}";
    }

    private static string NewToken(string prefix) => $"{prefix}-sandbox-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
}
