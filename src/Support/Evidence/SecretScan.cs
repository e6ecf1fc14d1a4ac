using System.IO.Compression;
using System.Text;

namespace PadUat.Support.Evidence;

/// <summary>One place a credential was found: the file (and the entry inside a zip) and what kind — never the value.</summary>
public sealed record SecretFinding(string Where, string What);

/// <summary>
/// Looks through artefacts — files, and the entries of every zip among them (Playwright traces, attachments) — for the
/// values of exported secrets and for anything shaped like a credential (<see cref="CredentialShapes"/>).
/// </summary>
public static class SecretScan
{
    public sealed record Outcome(int Files, int Zips, IReadOnlyList<SecretFinding> Findings);

    public static Outcome Scan(IEnumerable<string> paths, IReadOnlyCollection<string> secretValues)
    {
        var findings = new List<SecretFinding>();
        int files = 0, zips = 0;
        // A *.lock file holds a pid and a host, and is held locked by a run under way (./uat's own lock, while this scan runs).
        foreach (var file in paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : File.Exists(p) ? [p] : [])
                     .Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)))
        {
            files++;
            var bytes = File.ReadAllBytes(file);
            if (IsZip(bytes))
            {
                zips++;
                using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
                foreach (var entry in zip.Entries)
                {
                    using var stream = entry.Open();
                    using var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    findings.AddRange(Look($"{file}!{entry.FullName}", copy.ToArray(), secretValues));
                }
            }
            else findings.AddRange(Look(file, bytes, secretValues));
        }
        return new Outcome(files, zips, findings);
    }

    private static IEnumerable<SecretFinding> Look(string where, byte[] content, IReadOnlyCollection<string> secretValues)
    {
        var text = Encoding.UTF8.GetString(content);
        if (secretValues.Any(v => v.Length >= 6 && text.Contains(v, StringComparison.Ordinal))) yield return new(where, "the value of an exported secret");
        if (CredentialShapes.Token().IsMatch(text)) yield return new(where, "a token (xox…-, xapp-, bearer)");
        if (CredentialShapes.CarriedCredential().IsMatch(text)) yield return new(where, "a cookie, authorization header or stored cookies");
    }

    private static bool IsZip(byte[] bytes) => bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
}
