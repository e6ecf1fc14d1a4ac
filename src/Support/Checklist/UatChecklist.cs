using System.Text.RegularExpressions;

namespace PadUat.Support.Checklist;

public enum ChecklistLineKind { Confirm, Query, SignOff }

/// <summary>
/// One line the UAT checklist asks a person to tick, in its own words: a "Confirm:" line of a scenario's step, one of
/// its validation queries (the SQL, what its comment says it checks and what it expects), or a line of its sign-off.
/// </summary>
/// <param name="Id">
/// "1.4b": step 1.4's second Confirm line; "2.Va": the first Confirm line under scenario 2's "Validation Queries";
/// "3.Q2": scenario 3's second validation query; "S12": the sign-off's twelfth line.
/// </param>
/// <param name="Section">Where it sits, as the checklist heads it ("Step 1.4: Specify Quantity", "Validation Queries").</param>
public sealed record ChecklistLine(string Id, ChecklistLineKind Kind, int? Scenario, string Section, string Words, int SourceLine, string? Sql = null);

/// <summary>
/// The UAT checklist (features/checklist/uat-checklist.md, the plan's "spec.md"), read line by line, so that the
/// coverage page lists every line the checklist has in its order and numbering — never a list kept by hand.
/// </summary>
public static partial class UatChecklist
{
    public const string File = "features/checklist/uat-checklist.md";

    public static IReadOnlyList<ChecklistLine> Load(string repoRoot)
    {
        var path = Path.Combine(repoRoot, File);
        if (!System.IO.File.Exists(path)) throw new InvalidOperationException($"{File}: the UAT checklist is missing");
        return Parse(System.IO.File.ReadAllLines(path));
    }

    public static IReadOnlyList<ChecklistLine> Parse(IReadOnlyList<string> text)
    {
        var lines = new List<ChecklistLine>();
        int? scenario = null;
        string section = "", sectionKey = "";
        var perSection = new Dictionary<string, int>();
        var queries = 0;
        var signOff = false;
        for (var i = 0; i < text.Count; i++)
        {
            var line = text[i];
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                signOff = line.Trim() == "## UAT Sign-Off";
                scenario = null;
                section = signOff ? "UAT Sign-Off" : "";
                continue;
            }
            if (ScenarioHeading().Match(line) is { Success: true } heading)
            {
                scenario = int.Parse(heading.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                queries = 0;
                section = sectionKey = "";
                continue;
            }
            if (StepHeading().Match(line) is { Success: true } step)
            {
                section = $"Step {step.Groups[1].Value}: {step.Groups[2].Value.Trim()}";
                sectionKey = step.Groups[1].Value;
                continue;
            }
            if (line.StartsWith("**Validation Queries**", StringComparison.Ordinal) && scenario is { } n)
            {
                section = "Validation Queries";
                sectionKey = $"{n}.V";
                continue;
            }
            if (signOff && SignOffSubHeading().Match(line) is { Success: true } sub)
            {
                section = $"UAT Sign-Off — {sub.Groups[1].Value}";
                continue;
            }
            if (scenario is { } current && line.StartsWith("```sql", StringComparison.Ordinal))
            {
                i = ReadQueries(text, i + 1, current, ref queries, lines);
                continue;
            }
            if (scenario is not null && sectionKey.Length > 0 && ConfirmLine().Match(line) is { Success: true } confirm)
            {
                var count = perSection[sectionKey] = perSection.GetValueOrDefault(sectionKey) + 1;
                lines.Add(new($"{sectionKey}{(char)('a' + count - 1)}", ChecklistLineKind.Confirm, scenario, section, confirm.Groups[1].Value.Trim(), i + 1));
                continue;
            }
            if (signOff && SignOffLine().Match(line) is { Success: true } box)
            {
                var number = lines.Count(l => l.Kind == ChecklistLineKind.SignOff) + 1;
                lines.Add(new($"S{number}", ChecklistLineKind.SignOff, null, section, Plain(box.Groups[1].Value), i + 1));
            }
        }
        return lines;
    }

    /// <summary>
    /// The statements of one ```sql block, each a query with the comment before it ("-- Check PADRequest created") and
    /// the "-- Expected:" comments after it; returns the index of the block's closing fence.
    /// </summary>
    private static int ReadQueries(IReadOnlyList<string> text, int start, int scenario, ref int queries, List<ChecklistLine> lines)
    {
        string? purpose = null, lastPurpose = null;
        var sql = new List<string>();
        var sqlLine = 0;
        var i = start;
        for (; i < text.Count && !text[i].StartsWith("```", StringComparison.Ordinal); i++)
        {
            var line = text[i].Trim();
            if (line.StartsWith("--", StringComparison.Ordinal))
            {
                var comment = line[2..].Trim();
                if (comment.StartsWith("Expected:", StringComparison.Ordinal) && lines.Count > 0 && lines[^1].Kind == ChecklistLineKind.Query && sql.Count == 0)
                    lines[^1] = lines[^1] with { Words = $"{lines[^1].Words} — {comment}" };
                else if (!comment.StartsWith("Expected:", StringComparison.Ordinal) && sql.Count == 0) purpose = lastPurpose = comment;
                continue;
            }
            if (line.Length == 0) continue;
            if (sql.Count == 0) sqlLine = i + 1;
            sql.Add(line);
            if (!line.EndsWith(';')) continue;
            queries++;
            lines.Add(new($"{scenario}.Q{queries}", ChecklistLineKind.Query, scenario, "Validation Queries", purpose ?? lastPurpose ?? "Query", sqlLine, string.Join("\n", sql)));
            sql.Clear();
            purpose = null;
        }
        return i;
    }

    private static string Plain(string text) => text.Replace("☑", "", StringComparison.Ordinal).Replace("**", "", StringComparison.Ordinal).Trim();

    [GeneratedRegex(@"^### Scenario (\d+):")]
    private static partial Regex ScenarioHeading();

    [GeneratedRegex(@"^\*\*Step (\d+\.\d+):(.*)\*\*\s*$")]
    private static partial Regex StepHeading();

    [GeneratedRegex(@"^- \[[ x]\] Confirm: ✅ (.*)$")]
    private static partial Regex ConfirmLine();

    [GeneratedRegex(@"^\*\*(.+?)\*\*:?\s*$")]
    private static partial Regex SignOffSubHeading();

    [GeneratedRegex(@"^- \[[ x]\] (.*)$")]
    private static partial Regex SignOffLine();
}
