using System.Collections.Concurrent;
using PadUat.Drivers.Dashboard;
using PadUat.Drivers.Slack;
using PadUat.Support.Lifecycle;

namespace PadUat.Hooks;

/// <summary>One claimed team as its features use it: its people, journal and lock, and a Slack of its own (its people's clients in the run's browser).</summary>
public sealed record TeamSession(ClaimedTeam Claimed, SlackSession Slack);

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

    /// <summary>Each claimed team gets a Slack over the run's feed, its people's clients opened in <paramref name="browser"/>.</summary>
    public static TeamPool Open(IReadOnlyList<ClaimedTeam> teams, BrowserSession browser, SlackSession runSlack) =>
        new(teams.Select(team => new TeamSession(team, runSlack.ForTeam(team.Team.Name, team.Team.People.People, browser))).ToList());

    /// <summary>A free team for one feature; blocks the feature's test thread until one is.</summary>
    public TeamSession Lease() => _free.Take();

    public void Return(TeamSession team) => _free.Add(team);

    public async ValueTask DisposeAsync()
    {
        foreach (var team in _all) await team.Slack.DisposeAsync();
        _free.Dispose();
    }
}
