using PadUat.Support.Evidence;

namespace PadUat.Support;

/// <summary>
/// Waits for asynchronous state (a bot reply, a row written by a background handler) with a bounded wait and
/// backoff, never a single read — or, where the source can say when something changed (<paramref name="waitForNews"/>:
/// a pushed Slack event, an answer to a click), until it does. When time runs out the check fails with what was last seen —
/// if the target still answers; a target that stopped answering makes it broken (<see cref="Lifecycle.TargetHealth"/>).
/// </summary>
public static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> satisfied, TimeSpan timeout, string expectation,
        Func<T, string>? describe = null, TimeSpan? maxDelay = null, CancellationToken ct = default, Func<TimeSpan, Task>? waitForNews = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        var delay = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            var value = await probe();
            if (satisfied(value)) return value;
            if (DateTime.UtcNow >= deadline)
            {
                var what = $"Within {timeout.TotalSeconds:0.#} s, {expectation} did not happen. Last seen: {describe?.Invoke(value) ?? value?.ToString() ?? "nothing"}";
                if (Lifecycle.TargetHealth.Current is { } health && await health.StoppedAnsweringAsync() is { } hung)
                    throw new Lifecycle.TargetStoppedAnswering($"{what} — not a verdict on the product: {hung}");
                throw new CheckFailed(what);
            }
            if (waitForNews is not null) await waitForNews(deadline - DateTime.UtcNow is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero);
            else await Task.Delay(delay, ct);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, (maxDelay ?? TimeSpan.FromMilliseconds(400)).TotalMilliseconds));
        }
    }
}
