using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PadUat.Support.Allure;

namespace PadUat.Support.SignOff;

/// <summary>One sign-off in the log: which record, and the hash of the entry before it.</summary>
public sealed record SignOffLogEntry(int Seq, string RunId, string SignedBy, DateTime SignedAtUtc, string RecordSha256, string Prev, string EntrySha256)
{
    public static string Hash(int seq, string runId, string signedBy, DateTime at, string recordSha256, string prev) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{seq}|{runId}|{signedBy}|{at:O}|{recordSha256}|{prev}")));
}

/// <summary>
/// Every sign-off ever made here, appended to reports/signoff/log.jsonl; each entry carries the hash of the one
/// before, so a sign-off removed, edited or moved breaks the chain and shows.
/// </summary>
public static class SignOffLog
{
    public const string File = "log.jsonl";
    private const string Genesis = "genesis";
    private static readonly JsonSerializerOptions OneLine = new(AllureResultsWriter.Json) { WriteIndented = false };

    public static SignOffLogEntry Append(string signOffDir, SignOffRecord record)
    {
        var (entries, problem) = Read(signOffDir);
        if (problem is not null) throw new InvalidOperationException($"{Path.Combine(signOffDir, File)}: {problem} — a sign-off is not added to a broken log");
        var seq = entries.Count + 1;
        var prev = entries.Count == 0 ? Genesis : entries[^1].EntrySha256;
        var entry = new SignOffLogEntry(seq, record.RunId, record.SignedBy, record.SignedAtUtc, record.RecordSha256, prev,
            SignOffLogEntry.Hash(seq, record.RunId, record.SignedBy, record.SignedAtUtc, record.RecordSha256, prev));
        Directory.CreateDirectory(signOffDir);
        System.IO.File.AppendAllText(Path.Combine(signOffDir, File), JsonSerializer.Serialize(entry, OneLine) + "\n");
        return entry;
    }

    /// <summary>The entries, and what is wrong with the chain (null when intact).</summary>
    public static (IReadOnlyList<SignOffLogEntry> Entries, string? Problem) Read(string signOffDir)
    {
        var path = Path.Combine(signOffDir, File);
        var entries = new List<SignOffLogEntry>();
        if (!System.IO.File.Exists(path)) return (entries, null);
        var lines = System.IO.File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            SignOffLogEntry? entry;
            try { entry = JsonSerializer.Deserialize<SignOffLogEntry>(lines[i], AllureResultsWriter.Json); }
            catch (JsonException) { entry = null; }
            if (entry is null) return (entries, $"line {i + 1} is not a sign-off log entry");
            var prev = entries.Count == 0 ? Genesis : entries[^1].EntrySha256;
            if (entry.Seq != entries.Count + 1 || entry.Prev != prev)
                return (entries, $"the chain breaks at line {i + 1}: a sign-off before it was removed, moved or edited");
            if (entry.EntrySha256 != SignOffLogEntry.Hash(entry.Seq, entry.RunId, entry.SignedBy, entry.SignedAtUtc, entry.RecordSha256, entry.Prev))
                return (entries, $"line {i + 1} was edited after it was written");
            entries.Add(entry);
        }
        return (entries, null);
    }
}
