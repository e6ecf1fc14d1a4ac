using PadUat.Support.Features;

namespace PadUat.Support.Allure;

/// <summary>What a Gherkin scenario is, independent of the runner: enough to build its Allure result.</summary>
public sealed record ScenarioDescription(string FeatureTitle, string FeatureFolder, string ScenarioTitle, string? Description,
    IReadOnlyList<string> FeatureTags, IReadOnlyList<string> ScenarioTags, IReadOnlyList<KeyValuePair<string, string>> Arguments,
    string? FeatureDescription = null);

/// <summary>
/// Builds a scenario's Allure result: stable ids across runs (from feature and scenario titles, plus outline values
/// for the history), labels from Gherkin tags the way Allure's own Reqnroll adapter reads them.
/// </summary>
public static class ScenarioResults
{
    public const string Epic = "PA dealing UAT";
    private static readonly HashSet<string> Severities = ["blocker", "critical", "normal", "minor", "trivial"];

    public static TestResult Create(ScenarioDescription s, string uuid, string host, string thread)
    {
        // Ids from the scenario as written (stable for every row); names with this row's values, never "<placeholders>".
        var testCaseId = ExpectedTest.Md5($"{s.FeatureFolder}/{s.FeatureTitle}: {s.ScenarioTitle}");
        var title = ExpectedTest.Substitute(s.ScenarioTitle, s.Arguments);
        var parameters = s.Arguments.Select(a => new Parameter(a.Key, a.Value)).ToList();
        var result = new TestResult
        {
            Uuid = uuid,
            Name = title,
            FullName = $"{s.FeatureFolder}/{s.FeatureTitle}: {title}",
            TestCaseId = testCaseId,
            HistoryId = ExpectedTest.Md5(testCaseId + string.Concat(parameters.Select(p => $"|{p.Name}={p.Value}"))),
            Description = string.Join("\n\n", new[] { s.FeatureDescription, s.Description }.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d!.Trim())) is { Length: > 0 } text ? text : null,
            Parameters = parameters,
        };
        var tags = s.FeatureTags.Concat(s.ScenarioTags).Distinct().ToList();
        var labels = result.Labels;
        labels.Add(new Label("epic", Epic));
        labels.Add(new Label("feature", s.FeatureTitle));
        labels.Add(new Label("parentSuite", tags.Contains("preflight") ? "Preflight (plan phases 1–3)" : "UAT scenarios (plan 5.2–5.11)"));
        labels.Add(new Label("suite", s.FeatureTitle));
        labels.Add(new Label("host", host));
        labels.Add(new Label("thread", thread));
        labels.Add(new Label("framework", "SpecFlow"));
        labels.Add(new Label("language", "C#"));
        labels.Add(new Label("severity", tags.LastOrDefault(Severities.Contains) ?? "normal"));
        if (!tags.Any(t => t.StartsWith("allure.story:", StringComparison.Ordinal)))
            labels.Add(new Label("story", title));
        foreach (var tag in tags.Where(t => !Severities.Contains(t)))
        {
            switch (tag.Split(':', 2))
            {
                case ["allure.owner", var owner]: labels.Add(new Label("owner", owner)); break;
                case ["allure.epic", var epic]: labels.Add(new Label("epic", epic)); break;
                case ["allure.story", var story]: labels.Add(new Label("story", story)); break;
                case ["allure.issue", var issue]: result.Links.Add(new Link(issue, issue, "issue")); break;
                // @rule:<name>: the workflow rule the scenario checks, so the report can be read rule by rule.
                case ["rule", var rule]: labels.Add(new Label("rule", rule)); labels.Add(new Label("tag", tag)); break;
                case [var name, var value] when name.StartsWith("allure.label.", StringComparison.Ordinal):
                    labels.Add(new Label(name["allure.label.".Length..], value)); break;
                default: labels.Add(new Label("tag", tag)); break;
            }
        }
        return result;
    }

}
