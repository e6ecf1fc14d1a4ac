using System.Security.Cryptography;
using System.Text;
using Gherkin.Ast;

namespace PadUat.Support.Features;

/// <summary>
/// One test the features define: a scenario, or one example row of an outline — with its tags, its steps as they
/// read for that row (background first), and the identity its Allure result carries (test case id and parameters).
/// </summary>
/// <param name="Checks">The checklist lines each step checks, by the step's index in <paramref name="Steps"/>.</param>
public sealed record ExpectedTest(string FeatureTitle, string FeatureFolder, string? FeatureDescription, string TitleTemplate,
    IReadOnlyList<KeyValuePair<string, string>> Arguments, IReadOnlyList<string> Tags, IReadOnlyList<string> Steps,
    IReadOnlyList<ChecklistCheck>? Checks = null)
{
    /// <summary>The title with this row's values, as the report and the sign-off name it.</summary>
    public string Title => Substitute(TitleTemplate, Arguments);

    /// <summary>Stable across runs and rows: from the feature's folder and title and the scenario's title as written.</summary>
    public string TestCaseId => Md5($"{FeatureFolder}/{FeatureTitle}: {TitleTemplate}");

    public int? Scenario => Tags.Select(t => t.StartsWith("scenario-", StringComparison.Ordinal) && int.TryParse(t[9..], out var n) ? n : (int?)null)
        .FirstOrDefault(n => n is not null);

    public bool IsPreflight => Tags.Contains("preflight");

    public static string Substitute(string text, IEnumerable<KeyValuePair<string, string>> arguments) =>
        arguments.Aggregate(text, (t, a) => t.Replace($"<{a.Key}>", a.Value, StringComparison.Ordinal));

    public static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>A checklist line ("1.4b") a step of a test checks, by the step's index in the test's steps (background first).</summary>
/// <param name="Note">What the mark says of how the step answers the line ("— the implementation's audit row …"), if anything.</param>
public sealed record ChecklistCheck(string LineId, int StepIndex, string Where, string? Note = null);

/// <summary>Every test features/ defines, read with the Gherkin parser SpecFlow uses — what a complete run must hold.</summary>
public static partial class FeatureCatalogue
{
    /// <summary>
    /// The securities the features trade, restrict or look up, as their steps read — except one a feature names as unknown
    /// to the bot (that scenario needs it absent). The probe checks each exists on the target.
    /// </summary>
    public static IReadOnlySet<string> SecuritiesNamed(IEnumerable<ExpectedTest> tests)
    {
        var steps = tests.SelectMany(t => t.Steps).ToList();
        var unknown = steps.Select(s => UnknownSecurity().Match(s)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
        return steps.SelectMany(s => SecurityNamed().Matches(s)).Select(m => m.Groups["ticker"].Value).Where(t => !unknown.Contains(t)).ToHashSet();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:(?:buy|sell) \d+|put|restriction on|the security|sees) (?<ticker>[A-Z]{2,6})\b")]
    private static partial System.Text.RegularExpressions.Regex SecurityNamed();

    [System.Text.RegularExpressions.GeneratedRegex(@"does not know the security ([A-Z]{2,6})\b")]
    private static partial System.Text.RegularExpressions.Regex UnknownSecurity();

    public static IReadOnlyList<ExpectedTest> Load(string repoRoot)
    {
        var tests = new List<ExpectedTest>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(repoRoot, "features"), "*.feature", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            GherkinDocument document;
            try { document = new Gherkin.Parser().Parse(file); }
            catch (Exception e) when (e is Gherkin.CompositeParserException or Gherkin.ParserException)
            {
                throw new InvalidOperationException($"{Path.GetRelativePath(repoRoot, file)}: not valid Gherkin ({e.Message.Split('\n')[0]})");
            }
            var feature = document.Feature;
            var relative = Path.GetRelativePath(repoRoot, file).Replace('\\', '/');
            var marks = ChecklistMarks.Read(document, relative);
            var folder = Path.GetRelativePath(repoRoot, Path.GetDirectoryName(file)!).Replace('\\', '/');
            var featureTags = feature.Tags.Select(t => t.Name.TrimStart('@')).ToList();
            var background = feature.Children.OfType<Background>().SelectMany(b => b.Steps).ToList();
            foreach (var scenario in feature.Children.OfType<Scenario>())
            {
                var tags = featureTags.Concat(scenario.Tags.Select(t => t.Name.TrimStart('@'))).Distinct().ToList();
                var gherkinSteps = background.Concat(scenario.Steps).ToList();
                var steps = gherkinSteps.Select(s => $"{s.Keyword.Trim()} {s.Text}").ToList();
                var checks = gherkinSteps.SelectMany((s, index) => marks.GetValueOrDefault(s.Location.Line, [])
                    .Select(mark => new ChecklistCheck(mark.Id, index, $"{relative}:{s.Location.Line}", mark.Note))).ToList();
                var rows = scenario.Examples.SelectMany(e => e.TableBody.Select(r =>
                    e.TableHeader.Cells.Zip(r.Cells, (h, c) => KeyValuePair.Create(h.Value, c.Value)).ToList())).ToList();
                if (rows.Count == 0) rows.Add([]);
                foreach (var row in rows)
                    tests.Add(new ExpectedTest(feature.Name, folder, feature.Description?.Trim(), scenario.Name, row, tags,
                        steps.Select(s => ExpectedTest.Substitute(s, row)).ToList(), checks));
            }
        }
        return tests;
    }
}
