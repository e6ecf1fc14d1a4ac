using System.Security.Cryptography;
using System.Text.Json;
using PadUat.Support.Allure;
using PadUat.Support.Lifecycle;

namespace PadUat.Support.SignOff;

/// <summary>One file of a run as it ended: its path beside the manifest and its SHA-256.</summary>
public sealed record ManifestFile(string Path, string Sha256);

/// <summary>The CI job that ran (and sealed) the run: its name and the page of that pipeline run.</summary>
public sealed record PipelineRun(string Name, string? Url);

/// <summary>
/// What a run was when it ended, written by ./uat once dotnet test has finished (run-manifest.json beside the results):
/// every result, attachment, environment file and TRX file by SHA-256, with the run id, target, system version and
/// harness commit. Signing and --verify hold the results to it, so a result edited, added or removed after the run shows;
/// the nightly seals it with the pipeline's key (<see cref="RunSeal"/>) so that not even the manifest can be rewritten.
/// </summary>
public sealed record RunManifest(string RunId, string Target, string Database, string SutVersion, string HarnessCommit, DateTime WrittenAtUtc,
    PipelineRun? Pipeline, IReadOnlyList<ManifestFile> Files)
{
    public const string FileName = "run-manifest.json";

    /// <summary>Beside the results folder: reports/run-manifest.json for reports/allure-results.</summary>
    public static string PathFor(string resultsDir) => Path.Combine(Folder(resultsDir), FileName);

    public static string Folder(string resultsDir) => Path.GetDirectoryName(Path.GetFullPath(resultsDir).TrimEnd(Path.DirectorySeparatorChar))!;

    /// <summary>The manifest of the run in <paramref name="resultsDir"/>, with the TRX files dotnet test wrote for it.</summary>
    /// <param name="pipeline">The CI job it ran in (<see cref="ThisPipeline"/>); null on a person's machine.</param>
    public static RunManifest Write(string resultsDir, IReadOnlyList<string> trxFiles, PipelineRun? pipeline, DateTime nowUtc)
    {
        var run = RunResults.Load(resultsDir);
        var folder = Folder(resultsDir);
        foreach (var trx in trxFiles)
        {
            if (!File.Exists(trx)) throw new ArgumentException($"{trx}: no such TRX file");
            if (!Path.GetFullPath(trx).StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new ArgumentException($"{trx}: a run's TRX file must lie beside its results, under {folder}");
        }
        var files = Directory.EnumerateFiles(resultsDir).Concat(trxFiles).Select(f => Path.GetFullPath(f)).Distinct().Order(StringComparer.Ordinal)
            .Select(f => new ManifestFile(Path.GetRelativePath(folder, f), Sha256Of(f))).ToList();
        var env = run.Environment;
        var manifest = new RunManifest(run.RunId, env.GetValueOrDefault("APP_ENV", ""), env.GetValueOrDefault("Database", ""), env.GetValueOrDefault("SUT.version", ""),
            env.GetValueOrDefault("Harness.commit", ""), nowUtc, pipeline, files);
        File.WriteAllText(PathFor(resultsDir), JsonSerializer.Serialize(manifest, AllureResultsWriter.Json));
        File.Delete(RunSeal.PathFor(resultsDir)); // a seal of an earlier manifest seals nothing of this one
        return manifest;
    }

    /// <summary>The run's manifest, or null where there is none; a file that is not one ends in one line naming it.</summary>
    public static RunManifest? Read(string resultsDir)
    {
        var path = PathFor(resultsDir);
        if (!File.Exists(path)) return null;
        RunManifest? manifest;
        try { manifest = JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(path), AllureResultsWriter.Json); }
        catch (JsonException e) { throw new InvalidOperationException($"{path}: not a run manifest — {e.Message.Split('.')[0]}"); }
        if (manifest?.Files is null || manifest.RunId is null) throw new InvalidOperationException($"{path}: not a run manifest — fields are missing");
        return manifest;
    }

    /// <summary>SHA-256 of the manifest file as written: what a sign-off binds to and the seal signs.</summary>
    public static string Sha256OfFile(string resultsDir) => Sha256Of(PathFor(resultsDir));

    public static string Sha256Of(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The CI job this runs in, as the report's executor names it; null on a person's machine.</summary>
    public static PipelineRun? ThisPipeline() => RunContext.Executor() is { Type: not "local" } e ? new PipelineRun($"{e.Name}: {e.BuildName}", e.BuildUrl) : null;
}
