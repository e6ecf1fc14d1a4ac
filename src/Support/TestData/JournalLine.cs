using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace PadUat.Support.TestData;

/// <summary>
/// A line of the journal: a run began or ended, is about to create rows of a kind, created a row, or cleaned up a scope
/// (one scenario's rows). Every line names the run and the target it was written for, and carries a seal.
/// </summary>
public sealed record JournalEntry(string Run, string Kind, DateTime AtUtc, string Target, int Scope = 0, string? Table = null, long? Id = null,
    int? ActorId = null, DateTime? Since = null, string? Detail = null);

/// <summary>A line read back and trusted: sealed with this machine's key, for this target, well formed.</summary>
public sealed record JournalLine(int Number, JournalEntry Entry);

public static class JournalKinds
{
    public const string RunStarted = "run-started", RunEnded = "run-ended", RunLeft = "run-left", Reaped = "reaped";
    public const string RequestsBy = "requests-by", RefusalsBy = "refusals-by", Restricts = "restricts", Created = "created", Cleaned = "cleaned";
}

/// <summary>
/// Turns journal lines to text and back. Reading is strict: a line that is cut short, not sealed with this machine's
/// key, written for another target or other test people, of an unknown kind or missing what its kind needs is not
/// trusted — it is named with why, and never acted on.
/// </summary>
public static partial class JournalCodec
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(JournalEntry entry, JournalKey key)
    {
        var body = JsonSerializer.Serialize(entry, Json);
        return $"{body[..^1]},\"seal\":\"{key.Seal(body)}\"}}";
    }

    /// <summary>The trusted lines, and why each other line is not.</summary>
    public static (IReadOnlyList<JournalLine> Trusted, IReadOnlyList<string> Refused) Read(IEnumerable<string> lines, JournalKey key, string target)
    {
        var trusted = new List<JournalLine>();
        var refused = new List<string>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Length == 0) continue;
            if (Problem(line, key, target, out var entry) is { } why) refused.Add($"line {number}: {why}");
            else trusted.Add(new JournalLine(number, entry!));
        }
        return (trusted, refused);
    }

    private static string? Problem(string line, JournalKey key, string target, out JournalEntry? entry)
    {
        entry = null;
        var sealAt = SealSuffix().Match(line);
        if (!sealAt.Success) return "cut short or not sealed (a run killed while writing it, or an edit)";
        var body = line[..sealAt.Index] + "}";
        if (!key.Verifies(body, sealAt.Groups[1].Value)) return "its seal does not match (edited, forged, or written with another machine's journal key)";
        try { entry = JsonSerializer.Deserialize<JournalEntry>(body, Json); }
        catch (JsonException e) { return $"not a journal line ({e.Message})"; }
        if (entry is null) return "empty";
        if (entry.Target != target) return $"written for another target or other test people (target {entry.Target}, this run's {target})";
        return Missing(entry) is { } missing ? $"a '{entry.Kind}' line without {missing}" : null;
    }

    private static string? Missing(JournalEntry e)
    {
        if (!RunName().IsMatch(e.Run ?? "")) return "a run id";
        var scoped = e.Scope > 0 ? null : "a scope";
        return e.Kind switch
        {
            JournalKinds.RunStarted => e.Since is null ? "the database time it started" : null,
            JournalKinds.RunEnded or JournalKinds.RunLeft or JournalKinds.Reaped => null,
            JournalKinds.RequestsBy or JournalKinds.RefusalsBy => scoped ?? (e.ActorId is null ? "a person" : e.Since is null ? "a start time" : null),
            JournalKinds.Restricts => scoped ?? (e.ActorId is null ? "a person" : e.Since is null ? "a start time" : string.IsNullOrEmpty(e.Detail) ? "a ticker" : null),
            JournalKinds.Created => scoped ?? (e.Table is null || !JournalTables.IsKnown(e.Table)
                ? $"a table the harness creates rows in ({string.Join(", ", JournalTables.All)}; it names '{e.Table}')"
                : e.Id is null or <= 0 ? "a row id" : null),
            JournalKinds.Cleaned => scoped,
            _ => $"a known kind ('{e.Kind}' is not one)",
        };
    }

    [GeneratedRegex(@",""seal"":""([0-9a-f]{64})""\}$")]
    private static partial Regex SealSuffix();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9-]{0,63}$")]
    private static partial Regex RunName();
}
