using PadUat.Support.SignOff;

namespace PadUat.Support.Checklist;

/// <summary>
/// How a sign-off answered each line of the checklist's own sign-off (S1-S18), for the coverage page once the run is
/// signed: each scenario's result and confirmation, the criteria by the checklist's words, who signed, when, the notes.
/// </summary>
public static class SignOffAnswers
{
    public static IReadOnlyDictionary<string, (bool Met, string Answer)> Of(SignOffRecord record)
    {
        (bool, string) Criterion(params string[] names)
        {
            var found = record.Criteria.Where(c => names.Contains(c.Name)).ToList();
            return found.Count == 0 ? (false, "not on the record")
                : (found.All(c => c.Met), string.Join("; ", found.Select(c => $"{(c.Met ? "✔" : "✘")} {c.Name}: {c.Detail}")));
        }
        var answers = new Dictionary<string, (bool, string)>();
        foreach (var s in record.Scenarios)
            answers[$"S{s.Number}"] = (s.Confirmed && s.Result != ScenarioOutcome.NotPassed,
                $"{s.Result}{(s.Exception is { } why ? $", accepted as an exception: {why}" : "")}; {(s.Confirmed ? "confirmed" : "not confirmed")} by {record.SignedBy}");
        answers["S11"] = Criterion(SignerAnswers.AppTestsCriterion);
        answers["S12"] = Criterion("All 10 UAT scenarios completed");
        answers["S13"] = Criterion("No critical bugs identified", SignerAnswers.CriticalBugsCriterion);
        answers["S14"] = Criterion("Performance meets requirements");
        answers["S15"] = Criterion(SignerAnswers.DocumentationCriterion);
        answers["S16"] = (true, $"{record.Verdict} by {record.SignedBy}");
        answers["S17"] = (true, $"{record.SignedAtUtc:yyyy-MM-dd HH:mm} UTC");
        answers["S18"] = (true, record.Notes);
        return answers;
    }
}
