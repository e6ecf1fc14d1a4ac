using System.Text.Json;
using PadUat.Drivers.Dashboard;
using PadUat.Drivers.Database;
using PadUat.Drivers.Slack;
using PadUat.Support;
using PadUat.Support.Configuration;
using TechTalk.SpecFlow;
using Xunit;

namespace PadUat.Steps;

/// <summary>Plan scenario 10: figures are attached to the report first, then compared with the env's thresholds.</summary>
[Binding]
public sealed class PerformanceSteps(SlackDriver slack, DashboardDriver dashboard, QueryPlans plans, PadRecords records, UatSettings settings,
    Support.Evidence.Evidence evidence)
{
    private PerformanceThresholds Limits => settings.Performance;
    private IReadOnlyDictionary<string, double> _figures = new Dictionary<string, double>();
    private QueryPlan? _plan;

    [When(@"^the employee exchanges messages with the bot as many times as the settings ask$")]
    public async Task WhenExchanges()
    {
        var times = (await slack.MeasureReplyTimesAsync(Roles.Employee, Limits.BotExchanges)).Select(t => t.TotalMilliseconds).ToList();
        Report("bot reply times (ms)", new Dictionary<string, double>
        {
            ["exchanges"] = times.Count, ["median"] = Percentiles.Of(times, 50), ["p95"] = Percentiles.Of(times, 95), ["max"] = times.Max(),
            ["threshold median"] = Limits.BotMedianMs, ["threshold p95"] = Limits.BotP95Ms,
        });
    }

    [Then(@"^the median and 95th-percentile reply times are within the thresholds$")]
    public void ThenRepliesFast() => Assert.True(_figures["median"] <= Limits.BotMedianMs && _figures["p95"] <= Limits.BotP95Ms,
        $"Bot replies: median {_figures["median"]:0} ms (limit {Limits.BotMedianMs}), p95 {_figures["p95"]:0} ms (limit {Limits.BotP95Ms})");

    [Given(@"^the database holds at least (\d+) requests$")]
    public async Task GivenVolume(long min) => Assert.True(await records.CountAsync(null, null) >= min,
        $"Fewer than {min} requests: query plans at this volume would not show how the dashboard behaves in production");

    [When(@"^the plan of the dashboard's query for (.*) is analysed$")]
    public async Task WhenAnalysed(string query)
    {
        _plan = await plans.ExplainAsync(query);
        Report($"query plan — {query}", new Dictionary<string, double>
        {
            ["execution ms"] = _plan.ExecutionMs, ["sequential scans of pad_request"] = _plan.SequentialScans.Count(s => s == "pad_request"),
            ["threshold ms"] = Limits.QueryMs,
        });
    }

    [Then(@"^it executes within the query threshold$")]
    public void ThenQueryFast() => Assert.True(_plan!.ExecutionMs <= Limits.QueryMs, $"{_plan.Query}: {_plan.ExecutionMs:0.##} ms (limit {Limits.QueryMs} ms)");

    [Then(@"^it does not scan pad_request sequentially$")]
    public void ThenNoSeqScan() => Assert.False(_plan!.SequentialScans.Contains("pad_request"),
        $"{_plan.Query}: PostgreSQL reads every row of pad_request (Seq Scan) — no index serves the filter");

    [When(@"^compliance loads each dashboard page$")]
    public async Task WhenPagesLoaded()
    {
        var times = await PageLoadTimes.MeasureAsync(await dashboard.AsAsync(Roles.Compliance, settings.People.ComplianceEmail));
        Report("dashboard page load times (ms)", times.Append(new("threshold", Limits.PageLoadMs)).ToDictionary());
    }

    [Then(@"^every page loads within the page-load threshold$")]
    public void ThenPagesFast()
    {
        var slow = _figures.Where(f => f.Key.StartsWith('/') && f.Value > Limits.PageLoadMs).Select(f => $"{f.Key} {f.Value:0} ms").ToList();
        Assert.True(slow.Count == 0, $"Pages over {Limits.PageLoadMs} ms: {string.Join(", ", slow)}");
    }

    private void Report(string name, IReadOnlyDictionary<string, double> figures)
    {
        _figures = figures;
        evidence.Attach($"performance figures — {name}", "application/json", JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true }));
    }
}
