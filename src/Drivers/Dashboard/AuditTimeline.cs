namespace PadUat.Drivers.Dashboard;

/// <summary>
/// Checklist 7.5: the audit log page lists a request's actions in the order they happened ("Timestamps in correct
/// chronological order"), oldest or newest first, each with the person who did it ("Actor IDs correct for each action").
/// </summary>
public static class AuditTimeline
{
    /// <summary>What is wrong with <paramref name="shown"/> against the database's trail, oldest first; empty when nothing is.</summary>
    /// <param name="happened">Each action and who did it, as the database records them, in the order they happened.</param>
    public static IReadOnlyList<string> Problems(IReadOnlyList<AuditRow> shown, IReadOnlyList<(string Action, string Actor)> happened)
    {
        var problems = new List<string>();
        var times = shown.Select(r => ShownTime.Parse(r.When)).ToList();
        if (times.Any(t => t is null))
            problems.Add($"a time it shows is not a date and time: {string.Join(", ", shown.Where((_, i) => times[i] is null).Select(r => $"\"{r.When}\""))}");
        var oldestFirst = times.Zip(times.Skip(1)).All(p => p.First <= p.Second);
        var newestFirst = times.Zip(times.Skip(1)).All(p => p.First >= p.Second);
        var listed = shown.Select(r => (r.Action, r.Actor)).ToList();
        if (!oldestFirst && !newestFirst) problems.Add($"its times are in no order: {string.Join(", ", shown.Select(r => r.When))}");
        else if (!(oldestFirst && listed.SequenceEqual(happened)) && !(newestFirst && Enumerable.Reverse(listed).SequenceEqual(happened)))
            problems.Add($"it lists {Show(listed)}, where the database has, oldest first, {Show(happened)}");
        return problems;
    }

    /// <summary>
    /// Checklist 7.5, "Navigate to audit log page": the entries of requests the page shows that the database's audit log does
    /// not hold ("action on #id"); an entry without a request is left to the request-less checks (scenario 8's refusals).
    /// A request the database holds no entry of at all is left out too: its owner's clean-up (another team's scenario, or
    /// anyone on a shared database) deleted it between the page's read and the database's, which is no fault of the page.
    /// </summary>
    public static IReadOnlyList<string> NotStored(IReadOnlyList<AuditRow> shown, IEnumerable<(string Action, int? RequestId)> stored)
    {
        var rows = stored.ToList();
        var held = rows.Select(a => $"{a.Action} on #{a.RequestId}").ToHashSet(StringComparer.Ordinal);
        var stillThere = rows.Select(a => a.RequestId).ToHashSet();
        return shown.Where(r => r.RequestId is not null && stillThere.Contains(r.RequestId)).Select(r => $"{r.Action} on #{r.RequestId}")
            .Where(e => !held.Contains(e)).Distinct().ToList();
    }

    /// <summary>The requests the entries shown are about, to read their trails from the database.</summary>
    public static IReadOnlyList<int> Requests(IReadOnlyList<AuditRow> shown) => shown.Where(r => r.RequestId is not null).Select(r => r.RequestId!.Value).Distinct().ToList();

    private static string Show(IEnumerable<(string Action, string Actor)> entries) => string.Join(", then ", entries.Select(e => $"{e.Action} by {e.Actor}"));
}
