using System.Data;
using Npgsql;
using PadUat.Drivers.Probe;
using PadUat.Support;
using PadUat.Support.Configuration;
using PadUat.Support.Contract;
using PadUat.Support.Features;
using Xunit;

namespace PadUat.Tests;

/// <summary>
/// First contact, read only: the stand-in meets its own contract; held against the real system's contract it is named
/// different wherever it is, each difference with the document the expectation comes from.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class ProbeTests(SandboxFixture f)
{
    private async Task<IReadOnlyList<Finding>> ProbeAsync(string contract)
    {
        var settings = UatSettings.Load(RepoRoot.Find(), new Dictionary<string, string> { ["APP_ENV"] = "local" });
        await using var conn = new NpgsqlConnection(f.Target().Database.ConnectionString());
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead);
        await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", conn, tx)) await readOnly.ExecuteNonQueryAsync();
        return await new DatabaseProbe(new SchemaCatalog(conn, tx), TargetContract.Load(RepoRoot.Find(), contract), settings)
            .RunAsync(FeatureCatalogue.SecuritiesNamed(FeatureCatalogue.Load(RepoRoot.Find())));
    }

    [Fact]
    public async Task The_stand_in_meets_its_own_contract()
    {
        var findings = await ProbeAsync("sandbox");
        Assert.Empty(findings.Where(x => x.Verdict == Verdict.NotMet).Select(x => $"{x.Assumption} — {x.Found}"));
        Assert.Contains(findings, x => x.Verdict == Verdict.Met && x.Assumption.StartsWith("people: the manager is the employee's manager", StringComparison.Ordinal));
        Assert.Contains(findings, x => x.Verdict == Verdict.Met && x.Assumption.StartsWith("securities: the test securities AAPL, MSFT, GOOGL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Held_against_the_real_system_s_contract_each_difference_is_named_with_its_source()
    {
        var unmet = (await ProbeAsync("pad-real")).Where(x => x.Verdict == Verdict.NotMet).ToList();
        Assert.All(unmet, x => Assert.False(string.IsNullOrWhiteSpace(x.Source), $"{x.Assumption} names no source"));
        // The stand-in's database is the real one's: no table, column or stored word differs.
        Assert.Empty(unmet.Where(x => x.Assumption.StartsWith("schema.", StringComparison.Ordinal) || x.Assumption.StartsWith("vocabulary.", StringComparison.Ordinal))
            .Select(x => $"{x.Assumption}: {x.Found}"));
    }

    [Fact]
    public void The_features_securities_are_read_from_their_steps_without_the_one_a_feature_calls_unknown()
    {
        var named = FeatureCatalogue.SecuritiesNamed(FeatureCatalogue.Load(RepoRoot.Find()));
        Assert.Superset(new HashSet<string> { "AAPL", "MSFT", "GOOGL", "TSLA", "AMZN", "NFLX", "NVDA", "BAC" }, named.ToHashSet());
        Assert.DoesNotContain("ZZZZ", named);
        Assert.DoesNotContain("USD", named);
    }

    [Fact]
    public void A_contract_is_held_against_the_entries_the_scenarios_read_and_what_the_harness_can_drive()
    {
        var sandbox = TargetContract.Load(RepoRoot.Find(), "sandbox");
        Assert.Empty(ContractProbe.Run(sandbox, sandbox).Where(x => x.Verdict == Verdict.NotMet).Select(x => x.Assumption));

        var real = ContractProbe.Run(TargetContract.Load(RepoRoot.Find(), "pad-real"), sandbox);
        // What the documents do not give is the contract's gap, not the target's fault: listed, never failing the probe.
        Assert.Empty(real.Where(x => x.Verdict == Verdict.NotMet).Select(x => $"{x.Assumption} — {x.Found}"));
        string FoundFor(string assumption) => real.Single(x => x.Assumption == assumption && x.Verdict == Verdict.NotDocumented).Found;
        Assert.Contains("withdrawn", FoundFor("contract: bot.says names every entry the scenarios read"));
        Assert.Contains("confirmRequest", FoundFor("contract: bot.buttons names every entry the scenarios read"));
        Assert.Equal("the channel COMPLIANCE_CHANNEL_ID names, which the harness reads",
            real.Single(x => x.Assumption == "contract: the bot's complianceDecisionRequest is read where it arrives" && x.Verdict == Verdict.Met).Found);
        Assert.Equal("the X-Dev-User-Email header naming the person",
            real.Single(x => x.Assumption == "contract: the dashboard's sign-in is one the harness drives" && x.Verdict == Verdict.Met).Found);
        Assert.Contains(real, x => x.Verdict == Verdict.CannotTell && x.Source == "shared/seed/uat-checklist.md 1.1-1.9");

        // The stand-in's own contract keeps every documented fact; its one departure is listed with why.
        var departure = Assert.Single(ContractProbe.Run(sandbox, sandbox), x => x.Verdict == Verdict.Departs);
        Assert.Equal("contract: rules.conflictDetection.setting departs from targets/pad-real.json", departure.Assumption);
        Assert.Contains("after the UAT", departure.Found);
    }
}
