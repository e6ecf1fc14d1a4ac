using System.Text.Json;
using PadUat.Drivers.Dashboard;
using PadUat.Drivers.Database;
using PadUat.Drivers.Slack;
using PadUat.Support;
using PadUat.Support.Configuration;
using TechTalk.SpecFlow;
using PadUat.Support.Evidence;

namespace PadUat.Steps;

/// <summary>Plan scenario 10: figures are attached to the report first, then compared with the times agreed in the feature.</summary>
[Binding]
public sealed class PerformanceSteps(SlackDriver slack, DashboardDriver dashboard, QueryPlans plans, PadRecords records, UatSettings settings, Cast cast,
    Support.Evidence.Evidence evidence)
{
    private ResponseTimes Limits = null!;
    private IReadOnlyDictionary<string, double> _figures = new Dictionary<string, double>();
    private QueryPlan? _plan;

    [Given(@"^these response times are agreed:$")]
    public void GivenAgreed(Table agreed) => Limits = ResponseTimes.For(settings.AppEnv, agreed.Rows.Select(r => r.Values.ToList()).ToList());

    [When(@"^the employee exchanges the agreed number of messages with the bot$")]
    public async Task WhenExchanges()
    {
        var times = (await slack.MeasureReplyTimesAsync(cast.Employee, Limits.BotExchanges)).Select(t => t.TotalMilliseconds).ToList();
        Report("bot reply times (ms)", new Dictionary<string, double>
        {
            ["exchanges"] = times.Count, ["median"] = Percentiles.Of(times, 50), ["p95"] = Percentiles.Of(times, 95), ["max"] = times.Max(),
            ["threshold median"] = Limits.BotMedianMs, ["threshold p95"] = Limits.BotP95Ms,
        });
    }

    [Then(@"^half the replies come within the agreed bot median and 95 in 100 within the agreed 95th percentile$")]
    public void ThenRepliesFast() => Expect.That(_figures["median"] <= Limits.BotMedianMs && _figures["p95"] <= Limits.BotP95Ms,
        $"The bot should answer within a median of {Limits.BotMedianMs:0} ms and a 95th percentile of {Limits.BotP95Ms:0} ms (plan 5.11)",
        () => $"it took a median of {_figures["median"]:0} ms and a 95th percentile of {_figures["p95"]:0} ms");

    [Given(@"^the database holds at least (\d+) requests$")]
    public async Task GivenVolume(long min)
    {
        var count = await records.CountAsync(null, null);
        Expect.That(count >= min, $"The database should hold at least {min} requests, so query plans show how the dashboard behaves in production",
            () => $"it holds {count}");
    }

    [When(@"^the plan of the dashboard's query for (.*) is analysed$")]
    public async Task WhenAnalysed(string query)
    {
        _plan = await plans.ExplainAsync(query);
        Report($"query plan — {query}", new Dictionary<string, double>
        {
            ["execution ms"] = _plan.ExecutionMs, [$"sequential scans of {plans.RequestTable}"] = _plan.SequentialScans.Count(s => s == plans.RequestTable),
            ["threshold ms"] = Limits.QueryMs,
        });
    }

    [Then(@"^it executes within the agreed dashboard query time$")]
    public void ThenQueryFast() => Expect.That(_plan!.ExecutionMs <= Limits.QueryMs, $"The dashboard's query for {_plan.Query} should run within {Limits.QueryMs:0} ms (plan 5.11)",
        () => $"PostgreSQL took {_plan.ExecutionMs:0.##} ms");

    [Then(@"^it does not scan the requests sequentially$")]
    public void ThenNoSeqScan() => Expect.That(!_plan!.SequentialScans.Contains(plans.RequestTable),
        $"The dashboard's query for {_plan.Query} should use an index on {plans.RequestTable}", () => $"PostgreSQL reads every row of {plans.RequestTable} (Seq Scan): no index serves the filter");

    [When(@"^compliance loads each dashboard page$")]
    public async Task WhenPagesLoaded()
    {
        var times = await PageLoadTimes.MeasureAsync(await dashboard.AsAsync(cast.Compliance), records.Word(Support.Contract.PadStatus.WaitingForCompliance));
        Report("dashboard page load times (ms)", times.Append(new("threshold", Limits.PageLoadMs)).ToDictionary());
    }

    [Then(@"^every page loads within the agreed page load time$")]
    public void ThenPagesFast()
    {
        var slow = _figures.Where(f => f.Key.StartsWith('/') && f.Value > Limits.PageLoadMs).Select(f => $"{f.Key} {f.Value:0} ms").ToList();
        Expect.That(slow.Count == 0, $"Every dashboard page should load within {Limits.PageLoadMs:0} ms (plan 5.11)", () => $"these took longer: {string.Join(", ", slow)}");
    }

    private void Report(string name, IReadOnlyDictionary<string, double> figures)
    {
        _figures = figures;
        // Figures as a person reads them: a tenth of a millisecond is precision enough (not 108.90000000002328).
        figures = figures.ToDictionary(f => f.Key, f => Math.Round(f.Value, 1));
        evidence.Attach($"performance figures — {name}", "application/json", JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true }));
    }
}
