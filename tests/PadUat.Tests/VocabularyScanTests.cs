using System.Text.RegularExpressions;
using PadUat.Support;
using PadUat.Support.Contract;
using Xunit;

namespace PadUat.Tests;

/// <summary>
/// src/ holds no word of any target's vocabulary: table and column names, stored statuses, decisions, directions, audit
/// actions, the bot's button action ids — those live in targets/*.json, and a driver that names one would pass against one target and fail against
/// the next. What the scan covers is what the contracts hold today (the database); comments are not code and are skipped.
/// Names with an underscore are looked for in all of src/. Plain stored words (approved, buy) are English as well, and the
/// features and the bot's conversation use them as English: they are looked for as literals where code reads or writes
/// the database — the database drivers, test data, support and the CLI. The bot's wording (what it says and asks, what
/// people write to it: bot.says, bot.questions, bot.writes) is looked for as phrases of two words or more inside any string
/// of the drivers, support and CLI; the step definitions speak the features' business language, which the stand-in's plain
/// English often shares ("the summary is no longer open").
/// </summary>
public sealed class VocabularyScanTests
{
    private static readonly string Root = RepoRoot.Find();
    private static readonly TargetContract[] Contracts =
        Directory.GetFiles(Path.Combine(Root, "targets"), "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal))
            .Select(f => TargetContract.Load(Root, Path.GetFileNameWithoutExtension(f))).ToArray();

    /// <summary>The features' own business words ("approved", "buy"), which the contract translates: English, not a target's.</summary>
    private const string FeaturesWords = "src/Support/Features/";

    private static readonly string[] DatabaseFacing = ["src/Drivers/Database/", "src/Drivers/TestData/", "src/Drivers/Probe/", "src/Support/", "src/Cli/", "src/Drivers/PadJourneys.cs"];

    [Fact]
    public void No_code_under_src_names_a_table_column_or_stored_value_of_any_target()
    {
        var hits = new List<string>();
        var (anywhere, asLiteral, wording) = (Identifiers(), LiteralWords(), BotWording());
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
        {
            var lines = File.ReadAllLines(file);
            var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
            var literalsToo = DatabaseFacing.Any(d => relative.StartsWith(d, StringComparison.Ordinal)) && !relative.StartsWith(FeaturesWords, StringComparison.Ordinal);
            var wordingToo = !relative.StartsWith("src/StepDefinitions/", StringComparison.Ordinal);
            for (var i = 0; i < lines.Length; i++)
            {
                var code = CodeOf(lines[i]);
                hits.AddRange(anywhere.Where(w => Regex.IsMatch(code, $@"(?<![\w-]){Regex.Escape(w)}(?![\w-])"))
                    .Concat(asLiteral.Where(w => literalsToo).Where(w => code.Contains($"\"{w}\"", StringComparison.Ordinal) || code.Contains($"'{w}'", StringComparison.Ordinal)))
                    .Concat(wording.Where(w => wordingToo && StringsIn(code).Any(s => s.Contains(w, StringComparison.OrdinalIgnoreCase))))
                    .Select(w => $"{Path.GetRelativePath(Root, file)}:{i + 1}: '{w}'"));
            }
        }
        Assert.True(hits.Count == 0, "Target vocabulary in src/ (move it to the target's contract):\n" + string.Join('\n', hits));
    }

    [Fact]
    public void The_scan_finds_a_column_name_slipped_into_a_driver()
    {
        var code = CodeOf("""        var sql = "SELECT has_conflict FROM padealing.pad_request"; // the pad_request of the plan""");
        Assert.Contains(Identifiers(), w => Regex.IsMatch(code, $@"(?<![\w-]){Regex.Escape(w)}(?![\w-])") && w == "has_conflict");
        Assert.DoesNotContain("the pad_request of the plan", code);
    }

    /// <summary>Names with an underscore (tables, columns, stored words like pending_manager) are nobody's English: found anywhere in code.</summary>
    private static HashSet<string> Identifiers() =>
    [
        .. Contracts.SelectMany(c => c.Concepts.Values.SelectMany(t => t.Columns.Values.Append(t.Name).Concat(t.Where.Keys))).Where(w => w.Contains('_')),
        .. AllWords().Where(w => w.Contains('_')),
        .. Contracts.SelectMany(c => c.Buttons),
    ];

    [Fact]
    public void The_scan_finds_the_bots_wording_slipped_into_a_driver()
    {
        Assert.Contains("how many", BotWording());
        Assert.Contains(StringsIn("""    var next = new Regex("HOW MANY shares", Options); // how many"""), s => s.Contains("how many", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The bot's plain phrases of two words or more, of any contract (the regular expressions' plain ones: "which security", "how many").</summary>
    private static HashSet<string> BotWording() =>
    [
        .. Contracts.SelectMany(c => c.NamesUnder("bot.questions").SelectMany(q => new[] { "asks", "asksAgain", "answers", "declines" }
                .SelectMany(part => c.Entry($"bot.questions.{q}.{part}") is null ? [] : c.Alternatives($"bot.questions.{q}.{part}", part)))
            .Concat(c.NamesUnder("bot.says").SelectMany(n => c.Alternatives($"bot.says.{n}", n)))
            .Concat(c.NamesUnder("bot.writes").SelectMany(n => c.Alternatives($"bot.writes.{n}", n))))
            .Where(w => Regex.IsMatch(w, @"^[A-Za-z][A-Za-z' ]* [A-Za-z' ]*[A-Za-z]$")),
    ];

    /// <summary>The string literals of a line of code.</summary>
    private static IEnumerable<string> StringsIn(string code) => Regex.Matches(code, @"""(?:[^""\\]|\\.)*""").Select(m => m.Value);

    /// <summary>
    /// Plain words a target stores (approved, declined, buy, BUY) are English too: found only as a whole string literal. Approval
    /// stages and person roles are left out: "manager" and "compliance" are also the harness's own role names (env UAT_MANAGER_EMAIL).
    /// </summary>
    private static HashSet<string> LiteralWords() =>
    [
        .. Contracts.SelectMany(c => c.Words<PadStatus>().Values.Concat(c.Words<Decision>().Values).Concat(c.Words<TradeDirection>().Values)
            .Concat(c.Words<AuditEvent>().Values)).Where(w => !w.Contains('_')),
    ];

    private static IEnumerable<string> AllWords() => Contracts.SelectMany(c => c.Words<PadStatus>().Values.Concat(c.Words<Decision>().Values)
        .Concat(c.Words<TradeDirection>().Values).Concat(c.Words<AuditEvent>().Values).Concat(c.Words<ApprovalStage>().Values).Concat(c.Words<PersonRole>().Values));

    /// <summary>The line without its // comment (a // inside a string, as in a URL, is kept).</summary>
    private static string CodeOf(string line)
    {
        var inString = false;
        for (var i = 0; i + 1 < line.Length; i++)
        {
            if (line[i] == '"') inString = !inString;
            if (!inString && line[i] == '/' && line[i + 1] == '/') return line[..i];
        }
        return line;
    }
}
