namespace PadUat.Drivers.Slack;

/// <summary>
/// How the harness reads a person's DM with the bot: pushed over Socket Mode when the UAT driver app has an
/// app-level token (<see cref="SocketModeFeed"/>), otherwise polled with conversations.history within the app's
/// rate budget (<see cref="PollingFeed"/>). Either way a person sees messages as they stand now, edits applied.
/// </summary>
public interface IDirectMessageFeed : IAsyncDisposable
{
    /// <summary>How messages arrive, for the report's environment.</summary>
    string Description { get; }

    /// <summary>The ts of the newest message in the DM, or "0": where a scenario's view of the DM begins.</summary>
    Task<string> NewestTsAsync(SlackWebClient reader, string channel, CancellationToken ct = default);

    /// <summary>The DM's messages newer than <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<SlackMessage>> ReadAsync(SlackWebClient reader, string channel, string since, CancellationToken ct = default);

    /// <summary>Returns when the DM may have changed since the last read, or after <paramref name="max"/>.</summary>
    Task WaitForNewsAsync(string channel, TimeSpan max, CancellationToken ct = default);
}
