using PadUat.Drivers.TestData;
using PadUat.Support.Evidence;
using TechTalk.SpecFlow;
using TechTalk.SpecFlow.UnitTestProvider;

namespace PadUat.Steps;

/// <summary>Risk routing: who is asked depends on the value against the target's own thresholds.</summary>
[Binding]
public sealed class RoutingSteps(TradeValues trades, IUnitTestRuntimeProvider runtime, Evidence evidence)
{
    [Given(@"^the target approves low-risk requests automatically$")]
    public async Task GivenAutoApproval()
    {
        var bands = await trades.BandsAsync() ?? throw new SetupError("The target's contract declares no risk routing (rules.routing)");
        if (bands.AutoApprove) return;
        // As for conflicts: skipped only because the target's own settings say auto-approval is off, quoted on the record.
        var reading = $"auto-approval off in the target's settings (values from {bands.Medium} go to the manager)";
        evidence.Label(PadUat.Support.SignOff.SignOffCriteria.NotApplicableLabel, reading);
        runtime.TestIgnore($"Not applicable: {reading}.");
    }
}
