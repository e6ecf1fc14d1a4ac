using System.Globalization;
using System.Text.Json;
using PadUat.Support.Allure;
using PadUat.Support.Features;
using PadUat.Support.SignOff;

namespace PadUat.Support.Report;

/// <summary>One figure of plan 5.11 against the value agreed for the target, in milliseconds.</summary>
public sealed record PerformanceFigure(string Figure, double AgreedMs, double MeasuredMs)
{
    public bool Met => MeasuredMs <= AgreedMs;
}

/// <summary>
/// Scenario 10's figures as one table: read from the "performance figures — …" evidence its steps attach (measured
/// values beside "threshold …" values), each measured figure paired with the threshold agreed for it.
/// </summary>
public static class PerformanceTable
{
    public const string AttachmentPrefix = "performance figures — ";

    /// <summary>The figures in the order of scenario 10's tests in the feature: the bot, the queries, the pages.</summary>
    public static IReadOnlyList<PerformanceFigure> Of(RunResults run, IReadOnlyList<ExpectedTest> expected) =>
        expected.Where(e => e.Scenario == 10).Select(run.Find).OfType<TestResult>()
            .SelectMany(t => Attachments(t.Steps).Concat(t.Attachments))
            .Where(a => a.Name.StartsWith(AttachmentPrefix, StringComparison.Ordinal) && File.Exists(Path.Combine(run.Directory, a.Source)))
            .SelectMany(a => Figures(a.Name[AttachmentPrefix.Length..], File.ReadAllText(Path.Combine(run.Directory, a.Source))))
            .ToList();

    private static IEnumerable<Attachment> Attachments(IEnumerable<StepResult> steps) => steps.SelectMany(s => s.Attachments.Concat(Attachments(s.Steps)));

    private static IEnumerable<PerformanceFigure> Figures(string name, string json)
    {
        Dictionary<string, double>? figures;
        try { figures = JsonSerializer.Deserialize<Dictionary<string, double>>(json); }
        catch (JsonException) { yield break; }
        if (figures is null) yield break;
        var what = name.Replace(" (ms)", "", StringComparison.Ordinal).Replace("bot reply times", "The bot's reply", StringComparison.Ordinal)
            .Replace("query plan — ", "The dashboard's query for ", StringComparison.Ordinal).Replace("dashboard page load times", "Page load", StringComparison.Ordinal);
        foreach (var (key, measured) in figures.Where(f => !f.Key.StartsWith("threshold", StringComparison.Ordinal)))
        {
            // "median" ↔ "threshold median"; a page or a query's time ↔ the one threshold of its kind.
            var agreed = figures.TryGetValue($"threshold {key}", out var own) ? own
                : key.StartsWith('/') && figures.TryGetValue("threshold", out var page) ? page
                : key == "execution ms" && figures.TryGetValue("threshold ms", out var query) ? query : (double?)null;
            if (agreed is { } limit) yield return new PerformanceFigure(key switch
            {
                "median" => $"{what}, median", "p95" => $"{what}, 95th percentile", "execution ms" => what, _ => $"{what}: {key}",
            }, limit, measured);
        }
    }

    public static string Ms(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + " ms";
}
