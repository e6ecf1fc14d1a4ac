namespace PadUat.Support.Checklist;

/// <summary>Who answers a checklist line that no step checks.</summary>
public enum AnsweredBy
{
    /// <summary>No automated check can stand for it; the signer confirms it, and the page says why.</summary>
    Signer,
    /// <summary>A line of the checklist's own sign-off, answered when the run is signed (its criteria, the signer's answers).</summary>
    SignOff,
}

public sealed record ChecklistDeclaration(string LineId, AnsweredBy AnsweredBy, string Why);

/// <summary>
/// features/checklist/declared.tsv: the checklist lines no step checks, each with who answers it and why — a line
/// is checked by a step (a "# checklist" mark in a feature) or declared here, never silently neither.
/// </summary>
public static class ChecklistDeclarations
{
    public const string File = "features/checklist/declared.tsv";

    public static IReadOnlyList<ChecklistDeclaration> Load(string repoRoot)
    {
        var path = Path.Combine(repoRoot, File);
        if (!System.IO.File.Exists(path)) return [];
        var declarations = new List<ChecklistDeclaration>();
        var lines = System.IO.File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i].StartsWith('#')) continue;
            var cells = lines[i].Split('\t');
            var where = $"{File}:{i + 1}";
            if (cells.Length != 3 || cells.Any(c => c.Trim().Length == 0))
                throw new InvalidOperationException($"{where}: a declaration is three tab-separated cells: line, signer or sign-off, why");
            var by = cells[1].Trim() switch
            {
                "signer" => AnsweredBy.Signer,
                "sign-off" => AnsweredBy.SignOff,
                var other => throw new InvalidOperationException($"{where}: '{other}' answers no line: signer or sign-off"),
            };
            declarations.Add(new(cells[0].Trim(), by, cells[2].Trim()));
        }
        return declarations;
    }
}
