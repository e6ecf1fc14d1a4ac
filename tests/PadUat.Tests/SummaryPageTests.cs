using PadUat.Support.Allure;
using PadUat.Support.Checklist;
using PadUat.Support.Report;
using PadUat.Support.SignOff;
using Xunit;

namespace PadUat.Tests;

/// <summary>
/// The page the report opens on: the stand-in in red letters, the ten scenarios with links straight to their evidence,
/// scenario 10's figures against the agreed values, the sign-off's state.
/// </summary>
public sealed class SummaryPageTests : IDisposable
{
    private readonly string _results = Results.NewRun();

    private string Render(SignOffState? signOff = null)
    {
        var run = RunResults.Load(_results);
        var assessment = SignOffCriteria.Evaluate(run, Results.Expected, ChecklistCoverage.Load(Results.Root, Results.Expected, run));
        var links = new ReportLinks("");
        return SummaryPage.Render(run, assessment, n => links.Scenario(run, Results.Expected, n), links, PerformanceTable.Of(run, Results.Expected),
            RunSeal.Check(_results, Signers.Reviewed), signOff ?? new SignOffState(null, null, "../signoff/index.html"));
    }

    [Fact]
    public void A_run_against_the_stand_in_says_so_in_red_and_links_each_scenario_to_its_first_failed_test()
    {
        var failing = Results.Expected.Last(t => t.Scenario == 5);
        Results.Run(_results, statusOf: t => t == failing ? AllureStatus.Failed : AllureStatus.Passed);
        var page = Render();
        Assert.Contains("THE STAND-IN — this run was against sandbox/", page);
        for (var n = 1; n <= 10; n++) Assert.Contains($"data-testid=\"scenario-{n}\"", page);
        var result = RunResults.Load(_results).Find(failing)!;
        Assert.Contains($"href=\"tests.html#{PadUat.Support.Features.ExpectedTest.Md5(result.Uuid)}\"", page);
        Assert.Contains("not passed: Scenario 5:", page);
        Assert.Contains("Not signed off.", page);
        Assert.Contains("not sealed by the CI", page);
    }

    [Fact]
    public void The_real_systems_run_names_its_target_and_scenario_10s_figures_show_against_the_agreed_values()
    {
        var writer = Results.Run(_results, appEnv: "dev");
        var bot = RunResults.Load(_results).Find(Results.Expected.First(t => t.Scenario == 10))!;
        File.WriteAllText(Path.Combine(_results, "figures-attachment.json"), """{ "exchanges": 20, "median": 812.5, "p95": 3400, "threshold median": 2000, "threshold p95": 3000 }""");
        bot.Steps[1].Attachments.Add(new Attachment(PerformanceTable.AttachmentPrefix + "bot reply times (ms)", "figures-attachment.json", "application/json"));
        writer.Write(bot);
        Results.End(_results);

        var figures = PerformanceTable.Of(RunResults.Load(_results), Results.Expected);
        Assert.Equal([new("The bot's reply, median", 2000, 812.5), new("The bot's reply, 95th percentile", 3000, 3400)], figures);
        var page = Render();
        Assert.Contains("The real PA-dealing system: dev, version pa-dealing 2.3.0.", page);
        Assert.Contains("<td>The bot&#39;s reply, 95th percentile</td><td>3000 ms</td><td>3400 ms</td><td class=\"failed\">✘ over</td>", page);
        Assert.DoesNotContain("STAND-IN", page);
    }

    public void Dispose() => Results.DeleteRun(_results);
}
