using System.Diagnostics;

namespace PadUat.Support.SignOff;

/// <summary>
/// The signer's SSH signature over the record, made and checked the way git signs commits: `ssh-keygen -Y sign`
/// with their key, `ssh-keygen -Y verify` against an allowed-signers file (env/allowed_signers) naming who may sign.
/// </summary>
public static class SshSignature
{
    public const string Namespace = "paduat-signoff";

    public static string Sign(byte[] data, string privateKey)
    {
        if (!File.Exists(privateKey)) throw new ArgumentException($"--ssh-key: {privateKey} does not exist");
        var dir = Directory.CreateTempSubdirectory("paduat-sign-");
        try
        {
            var file = Path.Combine(dir.FullName, "record");
            File.WriteAllBytes(file, data);
            var (code, _, error) = Run(["-Y", "sign", "-f", privateKey, "-n", Namespace, file], null);
            if (code != 0) throw new ArgumentException($"--ssh-key: ssh-keygen could not sign with {privateKey}: {error.Trim()}");
            return File.ReadAllText(file + ".sig");
        }
        finally { dir.Delete(recursive: true); }
    }

    /// <summary>Who signed (the principal allowed-signers names for the key), or why the signature does not hold.</summary>
    public static (bool Valid, string Says) Verify(byte[] data, string signature, string allowedSigners)
    {
        if (!File.Exists(allowedSigners)) return (false, $"cannot check the SSH signature: {allowedSigners} does not exist");
        var dir = Directory.CreateTempSubdirectory("paduat-verify-");
        try
        {
            var sig = Path.Combine(dir.FullName, "record.sig");
            File.WriteAllText(sig, signature);
            var (found, principals, _) = Run(["-Y", "find-principals", "-s", sig, "-f", allowedSigners], null);
            var principal = principals.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            if (found != 0 || principal is null) return (false, $"SSH-signed with a key that {Path.GetFileName(allowedSigners)} does not allow");
            var (code, output, error) = Run(["-Y", "verify", "-f", allowedSigners, "-I", principal, "-n", Namespace, "-s", sig], data);
            return code == 0 ? (true, $"SSH-signed by {principal}, a key {Path.GetFileName(allowedSigners)} allows")
                : (false, $"the SSH signature of {principal} does not match the record ({(output + error).Trim()})");
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
