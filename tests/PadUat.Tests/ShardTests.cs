using PadUat.Support.Allure;
using PadUat.Support.Shards;
using PadUat.Support.SignOff;
using Xunit;

namespace PadUat.Tests;

/// <summary>
/// A run split across CI agents: every feature in exactly one shard, computed alike by every agent; the shards merged into
/// one run that counts each test once, under one run id a sign-off binds to — refused when a test ran twice or the shards
/// are not of one run.
/// </summary>
public sealed class ShardTests : IDisposable
{
    private readonly List<string> _dirs = [];
    private static readonly DateTime Now = new(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);

    private string NewDirectory()
    {
        var dir = Results.NewRun();
        _dirs.Add(dir);
        return dir;
    }

    [Fact]
    public void Every_feature_is_in_exactly_one_shard_and_the_shards_are_balanced_by_their_tests()
    {
        var features = Path.Combine(Results.Root, "features");
        var one = ShardPlan.Split(features, 1).Single();
        var three = ShardPlan.Split(features, 3);
        Assert.Equal(one.Order(), three.SelectMany(s => s).Order());
        Assert.Equal(one.Count, one.Distinct().Count());
        Assert.Equal(three, ShardPlan.Split(features, 3)); // every agent computes the same split
        Assert.All(three, s => Assert.NotEmpty(s));
        Assert.Contains("FullyQualifiedName~.Scenario7TheComplianceDashboardShowsWhatTheDatabaseHoldsFeature.",
            string.Join('|', Enumerable.Range(1, 3).Select(k => ShardPlan.Filter(features, k, 3))));
        Assert.StartsWith("shard 4 of 3", Assert.Throws<ArgumentException>(() => ShardPlan.Filter(features, 4, 3)).Message);
    }

    [Fact]
    public void Two_shards_merge_into_one_run_counting_each_test_once_and_it_signs_off_and_verifies()
    {
        var (first, second, merged, signOff) = (NewDirectory(), NewDirectory(), NewDirectory(), NewDirectory());
        var half = Results.Expected.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i % 2);
        Results.Run(first, "run-a", t => half[t] == 0 ? AllureStatus.Passed : null);
        Results.End(first, "uat-local-shard-1.trx");
        Results.Run(second, "run-b", t => half[t] == 1 ? AllureStatus.Passed : null);
        Results.End(second, "uat-local-shard-2.trx");

        var runId = ShardMerge.Merge([first, second], merged, Now);

        var run = RunResults.Load(merged);
        Assert.Equal(Results.Expected.Count, run.Tests.Count);
        Assert.All(Results.Expected, t => Assert.NotNull(run.Find(t)));
        Assert.Equal(runId, run.RunId);
        Assert.StartsWith("20261202-090000-", runId);
        Assert.Equal("shard 1: run run-a; shard 2: run run-b", run.Environment["Run.shards"]);

        Assert.Equal(2, RunManifest.Read(merged)!.Files.Count(f => f.Path.StartsWith("test-results/", StringComparison.Ordinal)));
        var signed = SignOffDesk.Sign(Results.Root, merged, signOff, new SignOffRequest(Signers.Pat, "nightly, two shards", "all",
            AppResults: Results.AppTests(), CriticalBugs: "none", Documentation: "complete"), Signers.Reviewed, Now);
        Assert.Equal(runId, Assert.IsType<SignOffRecord>(signed.Record).RunId);
        Assert.StartsWith("VALID", SignOffDesk.Verify(merged, signOff, Signers.Reviewed));
    }

    [Fact]
    public void A_test_in_two_shards_or_shards_of_another_target_are_refused()
    {
        var (first, second, third, merged) = (NewDirectory(), NewDirectory(), NewDirectory(), NewDirectory());
        Results.Run(first, "run-a", t => t == Results.Expected[0] ? AllureStatus.Passed : null);
        Results.Run(second, "run-b", t => t == Results.Expected[0] || t == Results.Expected[1] ? AllureStatus.Passed : null);
        var twice = Assert.Throws<InvalidOperationException>(() => ShardMerge.Merge([first, second], merged, Now)).Message;
        Assert.StartsWith("1 test(s) ran in more than one shard, e.g. \"", twice);
        Assert.Contains("\" in run-a and run-b: give every shard the same shard count", twice);

        var writer = Results.Run(third, "run-c", t => t == Results.Expected[1] ? AllureStatus.Passed : null);
        writer.WriteEnvironment([new("APP_ENV", "dev"), new("Run.id", "run-c"), new("Database", "backoffice_db at 127.0.0.1:5432")]);
        Results.End(third);
        Assert.Equal("The shards are not of one run: their APP_ENV differs (local / dev)",
            Assert.Throws<InvalidOperationException>(() => ShardMerge.Merge([first, third], merged, Now)).Message);
    }

    public void Dispose()
    {
        foreach (var dir in _dirs) Results.DeleteRun(dir);
    }
}
