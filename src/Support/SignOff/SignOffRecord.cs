using System.Net;
using System.Text;

namespace PadUat.Support.SignOff;

/// <summary>Plan 5.12's sign-off, bound to one run by the SHA-256 of its results.</summary>
public sealed record SignOffRecord(
    string SignedBy,
    DateTime SignedAtUtc,
    string Notes,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<Criterion> Criteria,
    string? AcceptedWithExceptions,
    int TestCount,
    string ResultsSha256)
{
    public IReadOnlyList<Criterion> Exceptions => Criteria.Where(c => !c.Met).ToList();

    public string Verdict => Exceptions.Count == 0 ? "Signed off" : "Signed off with exceptions";

    /// <summary>A standalone page a product owner can open without the report; <paramref name="validity"/> says whether the run still matches.</summary>
    public string ToHtml(string validity)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append($$"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>UAT sign-off — PA dealing</title>
            <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#1d2330}td,th{padding:.35rem .6rem;border-bottom:1px solid #ddd;text-align:left}
            .met{color:#1b7f3b}.unmet{color:#b00020}.validity{padding:.6rem 1rem;border-radius:6px;background:#eef5ee}.invalid{background:#fde8e8}</style></head><body>
            <h1>UAT sign-off — PA dealing (plan 5.12)</h1>
            <p class="validity{{(validity.StartsWith("VALID", StringComparison.Ordinal) ? "" : " invalid")}}" data-testid="signoff-validity">{{E(validity)}}</p>
            <p><strong>{{E(Verdict)}}</strong> by <strong data-testid="signoff-by">{{E(SignedBy)}}</strong> on {{SignedAtUtc:yyyy-MM-dd HH:mm}} UTC</p>
            <p>Notes: {{E(Notes)}}</p>
            <h2>Checklist</h2><table><tr><th></th><th>Criterion</th><th>From the run</th></tr>
            """);
        foreach (var c in Criteria)
            html.Append($"<tr><td class=\"{(c.Met ? "met\">✔" : "unmet\">✘")}</td><td>{E(c.Name)}</td><td>{E(c.Detail)}</td></tr>");
        html.Append("</table>");
        if (AcceptedWithExceptions is not null)
            html.Append($"<h2>Accepted with exceptions</h2><p>{E(AcceptedWithExceptions)}</p><ul>{string.Concat(Exceptions.Select(c => $"<li>{E(c.Name)}: {E(c.Detail)}</li>"))}</ul>");
        html.Append("<h2>Run</h2><table>");
        foreach (var (k, v) in Environment) html.Append($"<tr><td>{E(k)}</td><td>{E(v)}</td></tr>");
        html.Append($"<tr><td>Results</td><td>{TestCount} results</td></tr><tr><td>SHA-256 of the results</td><td><code>{ResultsSha256}</code></td></tr></table></body></html>");
        return html.ToString();
    }
}
