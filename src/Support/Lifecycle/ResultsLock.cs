namespace PadUat.Support.Lifecycle;

/// <summary>
/// One run per results folder: a second run started in the same checkout would empty the first run's
/// allure-results and write its own broken results into them (a green run read "9 passed, 1 broken of 10"). The lock
/// is an exclusive lock on a file beside the folder, taken before anything in it is touched and released by the
/// operating system when the process ends, however it ends.
/// </summary>
public sealed class ResultsLock : IDisposable
{
    private readonly FileStream _file;

    private ResultsLock(FileStream file) => _file = file;

    public static ResultsLock Acquire(string resultsDir)
    {
        var path = Path.GetFullPath(resultsDir).TrimEnd(Path.DirectorySeparatorChar) + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            file.SetLength(0);
            file.Write(System.Text.Encoding.UTF8.GetBytes($"pid {Environment.ProcessId} on {Environment.MachineName} since {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC\n"));
            file.Flush();
            return new ResultsLock(file);
        }
        catch (IOException)
        {
            var holder = "another process";
            try { holder = File.ReadAllText(path).Trim() is { Length: > 0 } text ? text : holder; } catch (IOException) { }
            throw new UnreachableTargetError(
                $"Another UAT run in this checkout is writing {resultsDir} ({holder}): this run stops before touching it. " +
                "Wait for that run to end, or give this one its own folder with ALLURE_RESULTS_DIR.");
        }
    }

    public void Dispose() => _file.Dispose();
}
