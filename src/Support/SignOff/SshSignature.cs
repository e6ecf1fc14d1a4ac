using System.Diagnostics;

namespace PadUat.Support.SignOff;

/// <summary>
/// The signer's SSH signature over the record, made and checked the way git signs commits: `ssh-keygen -Y sign`
/// with their key, `ssh-keygen -Y verify` against an allowed-signers file (env/allowed_signers) naming who may sign.
/// A namespace keeps a signature to its purpose: a person's sign-off is no seal, the pipeline's seal no sign-off.
/// </summary>
public static class SshSignature
{
    public const string SignOffNamespace = "paduat-signoff";
    public const string SealNamespace = "paduat-seal";

    public static string Sign(byte[] data, string privateKey, string ns, string option = "--ssh-key")
    {
        if (!File.Exists(privateKey)) throw new ArgumentException($"{option}: {privateKey} does not exist");
        var dir = Directory.CreateTempSubdirectory("paduat-sign-");
        try
        {
            var file = Path.Combine(dir.FullName, "record");
            File.WriteAllBytes(file, data);
            var (code, _, error) = Run(["-Y", "sign", "-f", privateKey, "-n", ns, file], null);
            if (code != 0) throw new ArgumentException($"{option}: ssh-keygen could not sign with {privateKey}: {error.Trim()}");
            return File.ReadAllText(file + ".sig");
        }
        finally { dir.Delete(recursive: true); }
    }

    /// <summary>Who signed (the principal allowed-signers names for the key), or null and why the signature does not hold.</summary>
    public static (string? Principal, string Says) Verify(byte[] data, string signature, string allowedSigners, string ns)
    {
        if (!File.Exists(allowedSigners)) return (null, $"cannot check the SSH signature: {allowedSigners} does not exist");
        var dir = Directory.CreateTempSubdirectory("paduat-verify-");
        try
        {
            var sig = Path.Combine(dir.FullName, "record.sig");
            File.WriteAllText(sig, signature);
            var (found, principals, _) = Run(["-Y", "find-principals", "-s", sig, "-f", allowedSigners], null);
            var principal = principals.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            if (found != 0 || principal is null) return (null, $"SSH-signed with a key that {Path.GetFileName(allowedSigners)} does not allow");
            var (code, output, error) = Run(["-Y", "verify", "-f", allowedSigners, "-I", principal, "-n", ns, "-s", sig], data);
            return code == 0 ? (principal, $"SSH-signed by {principal}, a key {Path.GetFileName(allowedSigners)} allows")
                : (null, $"the SSH signature of {principal} does not hold for what it signs, or {Path.GetFileName(allowedSigners)} does not allow that key for {ns} ({(output + error).Trim()})");
        }
        finally { dir.Delete(recursive: true); }
    }

    private static (int Code, string Output, string Error) Run(string[] args, byte[]? stdin)
    {
        var start = new ProcessStartInfo("ssh-keygen", args) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null };
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception) { throw new InvalidOperationException("ssh-keygen is not installed (Debian: apt-get install openssh-client)"); }
        using (process)
        {
            if (stdin is not null)
            {
                process.StandardInput.BaseStream.Write(stdin);
                process.StandardInput.Close();
            }
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(15_000)) { process.Kill(); return (-1, "", "ssh-keygen did not finish within 15 s"); }
            return (process.ExitCode, output.Result, error.Result);
        }
    }
}
