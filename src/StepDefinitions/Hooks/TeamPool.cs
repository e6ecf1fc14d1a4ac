using System.Collections.Concurrent;
using PadUat.Drivers.Dashboard;
using PadUat.Drivers.Slack;
using PadUat.Support.Lifecycle;

namespace PadUat.Hooks;

/// <summary>One claimed team as its features use it: its people, journal and lock, and a browser and Slack of its own.</summary>
public sealed class TeamSession(ClaimedTeam claimed, BrowserSession browser, SlackSession slack) : IAsyncDisposable
{
    public ClaimedTeam Claimed { get; } = claimed;
    public BrowserSession Browser { get; } = browser;
    public SlackSession Slack { get; } = slack;

    public async ValueTask DisposeAsync()
    {
        await Slack.DisposeAsync();
        await Browser.DisposeAsync();
    }
}

/// <summary>
/// The run's teams, lent to one feature at a time (features run in parallel collections, one per team at most): a
/// feature that finds every team busy waits for one to come back.
/// </summary>
public sealed class TeamPool : IAsyncDisposable
{
    private readonly BlockingCollection<TeamSession> _free = [];
    private readonly List<TeamSession> _all;

    private TeamPool(List<TeamSession> teams)
    {
        _all = teams;
        foreach (var team in teams) _free.Add(team);
    }

    /// <summary>Each claimed team gets a Slack over the run's feed; the first uses <paramref name="browser"/>, the others a Chromium each.</summary>
    public static async Task<TeamPool> OpenAsync(IReadOnlyList<ClaimedTeam> teams, BrowserSession browser, SlackSession runSlack)
    {
        var sessions = new List<TeamSession>();
        foreach (var team in teams)
        {
            var own = sessions.Count == 0 ? browser : await browser.AnotherAsync();
            sessions.Add(new TeamSession(team, own, runSlack.ForTeam(team.Team.Name, team.Team.People.People, own)));
        }
        return new TeamPool(sessions);
    }

    public int Count => _all.Count;

    /// <summary>A free team for one feature; blocks the feature's test thread until one is.</summary>
    public TeamSession Lease() => _free.Take();

    public void Return(TeamSession team) => _free.Add(team);

    /// <summary>The first team's browser is the run's, stopped by the run itself.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var (team, i) in _all.Select((t, i) => (t, i)))
            if (i == 0) await team.Slack.DisposeAsync(); else await team.DisposeAsync();
        _free.Dispose();
    }
}
