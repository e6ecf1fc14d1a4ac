using System.Text;
using System.Text.Json;
using PadUat.Support.Allure;

namespace PadUat.Support.SignOff;

/// <summary>
/// One run's Allure results as written by the harness: its tests and its environment.
/// </summary>
public sealed class RunResults
{
    public string Directory { get; }
    public IReadOnlyList<TestResult> Tests { get; }
    public IReadOnlyDictionary<string, string> Environment { get; }

    private RunResults(string directory, IReadOnlyList<TestResult> tests, IReadOnlyDictionary<string, string> environment)
    {
        Directory = directory; Tests = tests; Environment = environment;
    }

    /// <summary>This run's id (environment Run.id), which a sign-off is bound to.</summary>
    public string RunId => Environment.GetValueOrDefault("Run.id", "");

    /// <summary>
    /// Whether the run was against the stand-in (sandbox/), not the real system: a local run, or a deployed target whose
    /// /version says it is the stand-in. Never a release, and shown as such wherever the run is.
    /// </summary>
    public bool IsStandIn => Environment.GetValueOrDefault("APP_ENV") == "local"
        || Environment.GetValueOrDefault("SUT.version", "").Contains("pa-dealing-sandbox", StringComparison.Ordinal);

    /// <summary>
    /// The run's results. A file that is not an Allure result ends in one line naming it and what is wrong — never
    /// a stack trace — so a corrupted or hand-edited folder is reported, not half-read.
    /// </summary>
    public static RunResults Load(string directory)
    {
        if (!System.IO.Directory.Exists(directory) || !System.IO.Directory.EnumerateFiles(directory, "*-result.json").Any())
            throw new InvalidOperationException($"{directory} holds no Allure results: no run has written any (run ./uat first, or see its output for why it stopped).");
        var tests = System.IO.Directory.EnumerateFiles(directory, "*-result.json")
            .Order(StringComparer.Ordinal)
            .Select(ReadResult)
            .ToList();
        var envFile = Path.Combine(directory, "environment.properties");
        var environment = File.Exists(envFile) ? ParseProperties(File.ReadAllLines(envFile)) : new Dictionary<string, string>();
        return new RunResults(directory, tests, environment);
    }

    private static TestResult ReadResult(string file)
    {
        TestResult? result;
        try { result = JsonSerializer.Deserialize<TestResult>(File.ReadAllText(file), AllureResultsWriter.Json); }
        catch (JsonException e) { throw new InvalidOperationException($"{file}: not an Allure result — {e.Message.Split('.')[0]}"); }
        if (result is null) throw new InvalidOperationException($"{file}: holds null, not an Allure result");
        if (string.IsNullOrEmpty(result.Status) || string.IsNullOrEmpty(result.TestCaseId))
            throw new InvalidOperationException($"{file}: an Allure result without a status or testCaseId");
        return result;
    }

    /// <summary>The result of one test the features define: same test case, same example values.</summary>
    public TestResult? Find(Features.ExpectedTest test) => Tests.FirstOrDefault(t => IsResultOf(t, test));

    /// <summary>Whether a result is of a test the features define: the same test case, the same example values.</summary>
    public static bool IsResultOf(TestResult result, Features.ExpectedTest test) => result.TestCaseId == test.TestCaseId
        && result.Parameters.Select(p => (p.Name, p.Value)).SequenceEqual(test.Arguments.Select(a => (a.Key, a.Value)));

    /// <summary>One test of a run, whatever its uuid: its test case and example values. A run holds each once.</summary>
    public static string Identity(TestResult t) => $"{t.TestCaseId} {string.Join(", ", t.Parameters.Select(p => $"{p.Name}={p.Value}"))}";

    public static string Label(TestResult test, string name) => test.Labels.FirstOrDefault(l => l.Name == name)?.Value ?? "";

    public static IEnumerable<string> Tags(TestResult test) => test.Labels.Where(l => l.Name == "tag").Select(l => l.Value);

    private static Dictionary<string, string> ParseProperties(IEnumerable<string> lines)
    {
        var result = new Dictionary<string, string>();
        foreach (var line in lines.Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var key = new StringBuilder();
            var i = 0;
            for (; i < line.Length && line[i] != '='; i++)
            {
                if (line[i] == '\\' && i + 1 < line.Length) i++;
                key.Append(line[i]);
            }
            result[key.ToString()] = i < line.Length ? line[(i + 1)..].Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal) : "";
        }
        return result;
    }
}
