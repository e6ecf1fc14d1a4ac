using System.Text;

namespace PadUat.Drivers.Probe;

/// <summary>The probe's findings as a QA engineer reads them: one line each, a summary line, and the same as a page in reports/.</summary>
public static class ProbeReport
{
    public static string Summary(IReadOnlyList<Finding> findings, string target, string contractFile) =>
        $"probe: {target} against {contractFile}: {findings.Count(f => f.Verdict == Verdict.Met)} met, " +
        $"{findings.Count(f => f.Verdict == Verdict.NotMet)} not met, {findings.Count(f => f.Verdict == Verdict.CannotTell)} cannot tell" +
        Also(findings, Verdict.NotDocumented, "not documented in the contract") + Also(findings, Verdict.Departs, "declared departures from the documents");

    private static string Also(IReadOnlyList<Finding> findings, Verdict verdict, string what) =>
        findings.Count(f => f.Verdict == verdict) is > 0 and var n ? $", {n} {what}" : "";

    public static IEnumerable<string> Lines(IReadOnlyList<Finding> findings) =>
        findings.Select(f => $"{f.Word,-12} {f.Assumption} — {f.Found}{(f.Source.Length > 0 ? $"  [{f.Source}]" : "")}");

    public static string Page(IReadOnlyList<Finding> findings, string target, string contractFile, string describes, DateTime at)
    {
        var page = new StringBuilder($"# First contact: {target} against {contractFile}\n\n");
        page.Append($"The contract describes {describes}. Probed {at:yyyy-MM-dd HH:mm} UTC, read only (no row written, no Slack message sent).\n\n");
        page.Append($"**{Summary(findings, target, contractFile)}**\n\n| verdict | assumption | found | source |\n|---|---|---|---|\n");
        foreach (var f in findings.OrderBy(f => f.Verdict switch { Verdict.NotMet => 0, Verdict.CannotTell => 1, Verdict.NotDocumented => 2, Verdict.Departs => 3, _ => 4 }))
            page.Append($"| {f.Word} | {Cell(f.Assumption)} | {Cell(f.Found)} | {Cell(f.Source)} |\n");
        return page.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
