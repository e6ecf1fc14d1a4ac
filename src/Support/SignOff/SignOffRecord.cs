using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PadUat.Support.Allure;

namespace PadUat.Support.SignOff;

/// <summary>One of the ten scenarios on the sign-off: its result, where its evidence is, and the signer's confirmation.</summary>
public sealed record ScenarioConfirmation(int Number, string Title, string Result, string? NotApplicable, string Evidence, bool Confirmed, string? Exception);

/// <summary>
/// Plan 5.12's sign-off of one run (<see cref="RunId"/>): who, when, notes, the environment, the checklist, each
/// scenario confirmed, the exceptions accepted — bound to the run by the SHA-256 of its manifest and signed as a whole
/// by the signer's SSH key (<see cref="SshSignature"/>), whose allowed principal is <see cref="SignedBy"/>. A release
/// sign-off (<see cref="Release"/>) is of a run the pipeline sealed (<see cref="SealedBy"/>); any other is a rehearsal.
/// </summary>
public sealed record SignOffRecord(
    string? Release,
    string RunId,
    string SignedBy,
    DateTime SignedAtUtc,
    string Notes,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<Criterion> Criteria,
    IReadOnlyList<ScenarioConfirmation> Scenarios,
    IReadOnlyDictionary<string, string> Exceptions,
    int TestCount,
    string ManifestSha256,
    string? SealedBy,
    PipelineRun? Pipeline,
    string AllowedSigners)
{
    public string RecordSha256 { get; init; } = "";
    /// <summary>`ssh-keygen -Y sign` over <see cref="Canonical"/> (namespace paduat-signoff) with the signer's key.</summary>
    public string? SshSignature { get; init; }

    public bool WithExceptions => Exceptions.Count > 0;

    public bool IsRelease => Release is not null;

    public string Verdict => (IsRelease ? $"Release sign-off of {Release}" : "Rehearsal sign-off") + (WithExceptions ? " with exceptions" : "");

    /// <summary>Why a rehearsal is not a release sign-off, in a few words; null for a release.</summary>
    public string? NotARelease => IsRelease ? null : SealedBy is null ? "the run was not sealed by the CI" : "no release was named (--release)";

    /// <summary>The bytes the hash and the SSH signature cover: the whole record but those two fields.</summary>
    public byte[] Canonical() => JsonSerializer.SerializeToUtf8Bytes(this with { RecordSha256 = "", SshSignature = null }, AllureResultsWriter.Json);

    public string ComputeHash() => Convert.ToHexStringLower(SHA256.HashData(Canonical()));

    public SignOffRecord Sealed() => this with { RecordSha256 = ComputeHash() };

    /// <summary>A standalone page a product owner can open without the report; <paramref name="validity"/> says whether it still holds.</summary>
    public string ToHtml(string validity)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var valid = validity.StartsWith("VALID", StringComparison.Ordinal);
        var html = new StringBuilder();
        html.Append($$"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>UAT sign-off — PA dealing</title>
            <style>body{font-family:system-ui,sans-serif;max-width:64rem;margin:2rem auto;color:#1d2330}td,th{padding:.35rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
            .met{color:#1b7f3b}.unmet{color:#b00020}.exception{color:#8a5a00;background:#fff4d6}.validity{padding:.6rem 1rem;border-radius:6px;background:#eef5ee}
            .invalid{background:#fde8e8}.amber{background:#fff4d6}.rehearsal{background:#b00020;color:#fff;font-weight:bold}</style></head><body>
            <h1>UAT sign-off — PA dealing (plan 5.12)</h1>
            {{(IsRelease ? "" : $"<p class=\"validity rehearsal\" data-testid=\"signoff-rehearsal\">REHEARSAL — not a release sign-off: {E(NotARelease!)}.</p>")}}
            <p class="validity{{(valid ? (WithExceptions ? " amber" : "") : " invalid")}}" data-testid="signoff-validity">{{E(validity)}}</p>
            <p><strong class="{{(WithExceptions || !IsRelease ? "exception" : "met")}}" data-testid="signoff-verdict">{{E(Verdict)}}</strong> by <strong data-testid="signoff-by">{{E(SignedBy)}}</strong>
            on {{SignedAtUtc:yyyy-MM-dd HH:mm}} UTC, for run <code>{{E(RunId)}}</code>, SSH-signed;
            {{(SealedBy is null ? "the run is not sealed by the CI" : $"the run sealed by the pipeline {E(SealedBy)}" + (Pipeline?.Url is { } url ? $" (<a href=\"{E(url)}\">{E(Pipeline.Name)}</a>)" : ""))}}</p>
            <p>Notes: {{E(Notes)}}</p>
            <h2>Checklist</h2><p><a href="../allure-report/checklist/index.html" data-testid="checklist-page">The UAT checklist, line by line</a>: each line, the step that checks it and its result, or who answers it.</p>
            <table><tr><th></th><th>Criterion</th><th>From the run</th></tr>
            """);
        foreach (var c in Criteria)
            html.Append($"<tr class=\"{(c.Met ? "" : WithExceptions ? "exception" : "")}\"><td class=\"{(c.Met ? "met\">✔" : WithExceptions ? "exception\">⚠" : "unmet\">✘")}</td><td>{E(c.Name)}</td><td>{E(c.Detail)}</td></tr>");
        html.Append("</table><h2>Scenarios confirmed</h2><table><tr><th>#</th><th>Scenario</th><th>Result</th><th>Evidence</th><th>Confirmed by the signer</th></tr>");
        foreach (var s in Scenarios)
        {
            var css = s.Exception is not null ? "exception" : s.Result == ScenarioOutcome.NotPassed ? "unmet" : "met";
            var result = s.Result + (s.NotApplicable is { } why ? $" — the target declares: \"{why}\"" : "") + (s.Exception is { } ex ? $" — accepted as an exception: {ex}" : "");
            html.Append($"<tr class=\"{(s.Exception is null ? "" : "exception")}\" data-testid=\"scenario-{s.Number}\"><td>{s.Number}</td><td>{E(s.Title)}</td>" +
                        $"<td class=\"{css}\">{E(result)}</td><td><a href=\"{E(s.Evidence)}\">evidence</a></td><td>{(s.Confirmed ? "✔ confirmed" : "✘ not confirmed")}</td></tr>");
        }
        html.Append("</table>");
        if (WithExceptions)
            html.Append($"<h2 class=\"exception\">Accepted with exceptions</h2><ul class=\"exception\">{string.Concat(Exceptions.Select(e => $"<li>{E(e.Key)}: {E(e.Value)}</li>"))}</ul>");
        html.Append("<h2>Run</h2><table>");
        foreach (var (k, v) in Environment) html.Append($"<tr><td>{E(k)}</td><td>{E(v)}</td></tr>");
        html.Append($"<tr><td>Results</td><td>{TestCount} results</td></tr><tr><td>SHA-256 of the run's manifest</td><td><code>{ManifestSha256}</code></td></tr>" +
                    $"<tr><td>SHA-256 of this record</td><td><code>{RecordSha256}</code></td></tr></table></body></html>");
        return html.ToString();
    }
}
