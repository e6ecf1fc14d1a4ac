using System.Globalization;

namespace PadUat.Drivers.Slack;

/// <summary>The Slack calls a run made, per method and per team (slack-calls-by-team.tsv), next to the budget they were made within (read by bench/suite.sh).</summary>
public static class SlackUsage
{
    public static void Write(string path, SlackRateBudget budget)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, new[] { "method\tcalls\twaited_for_budget\trefused_429\tbudget" }.Concat(
            budget.Usage().Select(u => string.Create(CultureInfo.InvariantCulture, $"{u.Method}\t{u.Calls}\t{u.Waited}\t{u.Refused}\t{u.Budget}"))));
        File.WriteAllLines(Path.ChangeExtension(path, null) + "-by-team.tsv", new[] { "team\tmethod\tcalls" }.Concat(
            budget.UsageByTeam().Select(u => string.Create(CultureInfo.InvariantCulture, $"{u.Team}\t{u.Method}\t{u.Calls}"))));
    }
}
