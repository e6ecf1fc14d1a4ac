using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace PadSandbox.Slack;

public sealed record SlackUser(string Id, string Name, string RealName, string Email, string Token, bool IsBot, string? BotId);

public sealed record SlackMessage(string Channel, string Ts, string User, string? BotId, string Text, JsonArray? Blocks, string? ThreadTs)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = "message", ["user"] = User, ["text"] = Text, ["ts"] = Ts, ["team"] = Workspace.TeamId };
        if (BotId is not null) { json["bot_id"] = BotId; json["app_id"] = Workspace.AppId; }
        if (Blocks is not null) json["blocks"] = Blocks.DeepClone();
        if (ThreadTs is not null) json["thread_ts"] = ThreadTs;
        return json;
    }
}

/// <summary>
/// The Slack workspace the emulator serves: people (one user token each), the bot (a bot token), direct-message
/// channels and their messages. In memory, like Slack's own servers from a client's point of view.
/// </summary>
public sealed class Workspace
{
    public const string TeamId = "TPADUAT01";
    public const string TeamDomain = "paduat";
    public const string AppId = "APADUAT01";

    private readonly object _gate = new();
    private readonly Dictionary<string, SlackUser> _usersById = [];
    private readonly Dictionary<string, List<SlackMessage>> _channels = [];
    private readonly Dictionary<string, string[]> _members = [];
    private readonly Dictionary<string, Queue<int>> _forcedRateLimits = [];
    private long _lastTsMicros;

    public SlackUser Bot { get; }

    public Workspace(IEnumerable<(int EmployeeId, string Name, string RealName, string Email)> people)
    {
        Bot = new SlackUser("UPADBOT01", "pad-bot", "PA Dealing Bot", "pad-bot@paduat.example", NewToken("xoxb"), true, "BPADBOT01");
        _usersById[Bot.Id] = Bot;
        foreach (var p in people)
        {
            var user = new SlackUser($"UPAD{p.EmployeeId:D5}", p.Name, p.RealName, p.Email, NewToken("xoxp"), false, null);
            _usersById[user.Id] = user;
        }
    }

    public IReadOnlyCollection<SlackUser> Users => _usersById.Values;

    public SlackUser? ByToken(string token) => _usersById.Values.FirstOrDefault(u => u.Token == token);
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

    public bool IsMember(string channel, string userId)
    {
        lock (_gate) return _members.TryGetValue(channel, out var m) && m.Contains(userId);
    }

    public string? OtherMember(string channel, string userId)
    {
        lock (_gate) return _members.TryGetValue(channel, out var m) ? m.FirstOrDefault(x => x != userId) : null;
    }

    public SlackMessage Post(string channel, SlackUser author, string text, JsonArray? blocks, string? threadTs)
    {
        lock (_gate)
        {
            var message = new SlackMessage(channel, NextTs(), author.Id, author.BotId, text, blocks, threadTs);
            _channels[channel].Add(message);
            return message;
        }
    }

    public SlackMessage? Update(string channel, string ts, string authorId, string text, JsonArray? blocks)
    {
        lock (_gate)
        {
            var list = _channels.GetValueOrDefault(channel);
            var index = list?.FindIndex(m => m.Ts == ts && m.User == authorId) ?? -1;
            if (index < 0) return null;
            var updated = list![index] with { Text = text, Blocks = blocks ?? list[index].Blocks };
            list[index] = updated;
            return updated;
        }
    }

    public IReadOnlyList<SlackMessage> Messages(string channel)
    {
        lock (_gate) return _channels.TryGetValue(channel, out var list) ? list.ToList() : [];
    }

    public SlackMessage? Find(string channel, string ts)
    {
        lock (_gate) return _channels.GetValueOrDefault(channel)?.FirstOrDefault(m => m.Ts == ts);
    }

    /// <summary>Makes the next <paramref name="times"/> calls to <paramref name="method"/> answer 429, to exercise clients' back-off.</summary>
    public void ForceRateLimit(string method, int times, int retryAfterSeconds)
    {
        lock (_gate)
        {
            var queue = _forcedRateLimits.TryGetValue(method, out var q) ? q : _forcedRateLimits[method] = new Queue<int>();
            for (var i = 0; i < times; i++) queue.Enqueue(retryAfterSeconds);
        }
    }

    public int? TakeRateLimit(string method)
    {
        lock (_gate)
            return _forcedRateLimits.TryGetValue(method, out var q) && q.Count > 0 ? q.Dequeue() : null;
    }

    private string NextTs()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        _lastTsMicros = Math.Max(now, _lastTsMicros + 1);
        return $"{_lastTsMicros / 1_000_000}.{_lastTsMicros % 1_000_000:D6}";
    }

    private static string NewToken(string prefix) => $"{prefix}-sandbox-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
}
