using PadUat.Support.Configuration;
using PadUat.Contexts;
using PadUat.Drivers;
using PadUat.Drivers.Database;
using TechTalk.SpecFlow;

namespace PadUat.Steps;

/// <summary>The plan's validation queries on pad_request and audit_log, shared by every scenario.</summary>
[Binding]
public sealed class RequestRecordSteps(Cast cast, PadJourneys journeys, EventualState state, RequestContext request)
{
    [Then(@"^the request is stored as " + WorkflowWords.Status + "$")]
    public Task ThenStoredAs(RequestStatus status) => state.RequestAsync(request.RequestId, r => r.Status == status.Code, $"to have status {status.Code}");

    [Then(@"^the request is stored as " + WorkflowWords.Status + " (with|without) a conflict flag$")]
    public Task ThenStoredWithConflict(RequestStatus status, string flag) => state.RequestAsync(request.RequestId,
        r => r.Status == status.Code && r.ConflictFlag == (flag == "with")
             // A flag is shown to compliance with what the conflict is: the detail names the security.
             && (flag == "with" ? r.ConflictDetail?.Contains(r.Ticker, StringComparison.OrdinalIgnoreCase) == true : r.ConflictDetail is null),
        $"to have status {status.Code} {flag} a conflict flag{(flag == "with" ? " whose detail names the security" : "")}");

    [Then(@"^the request is soft-deleted by the employee$")]
    public async Task ThenSoftDeleted()
    {
        var employee = (await journeys.PersonAsync(cast.Employee)).Id;
        await state.RequestAsync(request.RequestId, r => r.DeletedAt is not null && r.DeletedById == employee,
            $"to be soft-deleted (a deletion time, deleted by employee {employee})");
    }

    [Then(@"^the audit log records " + WorkflowWords.AuditEvent + " by (the employee|the manager|compliance) for the request$")]
    public async Task ThenAudited(StoredWord action, Actor by)
    {
        var actor = (await journeys.PersonAsync(by.Person)).Id;
        await state.AuditTrailAsync(request.RequestId, a => a.Count(x => x.Action == action.Code && x.ActorId == actor) == 1,
            $"to have exactly one '{action.Code}' row ({action}) by employee {actor}");
    }
}
