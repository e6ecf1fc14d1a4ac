using PadUat.Drivers.Database;
using PadUat.Drivers.Slack;
using PadUat.Drivers.TestData;
using PadUat.Support;
using PadUat.Support.Configuration;
using PadUat.Support.Contract;
using PadUat.Support.Evidence;
using PadUat.Support.TestData;

namespace PadUat.Drivers;

/// <summary>
/// The journeys many scenarios share — "the employee has submitted a request", "…approved by their manager" —
/// composed from the Slack driver, so the Given steps of every feature are one line each. Every request a
/// journey causes is registered for clean-up the moment its number is known.
/// </summary>
public sealed class PadJourneys(SlackDriver slack, BotPhrases phrases, FirmDirectory directory, Cast cast, CreatedRows created, ScenarioClock clock,
    TestDataDriver testData, TradeValues values)
{
    public const string ManagerStage = "manager";
    public const string ComplianceStage = "compliance";

    /// <summary>The test person as the firm's directory knows them.</summary>
    public Task<Employee> PersonAsync(TestPerson who) => directory.EmployeeAsync(who.Email);

    /// <summary>Anyone by their id: who an audit row or a request names.</summary>
    public Task<Employee> PersonByIdAsync(int id) => directory.EmployeeByIdAsync(id);

    /// <summary>A security as the firm's reference data describes it.</summary>
    public Task<Security> SecurityAsync(string ticker) => directory.SecurityAsync(ticker);

    /// <summary>
    /// The conversation up to the summary, or to where the bot ended it. The bot may refuse the security at its lookup
    /// (restricted: checklist 8.1) and audit the attempt with no request: announced first, so the clean-up finds that row.
    /// </summary>
    public async Task<SlackMessage> AskAsync(TestPerson who, TradeAsk ask)
    {
        created.RefusalsBy((await PersonAsync(who)).Id, clock.Start);
        return await slack.AskForPreApprovalAsync(who, ask);
    }

    public async Task<Submission> ConfirmAsync(TestPerson who, SlackMessage summary, bool doubleClick = false)
    {
        created.WillCreateRequestsAs((await PersonAsync(who)).Id, clock.Start);
        var submission = await slack.ConfirmAsync(who, summary, doubleClick);
        if (submission.RequestId is { } id) created.Request(id);
        else created.RefusalsBy((await PersonAsync(who)).Id, clock.Start);
        return submission;
    }

    public async Task<int> SubmitAsync(TestPerson who, TradeAsk ask)
    {
        var submission = await ConfirmAsync(who, await AskAsync(who, ask));
        return submission.RequestId ?? throw new CheckFailed($"The bot refused a request it should accept: {submission.BotAnswer}");
    }

    /// <summary>The reason a withdrawal gives (checklist 6.2's example).</summary>
    public const string WithdrawalReason = "Market conditions changed";

    /// <summary>The broker's confirmation number an execution report gives: the checklist's form (4.5, "CONF-2026-0120-001"), one per request.</summary>
    public static string ConfirmationNumber(int requestId) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"CONF-UAT-{requestId}");

    /// <summary>The reason a rejection gives unless a scenario says otherwise (checklist 5.2's example).</summary>
    public const string RejectionReason = "Trade size too large for current market conditions";

    /// <remarks>A rejection gives a reason, as the checklist's approvers do (5.2), unless <paramref name="comment"/> says otherwise.</remarks>
    public async Task DecideAsync(TestPerson who, int requestId, string stage, bool approve, string? comment = null) =>
        await slack.DecideAsync(who, await slack.ExpectDecisionRequestAsync(who, requestId, stage), stage, approve, comment ?? (approve ? null : RejectionReason));

    /// <summary>A rejection with the comments box left empty.</summary>
    public async Task RejectWithoutReasonAsync(TestPerson who, int requestId, string stage) =>
        await slack.DecideAsync(who, await slack.ExpectDecisionRequestAsync(who, requestId, stage), stage, approve: false);

    /// <summary>Submitted by the employee and approved by their manager; returns once the employee has been told.</summary>
    public async Task<int> ApprovedByManagerAsync(TradeAsk ask)
    {
        var id = await SubmitAsync(cast.Employee, ask);
        await DecideAsync(cast.Manager, id, ManagerStage, approve: true);
        await slack.ExpectToldAsync(cast.Employee, phrases.Decided(ManagerStage, approved: true, id), "their manager approved");
        return id;
    }

    /// <summary>
    /// A request of <paramref name="owner"/>'s that already got as far as <paramref name="stage"/> (laid down as test
    /// data, not asked of the bot), compliance's decision <paramref name="finalDecisionAgo"/> before the scenario began (in
    /// whole minutes), the manager's <paramref name="managerBeforeCompliance"/> before that. Decided by the owner's own manager.
    /// </summary>
    public Task<RequestHistory> RequestAtAsync(TestPerson ownedBy, int quantity, string ticker, RequestStage stage,
        TimeSpan finalDecisionAgo, TimeSpan managerBeforeCompliance, RiskLevel? atRisk = null) =>
        RequestDecidedAtAsync(ownedBy, quantity, ticker, stage,
            new DateTime(clock.Start.Ticks - clock.Start.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc) - finalDecisionAgo, managerBeforeCompliance, atRisk);

    /// <summary>As <see cref="RequestAtAsync"/>, compliance's decision at <paramref name="finalDecisionAt"/> (UTC).</summary>
    public async Task<RequestHistory> RequestDecidedAtAsync(TestPerson ownedBy, int quantity, string ticker, RequestStage stage,
        DateTime finalDecisionAt, TimeSpan managerBeforeCompliance, RiskLevel? atRisk = null)
    {
        var owner = await PersonAsync(ownedBy);
        var manager = await directory.EmployeeByIdAsync(owner.ManagerId
            ?? throw new SetupError($"{ownedBy} ({owner.Email}) has no manager in the firm's directory, so nobody can approve their requests: choose test people with a manager"));
        var history = new RequestHistory(owner, manager, await PersonAsync(cast.Compliance), await directory.SecurityAsync(ticker), TradeDirection.Buy,
            quantity, stage, finalDecisionAt, managerBeforeCompliance);
        if (await values.BandsAsync() is { } bands)
        {
            history = atRisk is { } risk ? history with { Value = bands.ValueAt(risk) } : history;
            history = history with { Risk = bands.RiskOf(history.Value) };
        }
        else if (atRisk is not null)
            throw new SetupError("The target's contract declares no risk routing (rules.routing): a request at a given risk cannot be laid down");
        return history with { Id = await testData.RequestAsync(history) };
    }
}
