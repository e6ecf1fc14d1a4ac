using System.Text;
using System.Text.Json;

namespace PadUat.Support.Allure;

/// <summary>
/// Writes Allure results into one folder: &lt;uuid&gt;-result.json per test, &lt;uuid&gt;-container.json for its set-up and
/// tear-down, one attachment file per reference, environment.properties and executor.json.
/// </summary>
public sealed class AllureResultsWriter
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // results are files, not HTML: keep "—" readable
    };

    public string Directory { get; }

    public AllureResultsWriter(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
    }

    public string NewUuid() => Guid.NewGuid().ToString();

    /// <summary>Writes an attachment file and returns the reference to put on a step or test.</summary>
    public Attachment Attach(string name, string mimeType, byte[] content)
    {
        var source = $"{NewUuid()}-attachment{Extension(mimeType)}";
        File.WriteAllBytes(Path.Combine(Directory, source), content);
        return new Attachment(name, source, mimeType);
    }

    public Attachment Attach(string name, string mimeType, string content) => Attach(name, mimeType, Encoding.UTF8.GetBytes(content));

    public void Write(TestResult result) =>
        File.WriteAllText(Path.Combine(Directory, $"{result.Uuid}-result.json"), JsonSerializer.Serialize(result, Json));

    public void WriteContainer(TestResultContainer container) =>
        File.WriteAllText(Path.Combine(Directory, $"{container.Uuid}-container.json"), JsonSerializer.Serialize(container, Json));

    public void WriteEnvironment(IEnumerable<KeyValuePair<string, string>> properties) =>
        File.WriteAllLines(Path.Combine(Directory, "environment.properties"),
            properties.Select(p => $"{Key(p.Key)}={Value(p.Value)}"));

    public void WriteExecutor(ExecutorInfo executor) =>
        File.WriteAllText(Path.Combine(Directory, "executor.json"), JsonSerializer.Serialize(executor, Json));

    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static string Extension(string mimeType) => mimeType switch
    {
        "application/json" => ".json",
        "text/plain" => ".txt",
        "text/csv" => ".csv",
        "text/html" => ".html",
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "application/zip" => ".zip",
        _ => ".bin",
    };

    // .properties: keys are written without spaces or separators (Allure 3 does not honour escapes in keys); values only need newlines escaped.
    private static string Key(string s) => s.Contains(' ') || s.Contains('=') || s.Contains(':')
        ? throw new ArgumentException($"environment key '{s}' must not contain spaces, '=' or ':'") : s;

    private static string Value(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
