using System.Collections.Concurrent;

namespace PadUat.Drivers.Slack;

/// <summary>
/// The harness's share of Slack's published rate limits, for its one app: a token bucket per method by tier (a
/// minute's quota, refilled continuously) — shared by all the UAT people, whose tokens belong to the same app —
/// and chat.postMessage's one a second per channel. A call waits for its turn instead of drawing a 429; the calls
/// made are counted for the report.
/// </summary>
public sealed class SlackRateBudget(TimeProvider clock)
{
    /// <summary>Calls per window, by method (Slack's tiers: docs.slack.dev/apis/web-api/rate-limits).</summary>
    public static readonly IReadOnlyDictionary<string, (int Calls, TimeSpan Window)> Tiers = new Dictionary<string, (int, TimeSpan)>
    {
        ["auth.test"] = (100, TimeSpan.FromMinutes(1)),           // Tier 4 (Special)
        ["users.info"] = (100, TimeSpan.FromMinutes(1)),          // Tier 4
        ["users.lookupByEmail"] = (50, TimeSpan.FromMinutes(1)),  // Tier 3
        ["conversations.open"] = (50, TimeSpan.FromMinutes(1)),   // Tier 3
        ["conversations.history"] = (50, TimeSpan.FromMinutes(1)),// Tier 3 (internal apps)
        ["conversations.replies"] = (50, TimeSpan.FromMinutes(1)),// Tier 3
        ["chat.update"] = (50, TimeSpan.FromMinutes(1)),          // Tier 3
        ["chat.postMessage"] = (300, TimeSpan.FromMinutes(1)),    // Special: several hundred a minute per app…
        ["apps.connections.open"] = (5, TimeSpan.FromMinutes(1)), // Tier 1
    };

    /// <summary>…and about one a second per channel, short bursts allowed.</summary>
    public static readonly (int Calls, TimeSpan Window) PostPerChannel = (60, TimeSpan.FromMinutes(1));

    // Slack's bucket starts when our first call reaches it, later than we book it (a slow first answer: TLS, a cold
    // server); half a call kept in reserve — 0.6 s at Tier 3 — absorbs that, so our count never runs ahead of Slack's.
    private const double Reserve = 0.5;
    private readonly object _gate = new();
    private readonly Dictionary<string, (double Tokens, DateTimeOffset At)> _buckets = [];
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly ConcurrentDictionary<string, int> _waits = new();
    private readonly ConcurrentDictionary<string, int> _refusals = new();
    private readonly ConcurrentDictionary<(string Team, string Method), int> _byTeam = new();

    /// <summary>Waits until a call to <paramref name="method"/> fits the budget, then books it, counted for <paramref name="team"/> when a team's.</summary>
    public async Task TurnAsync(string method, string? channel, CancellationToken ct = default, string? team = null)
    {
        var waited = false;
        while (true)
        {
            var wait = TryBook(method, channel);
            if (wait <= TimeSpan.Zero) break;
            waited = true;
            await Task.Delay(wait, clock, ct);
        }
        _calls.AddOrUpdate(method, 1, (_, n) => n + 1);
        if (team is not null) _byTeam.AddOrUpdate((team, method), 1, (_, n) => n + 1);
        if (waited) _waits.AddOrUpdate(method, 1, (_, n) => n + 1);
    }

    /// <summary>Slack said 429 all the same (another client of the same app, or a different clock): nothing more until Retry-After.</summary>
    public void Refused(string method, TimeSpan retryAfter)
    {
        _refusals.AddOrUpdate(method, 1, (_, n) => n + 1);
        var (calls, span) = Tier(method);
        lock (_gate) _buckets[method] = (1 + Reserve - retryAfter.TotalSeconds * calls / span.TotalSeconds, clock.GetUtcNow());
    }

    /// <summary>Calls made per method (with how many had to wait for their turn, and how many Slack refused).</summary>
    public IReadOnlyList<(string Method, int Calls, int Waited, int Refused, string Budget)> Usage() =>
        _calls.Keys.Union(_refusals.Keys).Order(StringComparer.Ordinal).Select(m =>
            (m, _calls.GetValueOrDefault(m), _waits.GetValueOrDefault(m), _refusals.GetValueOrDefault(m),
             $"{Tier(m).Calls}/{Tier(m).Window.TotalSeconds:0}s")).ToList();

    /// <summary>Calls made per team and method: how the app's one budget was shared when teams ran side by side.</summary>
    public IReadOnlyList<(string Team, string Method, int Calls)> UsageByTeam() =>
        _byTeam.OrderBy(e => e.Key.Team, StringComparer.Ordinal).ThenBy(e => e.Key.Method, StringComparer.Ordinal)
            .Select(e => (e.Key.Team, e.Key.Method, e.Value)).ToList();

    private TimeSpan TryBook(string method, string? channel)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var keys = new List<(string Key, int Calls, TimeSpan Window)> { (method, Tier(method).Calls, Tier(method).Window) };
            if (method == "chat.postMessage" && channel is not null) keys.Add(($"post|{channel}", PostPerChannel.Calls, PostPerChannel.Window));
            var wait = TimeSpan.Zero;
            foreach (var (key, calls, span) in keys)
            {
                var (tokens, at) = _buckets.TryGetValue(key, out var b) ? b : (calls, now);
                tokens = Math.Min(calls, tokens + (now - at).TotalSeconds * calls / span.TotalSeconds);
                _buckets[key] = (tokens, now);
                if (tokens < 1 + Reserve) wait = Max(wait, TimeSpan.FromSeconds((1 + Reserve - tokens) * span.TotalSeconds / calls));
            }
            if (wait > TimeSpan.Zero) return wait;
            foreach (var (key, _, _) in keys) _buckets[key] = (_buckets[key].Tokens - 1, now);
            return TimeSpan.Zero;
        }
    }

    private static (int Calls, TimeSpan Window) Tier(string method) =>
        Tiers.TryGetValue(method, out var tier) ? tier : (20, TimeSpan.FromMinutes(1)); // Tier 2: Slack's default for most methods

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
