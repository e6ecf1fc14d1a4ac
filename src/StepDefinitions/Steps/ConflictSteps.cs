using PadUat.Contexts;
using PadUat.Drivers.Database;
using PadUat.Drivers.Slack;
using TechTalk.SpecFlow;
using TechTalk.SpecFlow.UnitTestProvider;
using PadUat.Support.Evidence;

namespace PadUat.Steps;

/// <summary>Plan scenario 9: conflicts are advisory. Run only where the target declares conflict detection.</summary>
[Binding]
public sealed class ConflictSteps(BotPhrases phrases, PadRecords records, IUnitTestRuntimeProvider runtime, RequestContext request, PadUat.Support.Evidence.Evidence evidence)
{
    [Given(@"^the target declares firm-trading conflict detection$")]
    public async Task GivenConflictDetection()
    {
        var (declared, reading) = await records.ConflictDetectionAsync();
        if (declared) return;
        // The sign-off accepts this skip only because the target itself declares the feature absent: quoted on the record.
        evidence.Label(PadUat.Support.SignOff.SignOffCriteria.NotApplicableLabel, reading);
        runtime.TestIgnore($"Not applicable: the target does not declare conflict detection ({reading}); plan 5.10 skips scenario 9 until it is implemented.");
    }

    [Then(@"^the bot tells the employee the request is flagged for compliance as advisory$")]
    public void ThenFlagged() =>
        Expect.That(request.Submission!.RequestId is not null && phrases.ConflictFlagged.IsMatch(request.Submission.BotAnswer),
            "The request should be submitted and flagged for compliance as an advisory conflict", () => $"the bot said \"{request.Submission.BotAnswer}\"");
}
