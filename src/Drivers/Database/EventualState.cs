using PadUat.Support;
using PadUat.Support.Lifecycle;

namespace PadUat.Drivers.Database;

/// <summary>
/// The bot acts on clicks and messages in the background, so database state arrives shortly after Slack says
/// so. These checks wait for it (bounded by the bot reply timeout) and fail with what the database last held.
/// </summary>
public sealed class EventualState(PadRecords records, Target target)
{
    private TimeSpan Wait => target.Slack.ReplyTimeout;

    public Task<PadRequest?> RequestAsync(int id, Func<PadRequest, bool> expected, string expectation) =>
        Eventually.UntilAsync(() => records.RequestAsync(id), r => r is not null && expected(r), Wait,
            $"request #{id} {expectation}", r => r is null ? "no such request" : $"status {r.Status}, deleted at {r.DeletedAt?.ToString("o") ?? "never"}");

    public Task<IReadOnlyList<PadApproval>> ApprovalsAsync(int id, Func<IReadOnlyList<PadApproval>, bool> expected, string expectation) =>
        Eventually.UntilAsync(() => records.ApprovalsAsync(id), expected, Wait, $"request #{id} {expectation}",
            a => a.Count == 0 ? "no approvals" : string.Join("; ", a.Select(x => $"{x.ApprovalType} {x.Decision} by {x.ApproverId}")));

    public Task<IReadOnlyList<AuditEntry>> AuditTrailAsync(int id, Func<IReadOnlyList<AuditEntry>, bool> expected, string expectation) =>
        Eventually.UntilAsync(() => records.AuditTrailAsync(id), expected, Wait, $"the audit log of request #{id} {expectation}",
            a => a.Count == 0 ? "no audit rows" : string.Join("; ", a.Select(x => $"{x.Action} by {x.ActorId}")));

    public Task<PadExecution?> ExecutionAsync(int id) =>
        Eventually.UntilAsync(() => records.ExecutionAsync(id), e => e is not null, Wait, $"an execution row for request #{id}",
            _ => "no execution row");
}
