using System.Text.RegularExpressions;

namespace PadUat.Support.SignOff;

/// <summary>One line of an allowed-signers file: who (principals), for what (namespaces; null: any), with which key.</summary>
public sealed record AllowedSigner(IReadOnlyList<string> Principals, IReadOnlyList<string>? Namespaces, string Key);

/// <summary>
/// Who may sign, in ssh-keygen's allowed-signers format (`principals [namespaces="…"] key-type key`). The repository's
/// env/allowed_signers is reviewed like code, so only it can make a release sign-off: people sign with keys limited to
/// <see cref="SshSignature.SignOffNamespace"/>, the nightly seals with a key limited to <see cref="SshSignature.SealNamespace"/>
/// alone, so neither can stand in for the other. Another file (PAD_ALLOWED_SIGNERS: a rehearsal's throwaway keys) signs
/// rehearsals only.
/// </summary>
public sealed partial class AllowedSigners
{
    public const string Variable = "PAD_ALLOWED_SIGNERS";

    public string Path { get; }
    /// <summary>The repository's own file: the only one a release sign-off is checked against.</summary>
    public bool TrustedForRelease { get; }
    public IReadOnlyList<AllowedSigner> Entries { get; }

    private AllowedSigners(string path, bool trusted, IReadOnlyList<AllowedSigner> entries) { Path = path; TrustedForRelease = trusted; Entries = entries; }

    public static string RepoFile(string repoRoot) => System.IO.Path.Combine(repoRoot, "env", "allowed_signers");

    /// <summary>For the CLI: PAD_ALLOWED_SIGNERS when set (rehearsals only), else the repository's env/allowed_signers.</summary>
    public static AllowedSigners For(string repoRoot) =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } other && System.IO.Path.GetFullPath(other) != System.IO.Path.GetFullPath(RepoFile(repoRoot))
            ? Load(other, trustedForRelease: false)
            : Load(RepoFile(repoRoot), trustedForRelease: true);

    public static AllowedSigners Load(string path, bool trustedForRelease)
    {
        // A missing file allows no one; checking a signature against it says so.
        var entries = !File.Exists(path) ? [] : File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(Parse).OfType<AllowedSigner>().ToList();
        return new AllowedSigners(path, trustedForRelease, entries);
    }

    /// <summary>Whether <paramref name="principal"/> is listed for the seal alone: the pipeline, never a person.</summary>
    public bool IsPipeline(string principal) => Entries.Any(e => e.Principals.Contains(principal) && e.Namespaces is [SshSignature.SealNamespace]);

    public string Name => TrustedForRelease ? "env/allowed_signers" : Path;

    private static AllowedSigner? Parse(string line)
    {
        var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 3) return null;
        var options = KeyType().IsMatch(tokens[1]) ? null : tokens[1];
        var key = options is null ? tokens[2] : tokens.Length > 3 ? tokens[3] : null;
        if (key is null) return null;
        var namespaces = options is not null && Namespaces().Match(options) is { Success: true } m
            ? m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null;
        return new AllowedSigner(tokens[0].Split(','), namespaces, key);
    }

    [GeneratedRegex(@"^(ssh-|ecdsa-|sk-)")]
    private static partial Regex KeyType();

    [GeneratedRegex(@"namespaces=""([^""]*)""")]
    private static partial Regex Namespaces();
}
