using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using PadUat.Support.Evidence;

namespace PadUat.Drivers.Dashboard;

/// <summary>
/// A Playwright trace as recorded carries the person's live dashboard session: the context's storage state and every
/// request's Cookie header (trace.trace, trace.network). Playwright has no option to leave them out, so the trace is
/// rewritten before it reaches the report: credential headers, stored cookies and storage state become "[redacted]",
/// and any token-shaped text with them. What the person saw and did (DOM snapshots, URLs, other headers) is kept.
/// </summary>
public static class TraceRedaction
{
    public static byte[] Redact(byte[] traceZip)
    {
        using var input = new ZipArchive(new MemoryStream(traceZip), ZipArchiveMode.Read);
        var output = new MemoryStream();
        using (var redacted = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in input.Entries)
            {
                using var from = entry.Open();
                using var to = redacted.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                if (entry.FullName.EndsWith(".trace", StringComparison.Ordinal) || entry.FullName.EndsWith(".network", StringComparison.Ordinal))
                {
                    using var reader = new StreamReader(from, Encoding.UTF8);
                    var text = new StringBuilder();
                    while (reader.ReadLine() is { } line) text.Append(RedactLine(line)).Append('\n');
                    to.Write(Encoding.UTF8.GetBytes(text.ToString()));
                }
                else from.CopyTo(to);
            }
        return output.ToArray();
    }

    /// <summary>One event of the trace (a JSON line); a line that is not JSON has only its token-shaped text redacted.</summary>
    public static string RedactLine(string line)
    {
        JsonNode? node;
        try { node = JsonNode.Parse(line); }
        catch (System.Text.Json.JsonException) { return CredentialShapes.Token().Replace(line, CredentialShapes.Redacted); }
        if (node is null) return line;
        Walk(node);
        return CredentialShapes.Token().Replace(node.ToJsonString(), CredentialShapes.Redacted);
    }

    private static void Walk(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["name"] is JsonValue name && name.TryGetValue<string>(out var header) && CredentialShapes.SecretHeaders.Contains(header) && obj.ContainsKey("value"))
                    obj["value"] = CredentialShapes.Redacted;
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (key is "storageState") obj[key] = CredentialShapes.Redacted;
                    else if (key is "cookies" && obj[key] is JsonArray) obj[key] = new JsonArray();
                    else if (obj[key] is { } child) Walk(child);
                }
                break;
            case JsonArray array:
                foreach (var child in array) if (child is not null) Walk(child);
                break;
        }
    }
}
