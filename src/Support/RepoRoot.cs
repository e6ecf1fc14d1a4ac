namespace PadUat.Support;

/// <summary>The checkout the run belongs to: env/ and features/ are read from it, reports/ written into it.</summary>
public static class RepoRoot
{
    public static string Find(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PadUat.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"PadUat.sln not found above {start ?? AppContext.BaseDirectory}");
    }

    /// <summary>
    /// Where this test session writes its results: ALLURE_RESULTS_DIR, or reports/allure-results. "{process}" in it becomes the
    /// test host's process id, for sessions started side by side with one environment (./uat mutate's concurrent test runners).
    /// </summary>
    public static string AllureResults(string root) =>
        // A relative folder is the repository's (where the user typed it), not the test host's working folder under bin/.
        Environment.GetEnvironmentVariable("ALLURE_RESULTS_DIR") is { Length: > 0 } dir
            ? Path.GetFullPath(dir.Replace(ProcessToken, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)), root)
            : Path.Combine(root, "reports", "allure-results");

    private const string ProcessToken = "{process}";
}
