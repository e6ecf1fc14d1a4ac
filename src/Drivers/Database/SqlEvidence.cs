using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace PadUat.Drivers.Database;

/// <summary>A query, its parameters and its rows as a plain-text table a product owner can read in the report.</summary>
public static class SqlEvidence
{
    private const int MaxRows = 200;

    public static string Render<T>(string sql, object? args, IReadOnlyList<T> rows)
    {
        var text = new StringBuilder().AppendLine(sql.Trim());
        if (args is not null)
        {
            text.AppendLine().Append("-- parameters: ");
            text.AppendLine(string.Join(", ", args.GetType().GetProperties().Select(p => $"{p.Name} = {Format(p.GetValue(args))}")));
        }
        text.AppendLine().AppendLine($"-- {rows.Count} row(s)");
        if (rows.Count == 0) return text.ToString();

        var (headers, cells) = Tabulate(rows.Take(MaxRows));
        var widths = headers.Select((h, i) => Math.Max(h.Length, cells.Select(c => c[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        text.AppendLine(string.Join(" | ", headers.Select((h, i) => h.PadRight(widths[i]))));
        text.AppendLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in cells) text.AppendLine(string.Join(" | ", row.Select((c, i) => c.PadRight(widths[i]))));
        if (rows.Count > MaxRows) text.AppendLine($"-- … {rows.Count - MaxRows} more");
        return text.ToString();
    }

    private static (string[] Headers, List<string[]> Cells) Tabulate<T>(IEnumerable<T> rows)
    {
        var type = typeof(T);
        if (type.IsPrimitive || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime))
            return (["value"], rows.Select(r => new[] { Format(r) }).ToList());
        var props = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        return (props.Select(p => p.Name).ToArray(), rows.Select(r => props.Select(p => Format(p.GetValue(r))).ToArray()).ToList());
    }

    private static string Format(object? value) => value switch
    {
        null => "NULL",
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        // As PostgreSQL would write the interval, not .NET's "2.12:00:00".
        TimeSpan t => t.TotalHours == Math.Floor(t.TotalHours) ? $"{t.TotalHours:0} hours" : $"{t.TotalMinutes:0.#} minutes",
        double x => Math.Round(x, 2).ToString(CultureInfo.InvariantCulture),
        string s => s.Replace('\n', ' '),
        IEnumerable e and not string => "[" + string.Join(", ", e.Cast<object>().Select(Format)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
