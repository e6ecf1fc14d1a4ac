using System.Net;
using System.Text;
using PadUat.Support.Allure;
using PadUat.Support.SignOff;

namespace PadUat.Support.Report;

/// <summary>What the summary page shows of a run's sign-off: the record (when it is this run's), what --verify last said, where its page is.</summary>
public sealed record SignOffState(SignOffRecord? Record, string? Validity, string Page);

/// <summary>
/// The page the report opens on (index.html): a product owner's minute. The target and release — the stand-in in red
/// letters when it is one —, the ten scenarios with their result and a link straight to each one's evidence, the
/// performance figures against the agreed values in one unit, the exceptions and the sign-off state; then the ways in.
/// </summary>
public static class SummaryPage
{
    private static string E(string s) => WebUtility.HtmlEncode(s);

    public static string Render(RunResults run, Assessment assessment, Func<int, string> evidence, ReportLinks links, IReadOnlyList<PerformanceFigure> figures,
        SealState seal, SignOffState signOff)
    {
        var env = run.Environment;
        string Env(string key) => env.GetValueOrDefault(key, "—");
        var record = signOff.Record;
        var html = new StringBuilder();
        html.Append($$"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>PA dealing UAT — summary</title>
            <style>body{font-family:system-ui,sans-serif;max-width:68rem;margin:1.5rem auto;color:#1d2330}td,th{padding:.35rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
            .standin{background:#b00020;color:#fff;font-weight:bold;font-size:1.3rem;padding:.7rem 1rem;border-radius:6px}.release{background:#e7f4ea;padding:.7rem 1rem;border-radius:6px}
            .passed{color:#1b7f3b}.failed{color:#b00020}.amber{color:#8a5a00}.muted{color:#667}h2{margin-top:1.6rem}.ways a{margin-right:1.2rem}
            .facts td:first-child{color:#445;white-space:nowrap}</style></head><body>
            <h1>PA dealing UAT — summary</h1>
            """);
        html.Append(run.IsStandIn
            ? $"<p class=\"standin\" data-testid=\"target-banner\">THE STAND-IN — this run was against sandbox/, not the real PA-dealing system: a rehearsal of the UAT, never a release.</p>"
            : $"<p class=\"release\" data-testid=\"target-banner\">The real PA-dealing system: {E(Env("APP_ENV"))}, version {E(Env("SUT.version"))}.</p>");
        var count = (Func<string, int>)(s => run.Tests.Count(t => t.Status == s));
        html.Append("<table class=\"facts\" data-testid=\"run-facts\">");
        foreach (var (what, value) in new[]
                 {
                     ("Target", $"{Env("APP_ENV")} — {Env("Database")}"), ("System version", Env("SUT.version")),
                     ("Release", record?.Release ?? "none named: no release sign-off of this run"), ("Run", $"{run.RunId} started {Env("Run.started.utc")} UTC"),
                     ("Tests", $"{count(AllureStatus.Passed)} passed, {count(AllureStatus.Failed) + count(AllureStatus.Broken)} failed, {count(AllureStatus.Skipped)} skipped of {run.Tests.Count}"),
                     ("Seal", seal.Says), ("Harness", Env("Harness.commit")),
                 })
            html.Append($"<tr><td>{E(what)}</td><td>{E(value)}</td></tr>");
        html.Append("</table>");

        html.Append("<h2>The ten scenarios</h2><table data-testid=\"scenarios\"><tr><th>#</th><th>Scenario</th><th>Result</th><th>Evidence</th></tr>");
        foreach (var s in new[] { assessment.Preflight }.Concat(assessment.Scenarios))
        {
            var css = s.Result == ScenarioOutcome.NotPassed ? "failed" : s.Result == ScenarioOutcome.NotApplicableResult ? "amber" : "passed";
            var result = s.Result == ScenarioOutcome.NotPassed ? $"not passed: {s.Problems.FirstOrDefault()}{(s.Problems.Count > 1 ? $" (and {s.Problems.Count - 1} more)" : "")}"
                : s.NotApplicable is { } why ? $"not applicable — the target declares: {why}" : $"passed, all {s.Tests} tests";
            var title = s.Title.StartsWith($"Scenario {s.Number} — ", StringComparison.Ordinal) ? s.Title[$"Scenario {s.Number} — ".Length..] : s.Title;
            html.Append($"<tr data-testid=\"scenario-{s.Number}\"><td>{(s.Number == 0 ? "" : s.Number)}</td><td>{E(title)}</td><td class=\"{css}\">{E(result)}</td>" +
                        $"<td><a href=\"{E(evidence(s.Number))}\">evidence</a></td></tr>");
        }
        html.Append("</table>");

        html.Append("<h2>Performance (plan 5.11)</h2>");
        if (figures.Count == 0) html.Append("<p class=\"failed\" data-testid=\"performance\">No figures: scenario 10 did not run.</p>");
        else
        {
            html.Append("<table data-testid=\"performance\"><tr><th>Figure</th><th>Agreed</th><th>Measured</th><th>Result</th></tr>");
            foreach (var f in figures)
                html.Append($"<tr><td>{E(f.Figure)}</td><td>{E(PerformanceTable.Ms(f.AgreedMs))}</td><td>{E(PerformanceTable.Ms(f.MeasuredMs))}</td>" +
                            $"<td class=\"{(f.Met ? "passed\">✔ within" : "failed\">✘ over")}</td></tr>");
            html.Append("</table>");
        }

        html.Append("<h2>Exceptions</h2>");
        html.Append(record is { WithExceptions: true }
            ? $"<ul class=\"amber\" data-testid=\"exceptions\">{string.Concat(record.Exceptions.Select(e => $"<li>{E(e.Key)}: {E(e.Value)}</li>"))}</ul>"
            : $"<p data-testid=\"exceptions\" class=\"muted\">{(record is null ? "None accepted: the run is not signed off." : "None: signed off without exceptions.")}</p>");

        html.Append("<h2>Sign-off</h2>");
        var valid = signOff.Validity?.StartsWith("VALID", StringComparison.Ordinal) == true;
        html.Append(record is null
            ? "<p data-testid=\"signoff-state\" class=\"muted\">Not signed off. <code>./uat signoff</code> signs this run (docs/signoff.md).</p>"
            : $"<p data-testid=\"signoff-state\" class=\"{(valid ? record.IsRelease && !record.WithExceptions ? "passed" : "amber" : "failed")}\"><strong>{E(record.Verdict)}</strong> by {E(record.SignedBy)} " +
              $"on {record.SignedAtUtc:yyyy-MM-dd HH:mm} UTC{(record.NotARelease is { } notRelease ? $" — a rehearsal, not a release sign-off: {E(notRelease)}" : "")}. " +
              $"{E(signOff.Validity ?? "Not verified yet.")} <a href=\"{E(signOff.Page)}\">The sign-off record</a></p>");

        html.Append($"<h2>More</h2><p class=\"ways\"><a href=\"{E(links.Tests)}\" data-testid=\"all-tests\">Every test, step by step</a>" +
                    "<a href=\"checklist/index.html\">The UAT checklist, line by line</a><a href=\"by-rule/index.html\">By business rule</a></p></body></html>");
        return html.ToString();
    }
}
