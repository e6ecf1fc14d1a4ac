using PadUat.Support;
using PadUat.Support.Allure;
using PadUat.Support.Evidence;
using PadUat.Support.Lifecycle;
using Xunit;

namespace PadUat.Tests;

/// <summary>
/// A wait that runs out is a verdict on the product only while the target answers (issue 23: a database hung just after
/// the manager's click once ended the scenario failed). In the sandbox's collection, where every other test that waits
/// runs too, one at a time: it sets the process-wide target health, as a run does.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class HangVerdictTests(SandboxFixture f)
{
    private Target Target(int databasePort) => f.Target(databasePort: databasePort);

    private static Task<int> NeverSatisfied() =>
        Eventually.UntilAsync(() => Task.FromResult(0), n => n > 0, TimeSpan.FromMilliseconds(50), "the bot's answer");

    [Fact]
    public async Task A_wait_that_runs_out_while_the_target_answers_is_a_product_verdict()
    {
        TargetHealth.Current = new TargetHealth(Target(f.Sandbox.DatabasePort));
        try { Assert.Equal(AllureStatus.Failed, Evidence.StatusOf(await Assert.ThrowsAsync<CheckFailed>(NeverSatisfied))); }
        finally { TargetHealth.Current = null; }
    }

    [Fact]
    public async Task A_wait_that_runs_out_while_the_database_is_silent_is_broken_naming_it_and_trips_the_breaker()
    {
        var health = new TargetHealth(Target(databasePort: 1));
        TargetHealth.Current = health;
        try
        {
            var hung = await Assert.ThrowsAsync<TargetStoppedAnswering>(NeverSatisfied);
            Assert.Equal(AllureStatus.Broken, Evidence.StatusOf(hung));
            Assert.Contains("the bot's answer did not happen", hung.Message);
            Assert.Contains("not a verdict on the product: the dev target stopped answering at", hung.Message);
            Assert.Contains("the database backoffice_db at 127.0.0.1:1 did not answer within 5 s", hung.Message);
            Assert.NotNull(health.Tripped);
        }
        finally { TargetHealth.Current = null; }
    }
}
