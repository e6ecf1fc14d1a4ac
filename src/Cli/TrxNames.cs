using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PadUat.Cli;

/// <summary>
/// `paduat trx-names <file.trx>`: names each outline row in the TRX file with its example values, as the report does —
/// xUnit writes the outline's title with its "&lt;placeholders&gt;" and the values only in a suffix.
/// </summary>
public static partial class TrxNames
{
    public static int Rewrite(string path)
    {
        if (!File.Exists(path)) throw new ArgumentException($"{path}: no such TRX file");
        XDocument trx;
        try { trx = XDocument.Load(path); }
        catch (System.Xml.XmlException e) { throw new InvalidOperationException($"{path}: not a TRX file — {e.Message}"); }
        var changed = 0;
        foreach (var attribute in trx.Descendants().SelectMany(e => e.Attributes()).Where(a => a.Name.LocalName is "testName" or "name"))
        {
            var named = Substitute(attribute.Value);
            if (named == attribute.Value) continue;
            attribute.Value = named;
            changed++;
        }
        trx.Save(path);
        Console.WriteLine($"{path}: {changed} outline row name(s) given their example values");
        return 0;
    }

    /// <summary>"An execution &lt;timing&gt; is …(timing: "a day", hours: "30")" → "An execution a day is …(timing: "a day", hours: "30")".</summary>
    public static string Substitute(string name)
    {
        var open = name.LastIndexOf('(');
        if (open < 0 || !name.Contains('<')) return name;
        var values = Argument().Matches(name[open..]).ToDictionary(m => m.Groups[1].Value, m => Regex.Unescape(m.Groups[2].Value));
        return Placeholder().Replace(name[..open], m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value) + name[open..];
    }

    [GeneratedRegex(@"(\w+): ""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Argument();

    [GeneratedRegex(@"<(\w+)>")]
    private static partial Regex Placeholder();
}
