namespace PadSandbox.Hosting;

/// <summary>
/// A file another program polls for (./uat waits for the env file, the secrets, the description): written aside and renamed
/// into place, so the reader never sees half of it — once, a secrets file read between two writes held only a byte-order mark.
/// </summary>
public static class WholeFile
{
    /// <param name="ownerOnly">Readable by its owner only, from before the text is in it (secrets).</param>
    public static void Write(string path, string text, bool ownerOnly = false)
    {
        var aside = path + ".tmp";
        if (ownerOnly)
        {
            File.WriteAllText(aside, "");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(aside, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.WriteAllText(aside, text);
        File.Move(aside, path, overwrite: true);
    }
}
