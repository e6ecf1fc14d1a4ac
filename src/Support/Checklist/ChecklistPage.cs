using System.Net;
using System.Text;
using PadUat.Support.Allure;

namespace PadUat.Support.Checklist;

/// <summary>
/// The coverage page (reports/checklist/index.html): the checklist in its own order and words, each line with the
/// steps that check it, how they came out in this run and a link to each test's evidence in the report — or who
/// answers the line instead and why. Counts at the top; a line unaccounted for shows red.
/// </summary>
public static class ChecklistPage
{
    private static string E(string s) => WebUtility.HtmlEncode(s);

    /// <param name="evidence">The report's page of one test result, by its uuid; null where there is no report.</param>
    public static string Render(ChecklistCoverage coverage, string runId, Func<string, string?> evidence)
    {
        var html = new StringBuilder();
        html.Append($$"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>UAT checklist coverage — PA dealing</title>
            <style>body{font-family:system-ui,sans-serif;max-width:80rem;margin:2rem auto;color:#1d2330}td,th{padding:.3rem .5rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
            h2{margin-top:2rem}h3{margin:1rem 0 .3rem;font-size:1rem;color:#445}.id{white-space:nowrap;font-family:monospace}
            .passed{color:#1b7f3b}.failed,.unaccounted{color:#b00020}.not-run{color:#8a5a00}.declared{color:#3a4a7a}.not-applicable{color:#667}
            tr.unaccounted{background:#fde8e8}.steps{margin:0;padding-left:1rem}.where{color:#667;font-size:.85em}.note{color:#445}pre{margin:.2rem 0;font-size:.8em;white-space:pre-wrap}
            .counts td{border:none;padding:.1rem .6rem}</style></head><body>
            <h1>UAT checklist coverage — PA dealing</h1>
            <p>Run <code data-testid="checklist-run">{{E(runId.Length == 0 ? "(no run)" : runId)}}</code>. Every line of the UAT checklist
            (<code>{{UatChecklist.File}}</code>, the plan's "spec.md"): the step that checks it and its result in this run, or who answers it instead and why.</p>
            <table class="counts" data-testid="checklist-counts">
            <tr><td>{{coverage.Count(ChecklistLineKind.Confirm)}}</td><td>"Confirm" lines</td><td>{{coverage.Count(ChecklistLineKind.Query)}}</td><td>validation queries</td><td>{{coverage.Count(ChecklistLineKind.SignOff)}}</td><td>sign-off lines</td></tr>
            """);
        html.Append("<tr>");
        foreach (var state in Enum.GetValues<LineState>())
            html.Append($"<td class=\"{Css(state)}\" data-testid=\"count-{Css(state)}\">{coverage.Count(state)}</td><td>{E(Words(state))}</td>");
        html.Append("</tr></table>");
        foreach (var scenario in coverage.Rows.GroupBy(r => r.Line.Scenario))
        {
            html.Append($"<h2>{(scenario.Key is { } n ? $"Scenario {n}" : "UAT Sign-Off")}</h2>");
            foreach (var section in scenario.GroupBy(r => r.Line.Section))
            {
                html.Append($"<h3>{E(section.Key)}</h3><table><tr><th>Line</th><th>The checklist says</th><th>Result</th><th>Checked by</th></tr>");
                foreach (var row in section) html.Append(Row(row, evidence));
                html.Append("</table>");
            }
        }
        html.Append("</body></html>");
        return html.ToString();
    }

    private static string Row(CoverageRow row, Func<string, string?> evidence)
    {
        var words = E(row.Line.Words) + (row.Line.Sql is { } sql ? $"<pre>{E(sql)}</pre>" : "");
        var by = row.Steps.Count > 0
            ? "<ul class=\"steps\">" + string.Concat(row.Steps.Select(s =>
            {
                var link = s.ResultUuid is { } uuid && evidence(uuid) is { } href ? $" <a href=\"{E(href)}\">evidence</a>" : "";
                var note = s.Note is { } n ? $" <span class=\"note\">({E(n)})</span>" : "";
                return $"<li><span class=\"{Css(s)}\">{E(Mark(s))}</span> {E(s.Step)}{note} — <em>{E(s.Test)}</em>{link} <span class=\"where\">{E(s.Where)}</span></li>";
            })) + "</ul>"
            : row.Answered is { } met ? $"<span class=\"{(met ? "passed" : "failed")}\">{E(row.Why!)}</span>"
            : E(row.Why ?? "no step checks this line and none is declared to answer it");
        return $"<tr class=\"{Css(row.State)}\" data-testid=\"line-{E(row.Line.Id)}\"><td class=\"id\">{E(row.Line.Id)}</td><td>{words}</td>" +
               $"<td class=\"{Css(row.State)}\">{E(Words(row.State))}</td><td>{by}</td></tr>";
    }

    /// <summary>"UAT checklist: 161 lines — 120 passed, 2 failed, …": every state with a count, in the page's order.</summary>
    public static string Counts(ChecklistCoverage coverage) =>
        $"UAT checklist: {coverage.Rows.Count} lines — " + string.Join(", ", Enum.GetValues<LineState>()
            .Where(s => coverage.Count(s) > 0).Select(s => $"{coverage.Count(s)} {Words(s)}"));

    public static string Words(LineState state) => state switch
    {
        LineState.Passed => "checked, passed",
        LineState.Failed => "checked, failed",
        LineState.NotRun => "checked, not run",
        LineState.NotApplicable => "not applicable to this target",
        LineState.SignerConfirms => "the signer confirms",
        LineState.AtSignOff => "answered at sign-off",
        _ => "unaccounted for",
    };

    private static string Css(LineState state) => state switch
    {
        LineState.Passed => "passed",
        LineState.Failed => "failed",
        LineState.NotRun => "not-run",
        LineState.NotApplicable => "not-applicable",
        LineState.SignerConfirms or LineState.AtSignOff => "declared",
        _ => "unaccounted",
    };

    private static string Css(CheckingStep step) => step.NotApplicable ? "not-applicable" : step.Status switch
    {
        AllureStatus.Passed => "passed",
        AllureStatus.Failed or AllureStatus.Broken => "failed",
        _ => "not-run",
    };

    private static string Mark(CheckingStep step) => step.NotApplicable ? "–" : step.Status switch
    {
        AllureStatus.Passed => "✔",
        AllureStatus.Failed or AllureStatus.Broken => "✘",
        _ => "○",
    };
}
