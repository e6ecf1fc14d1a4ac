using System.Globalization;

namespace PadUat.Drivers.Slack;

/// <summary>The Slack calls a run made, per method and per team (slack-calls-by-team.tsv), next to the budget they were made within (read by bench/suite.sh).</summary>
public static class SlackUsage
{
    public static void Write(string path, SlackRateBudget budget)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WholeOrNothing(path, new[] { "method\tcalls\twaited_for_budget\trefused_429\tbudget" }.Concat(
            budget.Usage().Select(u => string.Create(CultureInfo.InvariantCulture, $"{u.Method}\t{u.Calls}\t{u.Waited}\t{u.Refused}\t{u.Budget}"))));
        WholeOrNothing(Path.ChangeExtension(path, null) + "-by-team.tsv", new[] { "team\tmethod\tcalls" }.Concat(
            budget.UsageByTeam().Select(u => string.Create(CultureInfo.InvariantCulture, $"{u.Team}\t{u.Method}\t{u.Calls}"))));
    }

    /// <summary>Written aside, then renamed into place: test sessions side by side (./uat mutate) end at the same moment, and neither may meet the other's half-written file.</summary>
    private static void WholeOrNothing(string path, IEnumerable<string> lines)
    {
        var aside = $"{path}.{Environment.ProcessId}";
        File.WriteAllLines(aside, lines);
        File.Move(aside, path, overwrite: true);
    }
}
