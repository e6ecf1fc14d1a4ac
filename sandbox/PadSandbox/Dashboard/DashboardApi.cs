using System.Security.Claims;
using System.Text.Json.Serialization;
using PadSandbox.Bot;
using PadSandbox.Workflow;

namespace PadSandbox.Dashboard;

/// <summary>
/// What the dashboard's buttons call, as the real dashboard's React pages call its FastAPI: a decision on a request
/// (<c>POST /api/requests/{id}/approve|decline</c>, T/e2e_uat_audit_20251229/e2e_test_scenarios.md:410-420, the decline's
/// reason required), an execution (<c>POST /api/requests/{id}/execution</c>, :293-300) and the restricted list's add and remove (T/ui_overhaul_bug_fixes_20260203/plan.md 5.19). JSON in,
/// JSON out, FastAPI's <c>{"detail": …}</c> on a refusal; a form post from another site cannot call them (JSON only).
/// </summary>
public static class DashboardApi
{
    public sealed record DecisionBody([property: JsonPropertyName("approval_type")] string? ApprovalType, string? Comments, string? Reason);

    public sealed record ExecutionBody(decimal? Price, decimal? Quantity, [property: JsonPropertyName("broker_reference")] string? BrokerReference);

    public sealed record RestrictionBody([property: JsonPropertyName("inst_symbol")] string? InstSymbol, string? Isin, string? Reason);

    public static void MapDashboardApi(this WebApplication app)
    {
        app.MapPost("/api/requests/{id:int}/approve", (int id, DecisionBody body, ClaimsPrincipal user, People people, PadWorkflow workflow, DecisionNotices notices) =>
            DecideAsync(id, body.ApprovalType, approve: true, body.Comments, user, people, workflow, notices));

        app.MapPost("/api/requests/{id:int}/decline", (int id, DecisionBody body, ClaimsPrincipal user, People people, PadWorkflow workflow, DecisionNotices notices) =>
            DecideAsync(id, body.ApprovalType, approve: false, body.Reason ?? body.Comments, user, people, workflow, notices));

        // The employee records an execution as the bot's dialogue does, executed now (e2e_test_scenarios.md:293-300): the
        // same rules (their own approved request, no more than approved, a price above zero) and the same notice to compliance.
        app.MapPost("/api/requests/{id:int}/execution", async (int id, ExecutionBody body, ClaimsPrincipal user, People people, PadWorkflow workflow,
            ExecutionConversation executions, TimeProvider clock) =>
        {
            if (body.Price is not > 0 || body.Quantity is not { } quantity)
                return Answer(Outcome<int>.Refused("price above zero and quantity are required."), _ => "");
            var employee = await PersonAsync(user, people);
            var outcome = await workflow.RecordExecutionAsync(id, employee, clock.GetUtcNow().UtcDateTime, body.Price.Value, quantity, body.BrokerReference);
            if (outcome.Ok) await executions.TellComplianceAsync(outcome.Value!, employee, body.BrokerReference);
            return Answer(outcome, e => $"Recorded the execution of request #{e.Request.Id}: within two days of approval: {(e.WithinTwoDays ? "yes" : "no")}.");
        });

        app.MapPost("/api/restricted-instruments", async (RestrictionBody body, ClaimsPrincipal user, People people, RestrictedList list) =>
            Answer(await list.AddAsync(body.InstSymbol, body.Reason, await PersonAsync(user, people)), id => $"{body.InstSymbol?.Trim().ToUpperInvariant()} is on the restricted list (entry {id})."));

        app.MapDelete("/api/restricted-instruments/{id:int}", async (int id, ClaimsPrincipal user, People people, RestrictedList list) =>
            Answer(await list.RemoveAsync(id, await PersonAsync(user, people)), removed => $"Restricted-list entry {removed} is no longer in force."));
    }

    private static async Task<IResult> DecideAsync(int id, string? stage, bool approve, string? comment, ClaimsPrincipal user, People people,
        PadWorkflow workflow, DecisionNotices notices)
    {
        var by = await PersonAsync(user, people);
        var (decide, notify) = stage switch
        {
            "manager" => (workflow.DecideAsManagerAsync(id, by, approve, comment), (Func<Decision, Task>)(d => notices.ManagerDecidedAsync(d, by))),
            "compliance" => (workflow.DecideAsComplianceAsync(id, by, approve, comment), d => notices.ComplianceDecidedAsync(d, by)),
            "smf16" => (workflow.DecideAsSmf16Async(id, by, approve, comment), d => notices.Smf16DecidedAsync(d, by)),
            _ => (Task.FromResult(Outcome<Decision>.Refused("approval_type must be manager, compliance or smf16.")), _ => Task.CompletedTask),
        };
        var outcome = await decide;
        if (outcome.Ok) await notify(outcome.Value!);
        return Answer(outcome, d => $"You {(approve ? "approved" : "declined")} request #{d.Request.Id}.");
    }

    private static IResult Answer<T>(Outcome<T> outcome, Func<T, string> done) => outcome.Ok
        ? Results.Json(new { message = done(outcome.Value!) })
        : Results.Json(new { detail = outcome.Refusal }, statusCode: StatusCodes.Status422UnprocessableEntity);

    private static async Task<Employee> PersonAsync(ClaimsPrincipal user, People people) => (await people.ByIdAsync(user.EmployeeId()))!;
}
