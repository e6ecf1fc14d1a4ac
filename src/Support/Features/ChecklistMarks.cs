using System.Text.RegularExpressions;
using Gherkin.Ast;

namespace PadUat.Support.Features;

/// <summary>
/// The checklist lines a feature's steps check, written as a comment right above the step, in the checklist's numbering:
/// <code>
///     # checklist 1.4b, 1.Va — the request is stored with the price given
///     And the request is stored as waiting for their manager …
/// </code>
/// A comment kept with the step that checks the line, so whoever changes the step sees what it answers for. A comment
/// that starts "# checklist" but is not a list of line ids, or sits anywhere but right above a step, is an error: a
/// mark that silently failed to count would leave a line unchecked while the feature says otherwise.
/// </summary>
public static partial class ChecklistMarks
{
    /// <summary>The line ids marked, each with what the mark says of it, by the source line of the step below the mark.</summary>
    public static Dictionary<long, List<(string Id, string? Note)>> Read(GherkinDocument document, string file)
    {
        var steps = document.Feature.Children.SelectMany(c => c switch
        {
            Background b => b.Steps,
            Scenario s => s.Steps,
            _ => [],
        }).Select(s => s.Location.Line).Order().ToList();
        var comments = document.Comments.Select(c => c.Location.Line).ToHashSet();
        var marks = new Dictionary<long, List<(string, string?)>>();
        foreach (var comment in document.Comments)
        {
            var text = comment.Text.Trim();
            if (!text.StartsWith("# checklist", StringComparison.Ordinal)) continue;
            var where = $"{file}:{comment.Location.Line}";
            var m = Mark().Match(text);
            if (!m.Success)
                throw new InvalidOperationException($"{where}: a checklist mark lists the lines a step checks, e.g. \"# checklist 1.4b, 1.Va — why\" (not \"{text}\")");
            var step = steps.FirstOrDefault(s => s > comment.Location.Line);
            IEnumerable<int> between = step == 0 ? [] : Enumerable.Range((int)comment.Location.Line + 1, (int)(step - comment.Location.Line - 1));
            if (step == 0 || between.Any(l => !comments.Contains(l)))
                throw new InvalidOperationException($"{where}: a checklist mark sits right above the step that checks its lines (only comments between)");
            var list = marks.TryGetValue(step, out var existing) ? existing : marks[step] = [];
            var note = m.Groups["note"].Success ? m.Groups["note"].Value : null;
            list.AddRange(m.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries).Select(id => (id, note)));
        }
        return marks;
    }

    private const string LineId = @"\d+\.(?:\d+[a-z]|V[a-z]|Q\d+)";

    [GeneratedRegex($@"^# checklist (?<ids>{LineId}(?:\s*,\s*{LineId})*)(?:\s+—\s+(?<note>\S.*))?$")]
    private static partial Regex Mark();
}
