namespace PadUat.Support.SignOff;

/// <summary>Whether a run is sealed: not at all, by the pipeline (who, which pipeline run), or with a seal that does not hold.</summary>
public sealed record SealState(SealKind Kind, string? Pipeline, string Says)
{
    public bool Sealed => Kind == SealKind.Sealed;
}

public enum SealKind { None, Sealed, Broken }

/// <summary>
/// The nightly's seal over a run's manifest: `ssh-keygen -Y sign` in namespace <see cref="SshSignature.SealNamespace"/>
/// with a key only the pipeline holds (a CI secret), listed in env/allowed_signers for that namespace alone — so it
/// verifies offline, and no person's key can make one. A run without it can be signed off as a rehearsal only.
/// </summary>
public static class RunSeal
{
    public static string PathFor(string resultsDir) => RunManifest.PathFor(resultsDir) + ".sig";

    public static void Seal(string resultsDir, string pipelineKey)
    {
        var manifest = RunManifest.PathFor(resultsDir);
        if (!File.Exists(manifest)) throw new ArgumentException($"{manifest}: no run manifest to seal (./uat writes it when a run or a merge ends)");
        File.WriteAllText(PathFor(resultsDir), SshSignature.Sign(File.ReadAllBytes(manifest), pipelineKey, SshSignature.SealNamespace, "--key"));
    }

    public static SealState Check(string resultsDir, AllowedSigners signers)
    {
        var seal = PathFor(resultsDir);
        var manifest = RunManifest.PathFor(resultsDir);
        if (!File.Exists(seal)) return new(SealKind.None, null, "not sealed by the CI (the run did not end in the nightly pipeline)");
        if (!File.Exists(manifest)) return new(SealKind.Broken, null, "a seal without the manifest it sealed");
        var (principal, says) = SshSignature.Verify(File.ReadAllBytes(manifest), File.ReadAllText(seal), signers.Path, SshSignature.SealNamespace);
        if (principal is null) return new(SealKind.Broken, null, $"the seal does not hold: {says}");
        if (!signers.IsPipeline(principal))
            return new(SealKind.Broken, principal, $"sealed by {principal}, whom {signers.Name} does not list as the pipeline (namespaces=\"{SshSignature.SealNamespace}\" alone)");
        return new(SealKind.Sealed, principal, $"sealed by the pipeline {principal}");
    }
}
