using PadUat.Drivers.Database;
using PadUat.Drivers.Slack;
using PadUat.Support;
using PadUat.Support.Configuration;
using PadUat.Support.Evidence;
using PadUat.Support.TestData;

namespace PadUat.Drivers;

/// <summary>
/// The journeys many scenarios share — "the employee has submitted a request", "…approved by their manager" —
/// composed from the Slack driver, so the Given steps of every feature are one line each. Every request a
/// journey causes is registered for clean-up the moment its number is known.
/// </summary>
public sealed class PadJourneys(SlackDriver slack, FirmDirectory directory, UatPeople people, CreatedRows created, ScenarioClock clock)
{
    public const string ManagerStage = "manager";
    public const string ComplianceStage = "compliance";

    public Task<Employee> PersonAsync(string role) => directory.EmployeeAsync(people.EmailOf(role));

    public Task<SlackMessage> AskAsync(string role, TradeAsk ask) => slack.AskForPreApprovalAsync(role, ask);

    public async Task<Submission> ConfirmAsync(string role, SlackMessage summary)
    {
        created.WillCreateRequestsAs((await PersonAsync(role)).Id, clock.Start);
        var submission = await slack.ConfirmAsync(role, summary);
        if (submission.RequestId is { } id) created.Request(id);
        else created.RefusalsBy((await PersonAsync(role)).Id, clock.Start);
        return submission;
    }

    public async Task<int> SubmitAsync(string role, TradeAsk ask)
    {
        var submission = await ConfirmAsync(role, await AskAsync(role, ask));
        return submission.RequestId ?? throw new CheckFailed($"The bot refused a request it should accept: {submission.BotAnswer}");
    }

    public async Task DecideAsync(string role, int requestId, string stage, bool approve) =>
        await slack.DecideAsync(role, await slack.ExpectDecisionRequestAsync(role, requestId, stage), stage, approve);

    /// <summary>Submitted by the employee and approved by their manager; returns once the employee has been told.</summary>
    public async Task<int> ApprovedByManagerAsync(TradeAsk ask)
    {
        var id = await SubmitAsync(Roles.Employee, ask);
        await DecideAsync(Roles.Manager, id, ManagerStage, approve: true);
        await slack.ExpectToldAsync(Roles.Employee, BotPhrases.ManagerApproved(id), "their manager approved");
        return id;
    }
}
