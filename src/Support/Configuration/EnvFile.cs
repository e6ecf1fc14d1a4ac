namespace PadUat.Support.Configuration;

/// <summary>Reads env/&lt;name&gt;.env: KEY=value lines, # comments, no quoting rules beyond trimming.</summary>
public static class EnvFile
{
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        if (!File.Exists(path)) throw new SettingsError($"APP_ENV: no settings file {path}");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNo = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var eq = line.IndexOf('=');
            if (eq <= 0) throw new SettingsError($"{Path.GetFileName(path)} line {lineNo}: expected KEY=value, got '{line}'");
            var value = line[(eq + 1)..].Trim();
            var comment = value.IndexOf(" #", StringComparison.Ordinal);
            values[line[..eq].Trim()] = (comment >= 0 ? value[..comment] : value).Trim();
        }
        return values;
    }
}
