using System.Globalization;
using PadSandbox.Workflow;
using static PadSandbox.Bot.ConversationState;

namespace PadSandbox.Bot;

/// <summary>
/// The employee records an execution in chat, as the checklist walks it (4.1-4.6): "I executed my trade for request N"; the
/// approved request's details and the date question; the quantity; the price, with the actual value worked out; the
/// confirmation number; a summary of estimated against actual with "Record Execution". Each answer is checked as it comes
/// (a date before the approval or in the future, more than was approved: refused there, and the conversation ends), and
/// all of them again when it is recorded. Compliance is told in its channel (4.7).
/// </summary>
public sealed class ExecutionConversation(BotVoice voice, ChatbotSessions sessions, PadWorkflow workflow, BotWording wording, ComplianceChannel compliance,
    TimeProvider clock, FaultSet faults)
{
    public async Task OpenAsync(Employee employee, string slackUserId, ChatThread thread, int requestId)
    {
        var executable = await workflow.ExecutableAsync(requestId, employee);
        if (!executable.Ok)
        {
            await voice.SayAsync(thread, $"⛔ {executable.Refusal}");
            return;
        }
        var r = executable.Value!.Request;
        var draft = new Draft(await sessions.CountAsync(slackUserId), RequestId: requestId, Currency: r.Currency);
        await AskAsync(employee, slackUserId, thread, draft, AwaitingExecutionDate, ExecutionLines.AskDate,
            ("id", Id(requestId)), ("trade", Messages.Trade(r.Direction, r.Quantity, r.Ticker, r.EstimatedValue, r.Currency)));
    }

    public async Task AnswerAsync(Employee employee, string slackUserId, ChatThread thread, ChatSession session, string text)
    {
        var draft = session.Draft;
        var id = draft.RequestId!.Value;
        switch (session.State)
        {
            case AwaitingExecutionDate:
                if (Answers.ExecutionTime(text, clock.GetUtcNow().UtcDateTime) is not { } at)
                    await AskAsync(employee, slackUserId, thread, draft, AwaitingExecutionDate, ExecutionLines.AskDateAgain);
                else if (await RefusedAsync(employee, slackUserId, thread, draft, workflow.ExecutableAsync(id, employee, at)) is { } executable)
                    await AskAsync(employee, slackUserId, thread, draft with { ExecutedAt = at }, AwaitingExecutedQuantity, ExecutionLines.AskQuantity,
                        ("approved", executable.Request.Quantity.ToString("0.##", CultureInfo.InvariantCulture)));
                return;
            case AwaitingExecutedQuantity:
                if (Answers.Quantity(text) is not { } quantity)
                    await AskAsync(employee, slackUserId, thread, draft, AwaitingExecutedQuantity, ExecutionLines.AskQuantityAgain);
                else if (quantity == 0) await EndAsync(employee, slackUserId, thread, draft, "An execution needs a quantity above zero: nothing was recorded.");
                else if (await RefusedAsync(employee, slackUserId, thread, draft, workflow.ExecutableAsync(id, employee, draft.ExecutedAt, quantity)) is not null)
                    await AskAsync(employee, slackUserId, thread, draft with { ExecutedQuantity = quantity }, AwaitingExecutedPrice, ExecutionLines.AskPrice);
                return;
            case AwaitingExecutedPrice:
                if (Answers.Amount(text) is not { } price)
                    await AskAsync(employee, slackUserId, thread, draft, AwaitingExecutedPrice, ExecutionLines.AskPriceAgain);
                else
                    await AskAsync(employee, slackUserId, thread, draft with { ExecutedPrice = price }, AwaitingConfirmationNumber, ExecutionLines.AskConfirmationNumber,
                        ("value", string.Create(CultureInfo.InvariantCulture, $"{price * draft.ExecutedQuantity!.Value:N2} {draft.Currency}")));
                return;
            case AwaitingConfirmationNumber:
                await SummaryAsync(employee, slackUserId, thread, draft with { ConfirmationNumber = Answers.Text(text) });
                return;
            case AwaitingExecutionConfirmation:
                await voice.SayAsync(thread, "Please use the Record Execution or Cancel button on the summary above.");
                return;
        }
    }

    /// <summary>"Record Execution" clicked on the summary <paramref name="messageTs"/>: recorded, the employee and compliance told.</summary>
    public async Task RecordAsync(Employee employee, string slackUserId, ChatThread thread, string messageTs, string responseUrl)
    {
        var session = await sessions.GetAsync(thread.Ts);
        if (session.State != AwaitingExecutionConfirmation || session.Draft.SummaryTs != messageTs)
        {
            await voice.SayAsync(thread, "That summary is no longer open. Tell me again which request you executed.");
            return;
        }
        var d = session.Draft;
        await sessions.SaveAsync(thread.Ts, slackUserId, employee.Id, Idle, d);
        var outcome = await workflow.RecordExecutionAsync(d.RequestId!.Value, employee, d.ExecutedAt!.Value, d.ExecutedPrice!.Value, d.ExecutedQuantity!.Value,
            d.ConfirmationNumber);
        if (!outcome.Ok)
        {
            await voice.AnswerClickAsync(responseUrl, $"Execution of request #{Id(d.RequestId.Value)}: ❌ not recorded.");
            await voice.SayAsync(thread, $"⛔ {outcome.Refusal}");
            return; // refused: nothing was recorded, and the reason is all there is to say
        }
        var e = outcome.Value!;
        var recorded =
            string.Create(CultureInfo.InvariantCulture, $"✅ Recorded the execution of request #{e.Request.Id}: {e.Quantity:0.##} @ {e.Price:0.####} on {e.ExecutedAt:yyyy-MM-dd HH:mm} UTC. ") +
            $"Within two days of approval: {(e.WithinTwoDays ? "yes" : "no — compliance will follow up")}.";
        await voice.AnswerClickAsync(responseUrl, $"Execution of request #{Id(e.Request.Id)}: recorded.");
        await voice.SayAsync(thread, recorded);
        await TellComplianceAsync(e, employee, d.ConfirmationNumber);
    }

    /// <summary>Compliance is told in its channel, with the details (checklist 4.6-4.7), however the execution was recorded.</summary>
    public async Task TellComplianceAsync(ExecutionRecord e, Employee employee, string? confirmationNumber)
    {
        if (faults.Has("execution-not-notified")) return;
        await voice.SayAsync(compliance.Id,
            string.Create(CultureInfo.InvariantCulture, $"📈 Execution recorded — request #{e.Request.Id}: {employee.Name} executed {e.Request.Direction} {e.Quantity:0.##} {e.Request.Ticker} on ") +
            string.Create(CultureInfo.InvariantCulture, $"{e.ExecutedAt:yyyy-MM-dd HH:mm} UTC at {e.Price:0.####} = {e.Value:N2} {e.Request.Currency} (estimated {e.Request.EstimatedValue:N2}), ") +
            $"confirmation {confirmationNumber ?? "none"}. Within two days of approval: {(e.WithinTwoDays ? "yes" : "no")}.");
    }

    /// <summary>The summary the checklist asks for (4.5): every detail, estimated against actual, and "Record Execution".</summary>
    private async Task SummaryAsync(Employee employee, string slackUserId, ChatThread thread, Draft d)
    {
        if (await RefusedAsync(employee, slackUserId, thread, d, workflow.ExecutableAsync(d.RequestId!.Value, employee, d.ExecutedAt, d.ExecutedQuantity)) is not { } executable)
            return;
        var r = executable.Request;
        var actual = d.ExecutedQuantity!.Value * d.ExecutedPrice!.Value;
        var intro = Say(slackUserId, d, "summary", ExecutionLines.Summary);
        var text =
            string.Create(CultureInfo.InvariantCulture, $"{intro} request #{r.Id}, {r.Direction} {d.ExecutedQuantity:0.##} {r.Ticker} on {d.ExecutedAt:yyyy-MM-dd HH:mm} UTC at {d.ExecutedPrice:0.####}: ") +
            string.Create(CultureInfo.InvariantCulture, $"actual {actual:N2} {r.Currency} against estimated {r.EstimatedValue:N2} {r.Currency}; confirmation {d.ConfirmationNumber ?? "none"}.");
        var blocks = BlockKit.Of(
            BlockKit.Header($"📈 Execution of request #{Id(r.Id)}"),
            BlockKit.Section(intro),
            BlockKit.Fields(
                ("Security", r.Ticker), ("Direction", r.Direction),
                ("Executed", d.ExecutedAt!.Value.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
                ("Quantity", string.Create(CultureInfo.InvariantCulture, $"{d.ExecutedQuantity:0.##} (approved {r.Quantity:0.##})")),
                ("Price", d.ExecutedPrice.Value.ToString("0.####", CultureInfo.InvariantCulture)),
                ("Estimated value", string.Create(CultureInfo.InvariantCulture, $"{r.EstimatedValue:N2} {r.Currency}")),
                ("Actual value", string.Create(CultureInfo.InvariantCulture, $"{actual:N2} {r.Currency}")),
                ("Difference", string.Create(CultureInfo.InvariantCulture, $"{actual - r.EstimatedValue:+#,##0.00;-#,##0.00;0.00} {r.Currency}")),
                ("Confirmation number", d.ConfirmationNumber ?? "none")),
            BlockKit.Buttons(null, (Messages.RecordExecution, "Record Execution", null, "primary", null), (Messages.CancelFollowUp, "Cancel", null, null, null)));
        var ts = await voice.SayAsync(thread, text, blocks);
        await sessions.SaveAsync(thread.Ts, slackUserId, employee.Id, AwaitingExecutionConfirmation, d with { SummaryTs = ts });
    }

    /// <summary>The check's refusal said and the conversation ended; or, allowed, what was checked.</summary>
    private async Task<Executable?> RefusedAsync(Employee employee, string slackUserId, ChatThread thread, Draft draft, Task<Outcome<Executable>> checking)
    {
        var outcome = await checking;
        if (outcome.Ok) return outcome.Value;
        await EndAsync(employee, slackUserId, thread, draft, outcome.Refusal!);
        return null;
    }

    private async Task EndAsync(Employee employee, string slackUserId, ChatThread thread, Draft draft, string refusal)
    {
        await sessions.SaveAsync(thread.Ts, slackUserId, employee.Id, Idle, draft);
        await voice.SayAsync(thread, $"⛔ {refusal}");
    }

    private async Task AskAsync(Employee employee, string slackUserId, ChatThread thread, Draft draft, string state, IReadOnlyList<string> lines,
        params (string, string)[] values)
    {
        await sessions.SaveAsync(thread.Ts, slackUserId, employee.Id, state, draft);
        await voice.SayAsync(thread, Say(slackUserId, draft, state, lines, values));
    }

    private string Say(string slackUserId, Draft draft, string turn, IReadOnlyList<string> lines, params (string, string)[] values) =>
        wording.Say($"{slackUserId}#{draft.Conversation.ToString(CultureInfo.InvariantCulture)}", turn, lines, values);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
