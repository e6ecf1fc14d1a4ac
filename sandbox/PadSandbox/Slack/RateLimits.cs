using System.Collections.Concurrent;

namespace PadSandbox.Slack;

/// <summary>
/// Slack's rate limits, always on: a token bucket per (app, method) by the method's tier — every token of one
/// app draws on the same bucket — plus chat.postMessage's one-a-second per (app, channel). A refused call gets the
/// whole seconds until its bucket holds a call again (Retry-After). Also counts the calls each app made.
/// </summary>
public sealed class RateLimits(TimeProvider clock)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (double Tokens, DateTimeOffset At)> _buckets = [];
    private readonly Dictionary<string, Queue<int>> _forced = [];
    private readonly ConcurrentDictionary<(string App, string Method), int> _calls = new();
    private readonly ConcurrentDictionary<(string App, string Method), int> _refused = new();

    /// <summary>Null when the call may go ahead (and is counted); otherwise the whole seconds to wait.</summary>
    public int? Take(SlackMethod method, string appId, string? channel)
    {
        if (appId == SlackApps.SlackClient) return null;
        lock (_gate)
        {
            if (_forced.TryGetValue(method.Name, out var forced) && forced.Count > 0) return Refused(appId, method, forced.Dequeue());
            var now = clock.GetUtcNow();
            var keys = new List<(string Key, RateTier Tier)> { ($"{appId}|{method.Name}", method.Tier) };
            if (method.Name == "chat.postMessage" && channel is not null) keys.Add(($"{appId}|post|{channel}", RateTier.PostPerChannel));
            var wait = TimeSpan.Zero;
            foreach (var (key, tier) in keys)
            {
                var tokens = Refill(key, tier, now);
                if (tokens < 1) wait = Max(wait, TimeSpan.FromSeconds((1 - tokens) * tier.Window.TotalSeconds / tier.Calls));
            }
            if (wait > TimeSpan.Zero) return Refused(appId, method, (int)Math.Ceiling(wait.TotalSeconds));
            foreach (var (key, _) in keys) _buckets[key] = (_buckets[key].Tokens - 1, now);
            _calls.AddOrUpdate((appId, method.Name), 1, (_, n) => n + 1);
            return null;
        }
    }

    /// <summary>Not Slack: makes the next calls to a method answer 429, so clients' back-off can be exercised on demand.</summary>
    public void Force(string method, int times, int retryAfterSeconds)
    {
        lock (_gate)
        {
            var queue = _forced.TryGetValue(method, out var q) ? q : _forced[method] = new Queue<int>();
            for (var i = 0; i < times; i++) queue.Enqueue(retryAfterSeconds);
        }
    }

    /// <summary>Calls answered and refused, per app and method, since the sandbox started.</summary>
    public IEnumerable<(string App, string Method, int Calls, int Refused, RateTier Tier)> Usage() =>
        _calls.Keys.Union(_refused.Keys).Order().Select(k =>
            (k.App, k.Method, _calls.GetValueOrDefault(k), _refused.GetValueOrDefault(k), SlackMethod.All[k.Method].Tier));

    private int Refused(string appId, SlackMethod method, int seconds)
    {
        _refused.AddOrUpdate((appId, method.Name), 1, (_, n) => n + 1);
        return Math.Max(1, seconds);
    }

    private double Refill(string key, RateTier tier, DateTimeOffset now)
    {
        var (tokens, at) = _buckets.TryGetValue(key, out var b) ? b : (tier.Calls, now);
        tokens = Math.Min(tier.Calls, tokens + (now - at).TotalSeconds * tier.Calls / tier.Window.TotalSeconds);
        _buckets[key] = (tokens, now);
        return tokens;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
