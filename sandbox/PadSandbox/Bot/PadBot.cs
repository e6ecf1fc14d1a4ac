using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using PadSandbox.Workflow;
using static PadSandbox.Bot.ConversationState;

namespace PadSandbox.Bot;

/// <summary>
/// The PA-dealing Slack bot. A DM conversation takes the request (<see cref="RequestConversation"/>) up to a preview whose
/// Agree &amp; Submit submits it; managers and compliance decide with Approve/Decline buttons; the employee is told every
/// decision and records executions and withdrawals by message.
/// </summary>
public sealed partial class PadBot(BotSlackClient slack, BotVoice voice, RequestConversation conversation, ExecutionConversation executions,
    WithdrawalConversation withdrawals, People people, PadWorkflow workflow,
    ChatbotSessions sessions, FaultSet faults, DashboardLink dashboard, ComplianceChannel complianceChannel, DecisionNotices notices)
{
    private readonly ConcurrentDictionary<string, Employee> _employeeBySlackId = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _perUser = new();

    /// <summary>
    /// A person's message: the bot answers in its thread — the one it was written in, or, written at the top of the DM, a
    /// new one started from it (T/conversational_session_hardening_20260104/spec.md:9-30: the DM is a launcher).
    /// </summary>
    public Task OnMessageAsync(string slackUserId, string channel, string ts, string? threadTs, string text) => OneAtATimeAsync(slackUserId, async () =>
    {
        var thread = new ChatThread(channel, threadTs ?? ts);
        // Anyone in the Slack workspace can write to the bot; only the firm's employees can ask it for anything.
        if (await EmployeeAsync(slackUserId) is { } employee) await HandleMessageAsync(employee, slackUserId, thread, text.Trim(), opens: threadTs is null);
        else await voice.SayAsync(thread, "I can't find you in the firm's employee records, so I can't take requests from you.");
    });

    /// <summary>
    /// What the message is about, as the LLM reads intent: an execution or a withdrawal of a numbered request (checklist 4.1,
    /// 6.1) starts that conversation wherever it is written; otherwise the thread's conversation goes on, or a new request begins.
    /// </summary>
    private async Task HandleMessageAsync(Employee employee, string slackUserId, ChatThread thread, string text, bool opens)
    {
        if (ExecutionIntent().Match(text) is { Success: true } executed)
        {
            await executions.OpenAsync(employee, slackUserId, thread, RequestNumber(executed));
            return;
        }
        if (WithdrawalIntent().Match(text) is { Success: true } withdraw)
        {
            await withdrawals.OpenAsync(employee, slackUserId, thread, RequestNumber(withdraw));
            return;
        }
        if (text.Equals("cancel", StringComparison.OrdinalIgnoreCase))
        {
            // At the top of the DM there is nothing to cancel: each request is held in its own thread.
            if (!opens) await conversation.CloseAsync(thread.Ts, slackUserId, employee.Id);
            await voice.SayAsync(thread, opens ? "There's no request in progress here: to cancel one, reply cancel in its thread." : "Cancelled. Nothing was submitted.");
            return;
        }
        var session = opens ? null : await sessions.GetAsync(thread.Ts);
        if (session is not null && IsExecution(session.State)) await executions.AnswerAsync(employee, slackUserId, thread, session, text);
        else if (session is not null && IsWithdrawal(session.State)) await withdrawals.AnswerAsync(employee, slackUserId, thread, session, text);
        else await conversation.OnMessageAsync(employee, slackUserId, thread, text, opens);
    }

    /// <param name="threadTs">The thread the clicked message is in (a preview is in its request's), or null at the top of the DM.</param>
    /// <param name="comment">What the clicker typed in the message's comments input, if anything.</param>
    public Task OnActionAsync(string slackUserId, string channel, string messageTs, string? threadTs, string actionId, string? value, string responseUrl,
        string? comment = null) =>
        OneAtATimeAsync(slackUserId, async () =>
        {
            // Buttons are only on messages the bot sent to people it found in the employee records.
            if (await EmployeeAsync(slackUserId) is not { } actor) return;
            var thread = new ChatThread(channel, threadTs ?? messageTs);
            switch (actionId)
            {
                case Messages.Confirm: await ConfirmAsync(actor, slackUserId, thread, messageTs, responseUrl); break;
                case Messages.Cancel:
                    await conversation.CloseAsync(thread.Ts, slackUserId, actor.Id);
                    await voice.AnswerClickAsync(responseUrl, "Cancelled. Nothing was submitted.");
                    break;
                case Messages.RecordExecution: await executions.RecordAsync(actor, slackUserId, thread, messageTs, responseUrl); break;
                case Messages.WithdrawRequest: await withdrawals.WithdrawAsync(actor, slackUserId, thread, messageTs, responseUrl); break;
                case Messages.CancelFollowUp:
                    await conversation.CloseAsync(thread.Ts, slackUserId, actor.Id);
                    await voice.AnswerClickAsync(responseUrl, "Cancelled. Nothing was changed.");
                    break;
                case Messages.ManagerApprove or Messages.ManagerReject:
                    if (await RecordAsync(workflow.DecideAsManagerAsync(Messages.RequestOf(value), actor, actionId == Messages.ManagerApprove, comment), actor,
                            new Clicked(channel, messageTs, responseUrl), "manager", (Messages.ManagerApprove, Messages.ManagerReject)) is { } byManager)
                        await notices.ManagerDecidedAsync(byManager, actor);
                    break;
                case Messages.ComplianceApprove or Messages.ComplianceReject:
                    if (await RecordAsync(workflow.DecideAsComplianceAsync(Messages.RequestOf(value), actor, actionId == Messages.ComplianceApprove, comment), actor,
                            new Clicked(channel, messageTs, responseUrl), "compliance", (Messages.ComplianceApprove, Messages.ComplianceReject)) is { } byCompliance)
                        await notices.ComplianceDecidedAsync(byCompliance, actor);
                    break;
                case Messages.Smf16Approve or Messages.Smf16Reject:
                    if (await RecordAsync(workflow.DecideAsSmf16Async(Messages.RequestOf(value), actor, actionId == Messages.Smf16Approve, comment), actor,
                            new Clicked(channel, messageTs, responseUrl), "smf16", (Messages.Smf16Approve, Messages.Smf16Reject)) is { } bySmf16)
                        await notices.Smf16DecidedAsync(bySmf16, actor);
                    break;
            }
        });

    /// <summary>
    /// A decision is answered by replacing the decision message with what was decided, and no buttons. With the fault, as a
    /// bot that rebuilds the message from its template: the text says so, but Approve and Reject stay to be clicked again.
    /// </summary>
    private Task AnswerDecisionAsync(string responseUrl, string text, int requestId, string stage, (string Approve, string Reject) actionIds) =>
        voice.AnswerClickAsync(responseUrl, text,
            faults.Has("decision-buttons-kept") ? Messages.DecisionBlocks(text, requestId, stage, actionIds.Approve, actionIds.Reject, dashboard) : null);

    /// <summary>
    /// Slack delivers a person's messages and clicks as they come, concurrently; the bot handles one person's one at a
    /// time, so a double click or a quick second message meets the conversation the first one left.
    /// </summary>
    private async Task OneAtATimeAsync(string slackUserId, Func<Task> work)
    {
        var gate = _perUser.GetOrAdd(slackUserId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try { await work(); }
        finally { gate.Release(); }
    }

    private async Task ConfirmAsync(Employee employee, string slackUserId, ChatThread thread, string messageTs, string responseUrl)
    {
        var session = await sessions.GetAsync(thread.Ts);
        if (session.State != AwaitingConfirmation || session.Draft.SummaryTs != messageTs)
        {
            await voice.SayAsync(thread, "That summary is no longer open. Send me a message to start a new request.");
            return;
        }
        var d = await conversation.CloseAsync(thread.Ts, slackUserId, employee.Id);
        var outcome = await workflow.SubmitAsync(employee,
            new TradeDraft(d.Ticker!, d.Direction!, d.Quantity!.Value, d.Price!.Value, d.Currency!, d.Reason!, NoInsideInformation: true));
        if (!outcome.Ok)
        {
            await voice.AnswerClickAsync(responseUrl, $"{Summary(d)}\n❌ Not submitted.");
            await voice.SayAsync(thread, $"❌ {outcome.Refusal}");
            return; // refused: the reason was all there is to say
        }
        var submission = outcome.Value!;
        var manager = employee.ManagerId is { } managerId ? await people.ByIdAsync(managerId) : null;
        await voice.AnswerClickAsync(responseUrl, $"{Summary(d)}\nSubmitted as request #{submission.RequestId}.");
        if (submission.Status == Workflow.Status.Approved)
        {
            // Low risk with auto-approval on: nobody is asked (e2e_test_scenarios.md:20-40).
            await voice.SayAsync(thread, $"✅ Request #{submission.RequestId} submitted: {Trade(d)}. Low risk: approved automatically, no approval needed.");
            await voice.SayAsync(thread, Messages.Approved(submission.RequestId));
            return;
        }
        var text = $"✅ Request #{submission.RequestId} submitted: {Trade(d)}. Waiting for {manager?.Name ?? "your manager"} (your manager).";
        if (submission.ConflictFlag)
            text += $"\n⚠️ Flagged for compliance: {submission.ConflictDetail}. This is advisory and does not block your request.";
        await voice.SayAsync(thread, text);
        if (manager is not null && !faults.Has("no-manager-notification"))
        {
            var ask = $"{employee.Name} asks to {Trade(d)} — request #{submission.RequestId}.";
            await ReplyAsync(await slack.UserIdOfAsync(manager.Email), Messages.Notification(submission.RequestId, ask),
                Messages.DecisionBlocks(ask, submission.RequestId, "manager", Messages.ManagerApprove, Messages.ManagerReject, dashboard,
                    new RequestCard(employee.Name, employee.MakoId, submission.Security.Description, d.Ticker!, d.Direction!, d.Quantity!.Value,
                        d.Value!.Value, d.Currency!, submission.Risk, faults.Has("approval-card-without-reason") ? null : d.Reason)));
        }
    }

    /// <summary>
    /// What every stage's decision does first: the workflow records it, or refuses with the reason (said to whoever clicked);
    /// a recorded decision answers the click. Null when refused.
    /// </summary>
    /// <remarks>
    /// In the compliance channel the whole team sees the answer: it says who decided ("✅ Approved by …",
    /// conductor/archive/legacy_agent_docs_20251230/SLACK_AGENT.md:75), and a refusal is said there too, in the message's thread.
    /// </remarks>
    private async Task<Decision?> RecordAsync(Task<Outcome<Decision>> deciding, Employee decider, Clicked clicked, string stage,
        (string Approve, string Reject) actionIds)
    {
        var outcome = await deciding;
        var inChannel = clicked.Channel == complianceChannel.Id;
        if (!outcome.Ok)
        {
            await voice.SayAsync(clicked.Channel, $"⛔ {outcome.Refusal}", threadTs: inChannel ? clicked.MessageTs : null);
            return null;
        }
        var (approve, requestId) = (outcome.Value!.NewStatus != Workflow.Status.Declined, outcome.Value.Request.Id);
        var answer = inChannel ? $"{(approve ? "✅ Approved" : "❌ Rejected")} by {decider.Name}: request #{requestId}." : $"You {(approve ? "approved" : "rejected")} request #{requestId}.";
        if (!faults.Has("stale-decision-message")) await AnswerDecisionAsync(clicked.ResponseUrl, answer, requestId, stage, actionIds);
        return outcome.Value;
    }

    private Task<string> ReplyAsync(string channel, string text, System.Text.Json.Nodes.JsonArray? blocks = null) => voice.SayAsync(channel, text, blocks);

    private async Task<Employee?> EmployeeAsync(string slackUserId)
    {
        if (_employeeBySlackId.TryGetValue(slackUserId, out var known)) return known;
        var employee = await people.ByEmailAsync(await slack.EmailOfAsync(slackUserId));
        if (employee is not null) _employeeBySlackId[slackUserId] = employee;
        return employee;
    }

    private static string Summary(Draft d) => $"Your request: {Trade(d)}. You declared you hold no inside information.";

    private static string Trade(Draft d) => Messages.Trade(d);

    private static int RequestNumber(Match intent) => int.Parse(intent.Groups["id"].Value, CultureInfo.InvariantCulture);

    /// <summary>"I executed my trade for request 10003", "executed #10003", "record the execution of request 10003".</summary>
    [GeneratedRegex(@"\bexecut(ed|ion)\b[^#\d]*#?\s*(?<id>\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex ExecutionIntent();

    /// <summary>"I want to withdraw my request 10003", "withdraw #10003", "please withdraw request 10003".</summary>
    [GeneratedRegex(@"\bwithdraw\w*\b[^#\d]*#?\s*(?<id>\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex WithdrawalIntent();

    /// <summary>Where a decision button was clicked, to answer it there.</summary>
    private sealed record Clicked(string Channel, string MessageTs, string ResponseUrl);
}
