using PadUat.Support.SignOff;

namespace PadUat.Tests;

/// <summary>
/// Throwaway SSH keys, made once for the test run, and the allowed-signers file that lists them as env/allowed_signers
/// would: Pat may sign off (namespace paduat-signoff), the pipeline may only seal (paduat-seal), Mallory is not listed.
/// </summary>
internal static class Signers
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var dir = Directory.CreateTempSubdirectory("paduat-keys-").FullName;
        foreach (var name in new[] { "pat", "mallory", "pipeline" }) Ssh.KeyGen(Path.Combine(dir, name));
        string Public(string name) => File.ReadAllText(Path.Combine(dir, $"{name}.pub")).Trim();
        File.WriteAllText(Path.Combine(dir, "allowed_signers"),
            $"pat.owner@firm.example namespaces=\"{SshSignature.SignOffNamespace}\" {Public("pat")}\n" +
            $"nightly-uat@ci.firm.example namespaces=\"{SshSignature.SealNamespace}\" {Public("pipeline")}\n");
        return dir;
    });

    public static string Pat => Path.Combine(Folder.Value, "pat");
    public static string Mallory => Path.Combine(Folder.Value, "mallory");
    public static string Pipeline => Path.Combine(Folder.Value, "pipeline");
    public const string PatPrincipal = "pat.owner@firm.example";
    public const string PipelinePrincipal = "nightly-uat@ci.firm.example";

    /// <summary>The file as the repository's: trusted for release sign-offs.</summary>
    public static AllowedSigners Reviewed => AllowedSigners.Load(Path.Combine(Folder.Value, "allowed_signers"), trustedForRelease: true);

    /// <summary>The same file given as PAD_ALLOWED_SIGNERS: rehearsals only.</summary>
    public static AllowedSigners Rehearsal => AllowedSigners.Load(Path.Combine(Folder.Value, "allowed_signers"), trustedForRelease: false);
}
