using System.Text.RegularExpressions;
using PadUat.Support.Evidence;

namespace PadUat.Support.Contract;

/// <summary>A contract's text with {placeholders}: {name} is a value, {name:upper} and {name:lower} change its case.</summary>
public static partial class Template
{
    /// <summary><paramref name="template"/> filled in, each value passed through <paramref name="escape"/>; a placeholder with no value is the contract's error.</summary>
    public static string Fill(string template, IReadOnlyCollection<(string Name, string Value)> values, Func<string, string>? escape = null) =>
        Placeholder().Replace(template, m =>
        {
            var value = values.FirstOrDefault(v => v.Name == m.Groups["name"].Value).Value
                ?? throw new SetupError($"The contract's \"{template}\" names {{{m.Groups["name"].Value}}}, which is not known here (known: {string.Join(", ", values.Select(v => v.Name))})");
            var cased = m.Groups["case"].Value switch { "upper" => value.ToUpperInvariant(), "lower" => value.ToLowerInvariant(), _ => value };
            return escape is null ? cased : escape(cased);
        });

    [GeneratedRegex(@"\{(?<name>[a-z][A-Za-z]*)(?::(?<case>upper|lower))?\}")]
    private static partial Regex Placeholder();
}
