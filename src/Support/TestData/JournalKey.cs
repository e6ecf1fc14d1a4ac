using System.Security.Cryptography;
using System.Text;

namespace PadUat.Support.TestData;

/// <summary>
/// The key that seals each line of the clean-up journal (HMAC-SHA256), so a line edited, forged or copied from
/// elsewhere is refused rather than acted on. Kept outside reports/ (which is published and copied around):
/// PADUAT_JOURNAL_KEY from the environment (a CI secret, for agents whose home does not survive between nightlies),
/// otherwise a key file made once per machine, readable by its owner only.
/// </summary>
public sealed class JournalKey
{
    private readonly byte[] _key;

    private JournalKey(byte[] key) => _key = key;

    public static JournalKey FromBytes(byte[] key) => new(key);

    public static JournalKey Load() =>
        Environment.GetEnvironmentVariable("PADUAT_JOURNAL_KEY") is { Length: > 0 } secret
            ? secret.Length >= 32 ? new(Encoding.UTF8.GetBytes(secret))
                : throw new Configuration.SettingsError("PADUAT_JOURNAL_KEY: shorter than 32 characters (e.g. openssl rand -hex 32)")
            : FromFile(DefaultFile());

    /// <summary>$PADUAT_JOURNAL_KEY_FILE, else $XDG_CONFIG_HOME/paduat/journal.key (~/.config/paduat/journal.key).</summary>
    public static string DefaultFile() =>
        Environment.GetEnvironmentVariable("PADUAT_JOURNAL_KEY_FILE") is { Length: > 0 } file ? file
        : Path.Combine(Configuration.UserConfig.Dir, "journal.key");

    public static JournalKey FromFile(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var fresh = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            // Created with the owner's permissions only, and never replaced: another run may already have sealed lines with it.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            try
            {
                using var stream = new FileStream(path, options);
                stream.Write(Encoding.ASCII.GetBytes(fresh));
            }
            catch (IOException) when (File.Exists(path)) { /* made by a run starting at the same moment: use theirs */ }
        }
        var text = File.ReadAllText(path).Trim();
        return text.Length >= 32 ? new(Encoding.UTF8.GetBytes(text))
            : throw new Configuration.SettingsError($"PADUAT_JOURNAL_KEY_FILE: {path} holds no key (remove it and a new one is made)");
    }

    public string Seal(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));

    public bool Verifies(string text, string seal) =>
        seal.Length == 64 && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Seal(text)), Encoding.ASCII.GetBytes(seal));
}
