using PadUat.Support;
using PadUat.Support.Mutation;
using Xunit;

namespace PadUat.Tests;

/// <summary>`./uat mutate --part` and `--sample`: the stand-in's mutated files, cut into parts or drawn as lines, never more nor less.</summary>
public sealed class MutationScopeTests
{
    private static readonly string Root = RepoRoot.Find();
    private static readonly string Project = Path.Combine(Root, "sandbox", "PadSandbox");
    private static readonly IReadOnlyList<string> Files = MutationScope.Files(Project,
        MutationScope.ConfiguredPatterns(File.ReadAllText(Path.Combine(Root, "mutation", "stryker-config.json"))));

    [Fact]
    public void The_files_are_the_configs_with_its_exclusions() =>
        Assert.True(Files.Contains("Workflow/PadWorkflow.cs") && Files.Contains("Dashboard/DashboardQueries.cs")
                    && !Files.Contains("Bot/BotSlackClient.cs") && !Files.Any(f => f.StartsWith("Slack/", StringComparison.Ordinal)),
            string.Join(", ", Files));

    [Fact]
    public void The_parts_hold_every_file_once()
    {
        var parts = Enumerable.Range(1, 3).Select(k => MutationScope.Part(Project, Files, k, 3)).ToList();
        Assert.All(parts, p => Assert.NotEmpty(p));
        Assert.Equal(Files.Select(f => $"**/{f}").Order(StringComparer.Ordinal), parts.SelectMany(p => p).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_part_beyond_the_parts_is_refused() =>
        Assert.Contains("K/N", Assert.Throws<ArgumentException>(() => MutationScope.Part(Project, Files, 4, 3)).Message);

    [Fact]
    public void A_sample_is_the_seeds_draw_of_code_lines()
    {
        var sample = MutationScope.Sample(Project, Files, 40, seed: 7);
        Assert.Equal(sample, MutationScope.Sample(Project, Files, 40, seed: 7));
        Assert.NotEqual(sample, MutationScope.Sample(Project, Files, 40, seed: 8));
        var lines = sample.SelectMany(p =>
        {
            var file = p[3..p.IndexOf('{')];
            var text = File.ReadAllText(Path.Combine(Project, file));
            return System.Text.RegularExpressions.Regex.Matches(p, @"\{(\d+)\.\.(\d+)\}").Select(m => text[int.Parse(m.Groups[1].Value)..int.Parse(m.Groups[2].Value)]);
        }).ToList();
        Assert.Equal(40, lines.Count);
        Assert.All(lines, l => Assert.False(l.Contains('\n') || l.Trim().Length == 0 || l.TrimStart().StartsWith("//", StringComparison.Ordinal), l));
    }

    [Fact]
    public void Comments_braces_and_usings_hold_no_code() =>
        Assert.Equal(["    return a + b;"], MutationScope.CodeLines("using X;\n// why\n{\n    return a + b;\n}\n\n    [Fact]\n").Select(s =>
            "using X;\n// why\n{\n    return a + b;\n}\n\n    [Fact]\n"[s.Start..s.End]));
}
