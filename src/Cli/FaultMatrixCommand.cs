using System.Diagnostics;
using PadUat.Support.Features;
using PadUat.Support.SignOff;

namespace PadUat.Cli;

/// <summary>
/// `paduat fault-matrix --features &lt;csproj&gt; --out &lt;dir&gt;`: for each row of features/fault-matrix.tsv, the scenarios that
/// exist to catch the fault run against the sandbox with it injected (their results under &lt;dir&gt;/&lt;fault&gt;), and each tag's
/// verdict is read from those results. Prints the matrix and one summary line; exit 0 only when every fault is caught.
/// </summary>
public static class FaultMatrixCommand
{
    public static async Task<int> RunAsync(string root, IReadOnlyDictionary<string, string> options)
    {
        var project = options.GetValueOrDefault("features") ?? throw new ArgumentException("--features: the step definitions' project");
        // Absolute: the test host runs from its own folder, where a relative results folder would land.
        var outDir = Path.GetFullPath(options.GetValueOrDefault("out") ?? throw new ArgumentException("--out: the folder for each fault's results"));
        var configuration = options.GetValueOrDefault("configuration", "Release");
        var rows = FaultMatrix.Read(Path.Combine(root, "features", "fault-matrix.tsv"));
        Console.Error.WriteLine($"{"FAULT",-30} {"MUST TURN RED",-26} RESULT");
        var caught = 0;
        foreach (var row in rows)
        {
            var dir = Path.Combine(outDir, row.Fault);
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); // another run's results would be judged as this one's
            await RunScenariosAsync(project, configuration, row, dir, $"{dir}.log");
            var results = Directory.Exists(dir) && Directory.EnumerateFiles(dir, "*-result.json").Any() ? RunResults.Load(dir).Tests : [];
            var verdicts = row.Tags.Select(t => FaultVerdict.Of(results, t)).ToList();
            if (verdicts.All(v => v.Caught)) caught++;
            Console.Error.WriteLine($"{row.Fault,-30} {string.Join(',', row.Tags),-26} {string.Join("; ", verdicts)}");
        }
        Console.Error.WriteLine($"fault matrix: {caught} of {rows.Count} faults caught by their scenarios");
        return caught == rows.Count ? 0 : 1;
    }

    private static async Task RunScenariosAsync(string project, string configuration, FaultRow row, string resultsDir, string log)
    {
        var start = new ProcessStartInfo("dotnet", ["test", project, "-c", configuration, "--no-build", "--nologo", "--filter", FaultMatrix.Filter(row)])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["PAD_SANDBOX_FAULTS"] = row.Fault;
        start.Environment["ALLURE_RESULTS_DIR"] = resultsDir;
        using var test = Process.Start(start)!;
        var output = test.StandardOutput.ReadToEndAsync();
        var errors = test.StandardError.ReadToEndAsync();
        await test.WaitForExitAsync();
        await File.WriteAllTextAsync(log, await output + await errors);
    }
}
