using System.Reflection;

namespace PadSandbox.Database;

/// <summary>The SQL files compiled into the sandbox, in name order per folder.</summary>
internal static class EmbeddedSql
{
    private static readonly Assembly Self = typeof(EmbeddedSql).Assembly;

    public static IEnumerable<(string Name, string Sql)> In(string folder)
    {
        var prefix = $"{Self.GetName().Name}.Database.{folder}.";
        foreach (var resource in Self.GetManifestResourceNames().Where(r => r.StartsWith(prefix, StringComparison.Ordinal)).Order())
        {
            using var reader = new StreamReader(Self.GetManifestResourceStream(resource)!);
            yield return (resource[prefix.Length..^4], reader.ReadToEnd());
        }
    }
}
