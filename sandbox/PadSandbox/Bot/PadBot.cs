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
public sealed partial class PadBot(BotSlackClient slack, BotVoice voice, RequestConversation conversation, People people, PadWorkflow workflow,
    ChatbotSessions sessions, FaultSet faults, DashboardLink dashboard, ComplianceChannel complianceChannel, ILogger<PadBot> log)
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

    private async Task HandleMessageAsync(Employee employee, string slackUserId, ChatThread thread, string text, bool opens)
    {
        if (ExecutedCommand().Match(text) is { Success: true } executed)
        {
            await RecordExecutionAsync(employee, thread, executed);
            return;
        }
        if (WithdrawCommand().Match(text) is { Success: true } withdraw)
        {
            var id = int.Parse(withdraw.Groups[1].Value, CultureInfo.InvariantCulture);
            var outcome = await workflow.WithdrawAsync(id, employee);
            await voice.SayAsync(thread, outcome.Ok ? $"Request #{id} is withdrawn." : $"⛔ {outcome.Refusal}");
            return;
        }
        if (text.Equals("cancel", StringComparison.OrdinalIgnoreCase))
        {
            // At the top of the DM there is nothing to cancel: each request is held in its own thread.
            if (!opens) await conversation.CloseAsync(thread.Ts, slackUserId, employee.Id);
            await voice.SayAsync(thread, opens ? "There's no request in progress here: to cancel one, reply cancel in its thread." : "Cancelled. Nothing was submitted.");
            return;
        }
        await conversation.OnMessageAsync(employee, slackUserId, thread, text, opens);
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
                    await AnswerClickAsync(responseUrl, "Cancelled. Nothing was submitted.");
                    break;
                case Messages.ManagerApprove or Messages.ManagerReject:
                    await ManagerDecisionAsync(actor, channel, messageTs, responseUrl, Messages.RequestOf(value), actionId == Messages.ManagerApprove, comment);
                    break;
                case Messages.ComplianceApprove or Messages.ComplianceReject:
                    await ComplianceDecisionAsync(actor, channel, messageTs, responseUrl, Messages.RequestOf(value), actionId == Messages.ComplianceApprove, comment);
                    break;
                case Messages.Smf16Approve or Messages.Smf16Reject:
                    await Smf16DecisionAsync(actor, channel, messageTs, responseUrl, Messages.RequestOf(value), actionId == Messages.Smf16Approve, comment);
                    break;
            }
        });

    /// <summary>
    /// Every click is answered by replacing the clicked message; an answer Slack refuses is logged and the handling goes
    /// on, as a Bolt app's respond() in a try/except does. With the fault, the answer carries a button without a label:
    /// Slack refuses it (invalid_blocks) and the person keeps seeing the message they clicked.
    /// </summary>
    private async Task AnswerClickAsync(string responseUrl, string text, JsonArray? blocks = null)
    {
        try
        {
            await slack.RespondAsync(responseUrl, text, faults.Has("click-answer-refused")
                ? BlockKit.Of(BlockKit.Section(text), BlockKit.Buttons(null, ("acknowledge", "", null, null, null)))
                : blocks);
        }
        catch (InvalidOperationException e) { log.LogWarning("Slack refused the answer to a click: {Why}", e.Message); }
    }

    /// <summary>
    /// A decision is answered by replacing the decision message with what was decided, and no buttons. With the fault, as a
    /// bot that rebuilds the message from its template: the text says so, but Approve and Reject stay to be clicked again.
    /// </summary>
    private Task AnswerDecisionAsync(string responseUrl, string text, int requestId, string stage, (string Approve, string Reject) actionIds) =>
        AnswerClickAsync(responseUrl, text,
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
            await AnswerClickAsync(responseUrl, $"{Summary(d)}\n❌ Not submitted.");
            await voice.SayAsync(thread, $"❌ {outcome.Refusal}");
            return; // refused: the reason was all there is to say
        }
        var submission = outcome.Value!;
        var manager = employee.ManagerId is { } managerId ? await people.ByIdAsync(managerId) : null;
        await AnswerClickAsync(responseUrl, $"{Summary(d)}\nSubmitted as request #{submission.RequestId}.");
        if (submission.Status == Workflow.Status.Approved)
        {
            // Low risk with auto-approval on: nobody is asked (e2e_test_scenarios.md:20-40).
            await voice.SayAsync(thread, $"✅ Request #{submission.RequestId} submitted: {Trade(d)}. Low risk: approved automatically, no approval needed.");
            await voice.SayAsync(thread, ApprovedText(submission.RequestId));
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
                Messages.DecisionBlocks(ask, submission.RequestId, "manager", Messages.ManagerApprove, Messages.ManagerReject, dashboard));
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
    private async Task<Decision?> RecordAsync(Task<Outcome<Decision>> deciding, Employee decider, string channel, string messageTs, string responseUrl,
        int requestId, bool approve, string stage, (string Approve, string Reject) actionIds)
    {
        var outcome = await deciding;
        var inChannel = channel == complianceChannel.Id;
        if (!outcome.Ok)
        {
            await voice.SayAsync(channel, $"⛔ {outcome.Refusal}", threadTs: inChannel ? messageTs : null);
            return null;
        }
        var verb = approve ? "approved" : "rejected";
        var answer = inChannel ? $"{(approve ? "✅ Approved" : "❌ Rejected")} by {decider.Name}: request #{requestId}." : $"You {verb} request #{requestId}.";
        if (!faults.Has("stale-decision-message")) await AnswerDecisionAsync(responseUrl, answer, requestId, stage, actionIds);
        return outcome.Value;
    }

    private async Task ManagerDecisionAsync(Employee manager, string channel, string messageTs, string responseUrl, int requestId, bool approve, string? comment)
    {
        if (await RecordAsync(workflow.DecideAsManagerAsync(requestId, manager, approve, comment), manager, channel, messageTs, responseUrl, requestId, approve, "manager",
                (Messages.ManagerApprove, Messages.ManagerReject)) is not { } decision) return;
        var employee = (await people.ByIdAsync(decision.Request.EmployeeId))!;
        var employeeChannel = await slack.UserIdOfAsync(employee.Email);
        if (decision.NewStatus == Workflow.Status.PendingCompliance)
        {
            await ReplyAsync(employeeChannel, $"{manager.Name} (your manager) approved request #{requestId}. It now goes to compliance.");
            var ask = $"{employee.Name} asks to {Trade(decision.Request)} — request #{requestId}, approved by {manager.Name}." +
                      (decision.Request.ConflictFlag ? $"\n⚠️ Conflict (advisory): {decision.Request.ConflictDetail}." : "");
            // Once, to the compliance channel (T/slack_ui_dashboard_links_20260125/spec.md:20-22), not to each officer.
            await ReplyAsync(complianceChannel.Id, Messages.Notification(requestId, ask),
                Messages.DecisionBlocks(ask, requestId, "compliance", Messages.ComplianceApprove, Messages.ComplianceReject, dashboard));
        }
        else if (decision.NewStatus == Workflow.Status.Approved)
            await ReplyAsync(employeeChannel, ApprovedText(requestId));
        else
            await ReplyAsync(employeeChannel, $"{manager.Name} (your manager) rejected request #{requestId}. Do not trade.");
    }

    private async Task ComplianceDecisionAsync(Employee officer, string channel, string messageTs, string responseUrl, int requestId, bool approve, string? comment)
    {
        if (await RecordAsync(workflow.DecideAsComplianceAsync(requestId, officer, approve, comment), officer, channel, messageTs, responseUrl, requestId, approve, "compliance",
                (Messages.ComplianceApprove, Messages.ComplianceReject)) is not { } decision) return;
        var employee = (await people.ByIdAsync(decision.Request.EmployeeId))!;
        var employeeChannel = await slack.UserIdOfAsync(employee.Email);
        if (decision.NewStatus == Workflow.Status.PendingSmf16)
        {
            // High risk: the SMF16 approver decides last (e2e_test_scenarios.md:103-145).
            await ReplyAsync(employeeChannel, $"Compliance ({officer.Name}) approved request #{requestId}. As a high-value trade it now goes to the SMF16 approver.");
            var ask = $"{employee.Name} asks to {Trade(decision.Request)} — request #{requestId}, approved by their manager and compliance (high value).";
            foreach (var approver in (await people.AllAsync()).Where(p => p.IsSmf16 && p.Id != employee.Id))
                await ReplyAsync(await slack.UserIdOfAsync(approver.Email), Messages.Notification(requestId, ask),
                    Messages.DecisionBlocks(ask, requestId, "smf16", Messages.Smf16Approve, Messages.Smf16Reject, dashboard));
            return;
        }
        await ReplyAsync(employeeChannel, approve
            ? ApprovedText(requestId)
            : $"Compliance ({officer.Name}) rejected request #{requestId}. Do not trade.");
    }

    private async Task Smf16DecisionAsync(Employee approver, string channel, string messageTs, string responseUrl, int requestId, bool approve, string? comment)
    {
        if (await RecordAsync(workflow.DecideAsSmf16Async(requestId, approver, approve, comment), approver, channel, messageTs, responseUrl, requestId, approve, "smf16",
                (Messages.Smf16Approve, Messages.Smf16Reject)) is not { } decision) return;
        var employee = (await people.ByIdAsync(decision.Request.EmployeeId))!;
        await ReplyAsync(await slack.UserIdOfAsync(employee.Email), approve
            ? ApprovedText(requestId)
            : $"The SMF16 approver ({approver.Name}) rejected request #{requestId}. Do not trade.");
    }

    private async Task RecordExecutionAsync(Employee employee, ChatThread thread, Match command)
    {
        var id = int.Parse(command.Groups[1].Value, CultureInfo.InvariantCulture);
        if (!TryAmount(command.Groups[2].Value, out var quantity) || !TryAmount(command.Groups[3].Value, out var price))
        {
            await voice.SayAsync(thread, "⛔ An execution needs a quantity and a price above zero: executed #<request> <quantity> @ <price> [on <yyyy-MM-dd HH:mm> UTC]");
            return;
        }
        var at = DateTime.UtcNow;
        if (command.Groups[4].Success && !DateTime.TryParse(command.Groups[4].Value, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at))
        {
            await voice.SayAsync(thread, $"I can't read the date '{command.Groups[4].Value}'. Use yyyy-MM-dd HH:mm (UTC).");
            return;
        }
        var outcome = await workflow.RecordExecutionAsync(id, employee, at, price, quantity);
        await voice.SayAsync(thread, outcome.Ok
            ? $"Recorded the execution of request #{id}: {quantity:0.##} @ {price:0.####} on {at:yyyy-MM-dd HH:mm} UTC. " +
              $"Within two days of approval: {(outcome.Value!.WithinTwoDays ? "yes" : "no — compliance will follow up")}."
            : $"⛔ {outcome.Refusal}");
    }

    private Task<string> ReplyAsync(string channel, string text, System.Text.Json.Nodes.JsonArray? blocks = null) => voice.SayAsync(channel, text, blocks);

    private async Task<Employee?> EmployeeAsync(string slackUserId)
    {
        if (_employeeBySlackId.TryGetValue(slackUserId, out var known)) return known;
        var employee = await people.ByEmailAsync(await slack.EmailOfAsync(slackUserId));
        if (employee is not null) _employeeBySlackId[slackUserId] = employee;
        return employee;
    }

    private static string ApprovedText(int requestId) =>
        $"✅ Request #{requestId} is approved. Trade within two days, then tell me: executed #{requestId} <quantity> @ <price>";

    private static string Summary(Draft d) => $"Your request: {Trade(d)}. You declared you hold no inside information.";

    private static string Trade(Draft d) => Messages.Trade(d);

    private static string Trade(PadRequestRow r) => Messages.Trade(r.Direction, r.Quantity, r.Ticker, r.EstimatedValue, r.Currency);

    private static bool TryAmount(string text, out decimal amount) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out amount) && amount > 0; // Number: "18,000" too

    [GeneratedRegex(@"^executed\s+#?(\d+)\s+([\d.,]+)\s*@\s*([\d.,]+)(?:\s+on\s+(.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex ExecutedCommand();

    [GeneratedRegex(@"^withdraw\s+#?(\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex WithdrawCommand();
}
