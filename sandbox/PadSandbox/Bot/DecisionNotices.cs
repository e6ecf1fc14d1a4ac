using PadSandbox.Workflow;

namespace PadSandbox.Bot;

/// <summary>
/// Who is told what once a decision is recorded, wherever it was made — a click in Slack or the dashboard's Approve and
/// Decline (checklist 7.4): the employee of every outcome, the next stage asked in its place, and the manager, for
/// information, of the final approval (checklist 3.4, "Manager received FYI notification").
/// </summary>
public sealed class DecisionNotices(BotSlackClient slack, BotVoice voice, People people, FaultSet faults, DashboardLink dashboard,
    ComplianceChannel complianceChannel)
{
    public async Task ManagerDecidedAsync(Decision decision, Employee manager)
    {
        var (request, id) = (decision.Request, decision.Request.Id);
        var employee = (await people.ByIdAsync(request.EmployeeId))!;
        var employeeChannel = await slack.UserIdOfAsync(employee.Email);
        if (decision.NewStatus == Status.PendingCompliance)
        {
            await SayAsync(employeeChannel, $"{manager.Name} (your manager) approved request #{id}. It now goes to compliance.");
            var ask = $"{employee.Name} asks to {Trade(request)} — request #{id}, approved by {manager.Name}." +
                      (request.ConflictFlag ? $"\n⚠️ Conflict (advisory): {request.ConflictDetail}." : "");
            // Once, to the compliance channel (T/slack_ui_dashboard_links_20260125/spec.md:20-22), not to each officer.
            await SayAsync(complianceChannel.Id, Messages.Notification(id, ask),
                Messages.DecisionBlocks(ask, id, "compliance", Messages.ComplianceApprove, Messages.ComplianceReject, dashboard, RequestCard.Of(request, employee)));
        }
        else if (decision.NewStatus == Status.Approved)
            await SayAsync(employeeChannel, Messages.Approved(id));
        else
            await SayAsync(employeeChannel, $"{manager.Name} (your manager) rejected request #{id}{Reason(decision)}. Do not trade.");
    }

    public async Task ComplianceDecidedAsync(Decision decision, Employee officer)
    {
        var (request, id) = (decision.Request, decision.Request.Id);
        var employee = (await people.ByIdAsync(request.EmployeeId))!;
        var employeeChannel = await slack.UserIdOfAsync(employee.Email);
        if (decision.NewStatus == Status.PendingSmf16)
        {
            // High risk: the SMF16 approver decides last (e2e_test_scenarios.md:103-145).
            await SayAsync(employeeChannel, $"Compliance ({officer.Name}) approved request #{id}. As a high-value trade it now goes to the SMF16 approver.");
            var ask = $"{employee.Name} asks to {Trade(request)} — request #{id}, approved by their manager and compliance (high value).";
            foreach (var approver in (await people.AllAsync()).Where(p => p.IsSmf16 && p.Id != employee.Id))
                await SayAsync(await slack.UserIdOfAsync(approver.Email), Messages.Notification(id, ask),
                    Messages.DecisionBlocks(ask, id, "smf16", Messages.Smf16Approve, Messages.Smf16Reject, dashboard, RequestCard.Of(request, employee)));
            return;
        }
        if (decision.NewStatus == Status.Approved) await FinallyApprovedAsync(employee, employeeChannel, request);
        else await SayAsync(employeeChannel, $"Compliance ({officer.Name}) rejected request #{id}{Reason(decision)}. Do not trade.");
    }

    public async Task Smf16DecidedAsync(Decision decision, Employee approver)
    {
        var employee = (await people.ByIdAsync(decision.Request.EmployeeId))!;
        var employeeChannel = await slack.UserIdOfAsync(employee.Email);
        if (decision.NewStatus == Status.Approved) await FinallyApprovedAsync(employee, employeeChannel, decision.Request);
        else await SayAsync(employeeChannel, $"The SMF16 approver ({approver.Name}) rejected request #{decision.Request.Id}{Reason(decision)}. Do not trade.");
    }

    /// <summary>The employee is told why (checklist 5.V: "Employee received rejection notification with reason").</summary>
    private string Reason(Decision decision) =>
        faults.Has("rejection-reason-untold") || decision.Comment is not { Length: > 0 } reason ? "" : $": \"{reason}\"";

    /// <summary>The employee may trade; their manager, who approved earlier, is told for information (checklist 3.4).</summary>
    private async Task FinallyApprovedAsync(Employee employee, string employeeChannel, PadRequestRow request)
    {
        await SayAsync(employeeChannel, Messages.Approved(request.Id));
        if (faults.Has("manager-fyi-missing") || employee.ManagerId is not { } managerId || await people.ByIdAsync(managerId) is not { } manager) return;
        await SayAsync(await slack.UserIdOfAsync(manager.Email),
            $"FYI: request #{request.Id} by {employee.Name} ({Trade(request)}) is approved and ready for execution. Nothing for you to do.");
    }

    private Task<string> SayAsync(string channel, string text, System.Text.Json.Nodes.JsonArray? blocks = null) => voice.SayAsync(channel, text, blocks);

    private static string Trade(PadRequestRow r) => Messages.Trade(r.Direction, r.Quantity, r.Ticker, r.EstimatedValue, r.Currency);
}
