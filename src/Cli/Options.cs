namespace PadUat.Cli;

/// <summary>--name value pairs; an option given without a value, or twice, is an error.</summary>
public static class Options
{
    public static IReadOnlyDictionary<string, string> Parse(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Expected an option, got '{args[i]}'");
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"{args[i]} needs a value");
            if (!options.TryAdd(args[i][2..], args[i + 1])) throw new ArgumentException($"{args[i]} given twice");
        }
        return options;
    }
}
