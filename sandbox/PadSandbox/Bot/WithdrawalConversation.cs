using System.Globalization;
using PadSandbox.Workflow;
using static PadSandbox.Bot.ConversationState;

namespace PadSandbox.Bot;

/// <summary>
/// The employee withdraws a request in chat, as the checklist walks it (6.1-6.3): "I want to withdraw my request N"; the
/// request's details and that it can be withdrawn (not executed); an optional reason; a summary with "Withdraw Request".
/// Once withdrawn, the manager is told by DM and compliance in its channel (6.3).
/// </summary>
public sealed class WithdrawalConversation(BotVoice voice, ChatbotSessions sessions, PadWorkflow workflow, BotWording wording, People people,
    ComplianceChannel compliance, FaultSet faults)
{
    public async Task OpenAsync(Employee employee, string slackUserId, ChatThread thread, int requestId)
    {
        var withdrawable = await workflow.WithdrawableAsync(requestId, employee);
        if (!withdrawable.Ok)
        {
            await voice.SayAsync(thread, $"⛔ {withdrawable.Refusal}");
            return;
        }
        var r = withdrawable.Value!;
        var draft = new Draft(await sessions.CountAsync(slackUserId), RequestId: requestId);
        await sessions.SaveAsync(thread.Ts, slackUserId, employee.Id, AwaitingWithdrawalReason, draft);
        await voice.SayAsync(thread, Say(slackUserId, draft, "reason", WithdrawalLines.AskReason,
            ("id", Id(requestId)), ("trade", Trade(r)), ("status", StatusLabels.Of(r.Status))));
    }

    public async Task AnswerAsync(Employee employee, string slackUserId, ChatThread thread, ChatSession session, string text)
    {
        if (session.State == AwaitingWithdrawalConfirmation)
        {
            await voice.SayAsync(thread, "Please use the Withdraw Request or Cancel button on the summary above.");
            return;
        }
        var draft = session.Draft with { WithdrawalReason = Skipped(text) ? null : Answers.Text(text) };
        var withdrawable = await workflow.WithdrawableAsync(draft.RequestId!.Value, employee);
        if (!withdrawable.Ok)
        {
            await sessions.SaveAsync(thread.Ts, slackUserId, employee.Id, Idle, draft);
            await voice.SayAsync(thread, $"⛔ {withdrawable.Refusal}");
            return;
        }
        var r = withdrawable.Value!;
        var intro = Say(slackUserId, draft, "summary", WithdrawalLines.Summary);
        var reason = draft.WithdrawalReason ?? "none given";
        var ts = await voice.SayAsync(thread, $"{intro} request #{Id(r.Id)}, {Trade(r)}; reason: {reason}.", BlockKit.Of(
            BlockKit.Header($"↩️ Withdraw request #{Id(r.Id)}"),
            BlockKit.Section(intro),
            BlockKit.Fields(("Trade", Trade(r)), ("Status", StatusLabels.Of(r.Status)), ("Reason", reason)),
            BlockKit.Buttons(null, (Messages.WithdrawRequest, "Withdraw Request", null, "danger", null), (Messages.CancelFollowUp, "Cancel", null, null, null))));
        await sessions.SaveAsync(thread.Ts, slackUserId, employee.Id, AwaitingWithdrawalConfirmation, draft with { SummaryTs = ts });
    }

    /// <summary>"Withdraw Request" clicked on the summary <paramref name="messageTs"/>: withdrawn, the employee, the manager and compliance told.</summary>
    public async Task WithdrawAsync(Employee employee, string slackUserId, ChatThread thread, string messageTs, string responseUrl)
    {
        var session = await sessions.GetAsync(thread.Ts);
        if (session.State != AwaitingWithdrawalConfirmation || session.Draft.SummaryTs != messageTs)
        {
            await voice.SayAsync(thread, "That summary is no longer open. Tell me again which request to withdraw.");
            return;
        }
        var d = session.Draft;
        await sessions.SaveAsync(thread.Ts, slackUserId, employee.Id, Idle, d);
        var outcome = await workflow.WithdrawAsync(d.RequestId!.Value, employee, faults.Has("withdrawal-reason-dropped") ? null : d.WithdrawalReason);
        if (!outcome.Ok)
        {
            await voice.AnswerClickAsync(responseUrl, $"Withdrawal of request #{Id(d.RequestId.Value)}: ❌ not withdrawn.");
            await voice.SayAsync(thread, $"⛔ {outcome.Refusal}");
            return;
        }
        var r = outcome.Value!;
        await voice.AnswerClickAsync(responseUrl, $"Withdrawal of request #{Id(r.Id)}: done.");
        await voice.SayAsync(thread, $"↩️ Request #{Id(r.Id)} is withdrawn. Do not trade it.");
        var notice = $"↩️ {employee.Name} withdrew request #{Id(r.Id)} ({Trade(r)}, was {StatusLabels.Of(r.Status)}). Reason: {d.WithdrawalReason ?? "none given"}.";
        if (employee.ManagerId is { } managerId && await people.ByIdAsync(managerId) is { } manager && !faults.Has("withdrawal-not-notified"))
            await voice.TellAsync(manager.Email, notice);
        await voice.SayAsync(compliance.Id, notice);
    }

    private static bool Skipped(string text) => text.Trim().Trim('.', '!').ToLowerInvariant() is "skip" or "no" or "none" or "no reason" or "n/a";

    private static string Trade(PadRequestRow r) => Messages.Trade(r.Direction, r.Quantity, r.Ticker, r.EstimatedValue, r.Currency);

    private string Say(string slackUserId, Draft draft, string turn, IReadOnlyList<string> lines, params (string, string)[] values) =>
        wording.Say($"{slackUserId}#{draft.Conversation.ToString(CultureInfo.InvariantCulture)}", turn, lines, values);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
