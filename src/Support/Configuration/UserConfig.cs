namespace PadUat.Support.Configuration;

/// <summary>
/// Where the harness keeps what must never be under reports/ (published, attached, copied between agents): the
/// journal's key and recorded dashboard sessions. $XDG_CONFIG_HOME/paduat, else ~/.config/paduat.
/// </summary>
public static class UserConfig
{
    public static string Dir =>
        Path.Combine(Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } config ? config
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config"), "paduat");
}
