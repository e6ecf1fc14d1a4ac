namespace PadSandbox;

/// <summary>
/// Realistic bugs the sandbox can be started with, so the UAT suite can prove it notices each one.
/// Chosen at start (PAD_SANDBOX_FAULTS=a,b or --faults a,b); with none set the sandbox behaves correctly.
/// </summary>
public sealed record Fault(string Name, string Breaks);

public sealed class FaultSet
{
    public static readonly IReadOnlyList<Fault> Catalogue =
    [
        new("skip-audit", "Manager and compliance decisions change the request but write no audit_log row."),
        new("allow-restricted", "The restricted-list check is skipped: a restricted security is submitted like any other."),
        new("withdraw-without-soft-delete", "Withdrawal sets status 'withdrawn' but leaves deleted_at and deleted_by_id empty."),
        new("wrong-two-day-rule", "executed_within_two_days allows three business days after approval instead of two."),
        new("calendar-day-window", "executed_within_two_days counts 48 wall-clock hours, not two business days: a weekend uses up the window."),
        new("holidays-ignored", "executed_within_two_days skips weekends but not the firm's holidays."),
        new("approval-skips-compliance", "A manager approval makes the request 'approved' at once; compliance is never asked."),
        new("no-manager-notification", "A submitted request is stored but the manager is never sent the approval message in Slack."),
        new("dashboard-stats-off-by-one", "The dashboard's summary counts one request too many."),
        new("conflict-blocks", "A firm-trading conflict refuses the request instead of flagging it for compliance."),
        new("slow-bot", "The bot answers every message 1.5 s late."),
        new("missing-index", "The migration that indexes pad_request.status and employee_id is lost: queries scan the table."),
        new("employee-sees-all", "The dashboard shows an employee everyone's requests, not just their own."),
        new("manager-sees-only-own", "The dashboard shows a manager only their own requests, not their direct reports'."),
        new("reference-writable", "The application user is granted INSERT and UPDATE on bo_airflow.oracle_employee."),
        new("unknown-table", "padealing holds a table the application does not know (a leftover backup of pad_request)."),
        new("migration-behind", "alembic_version records the revision before head: a migration was not applied."),
        new("unmodelled-column", "pad_request has a column the application's models do not know (legacy_ref)."),
        new("approval-not-unique", "pad_approval lost its unique key on (request_id, approval_type): a stage could hold two decisions."),
        new("stale-decision-message", "A decision is recorded but the bot never answers the click: the message keeps its Approve/Reject buttons."),
        new("decision-buttons-kept", "A decision answers the click with its text but keeps the Approve/Reject buttons on the message."),
        new("auto-approve-at-threshold", "A request worth exactly the medium threshold is auto-approved as low risk, instead of going to the manager."),
        new("smf16-skipped", "A high-value request is approved by compliance's approval alone; the SMF16 approver is never asked."),
        new("decline-without-reason", "A decline is recorded without a reason (the comments box left empty); the checklist requires one."),
        new("one-draft-per-person", "A new request closes the person's other drafts (a session per person, not per thread): an earlier summary can no longer be confirmed."),
        new("execution-not-notified", "An execution is recorded without telling compliance (checklist 4.6-4.7: compliance is notified, with the details)."),
        new("withdrawal-not-notified", "A withdrawal is made without telling the manager (checklist 6.3: the manager and compliance are notified)."),
        new("withdrawal-reason-dropped", "A withdrawal's reason is asked for but not kept (checklist 6.2: \"Reason captured\")."),
        new("manager-fyi-missing", "The final approval tells the employee but not their manager (checklist 3.4: \"Manager received FYI notification\")."),
        new("risk-sort-ignored", "The compliance view's sort by risk keeps the newest-first order (checklist 7.4: \"Pending requests sortable by risk level\")."),
        new("restricted-remove-ignored", "Removing an entry from the restricted list answers that it is removed but leaves it in force (checklist 8.2)."),
        new("account-not-asked", "The bot never asks for the account number (checklist 1.7-1.8: \"Account number question displayed\")."),
        new("summary-omits-reason", "The summary the employee confirms leaves out their reason (checklist 1.9: \"All details displayed correctly in summary\")."),
        new("rejection-reason-untold", "The employee is told of a rejection without its reason (checklist 5.V: \"rejection notification with reason\")."),
        new("approval-card-without-reason", "The manager's approval request leaves out the employee's reason (checklist 2.2: \"All request details displayed correctly\")."),
        new("detail-without-sections", "The request's page leaves out the security's description (checklist 7.3: \"All sections display correctly\")."),
        new("execution-price-rounded", "The request's page shows the execution price rounded to whole units (checklist 7.3: \"Execution details accurate\")."),
        new("audit-view-unordered", "The audit log page lists its entries by who did them, not in the order they happened (checklist 7.5)."),
        new("audit-actor-is-owner", "The audit log page shows who submitted the request as the actor of every entry (checklist 7.5: \"Actor IDs correct for each action\")."),
        new("conflict-detail-hidden", "The request's page flags a conflict but leaves out its details (checklist 9.2: \"Conflict details visible in dashboard\")."),
        new("click-acked-late", "The bot acknowledges a click only after 4 s of work (a Bolt handler that calls ack() last): the click is acted on, but Slack shows the person an error."),
        new("click-answer-refused", "The bot answers clicks with blocks Slack refuses (a button without a label): the clicked message never changes."),
    ];

    private readonly HashSet<string> _active;

    private FaultSet(HashSet<string> active) => _active = active;

    public static FaultSet None { get; } = new([]);

    /// <summary>Parses a comma-separated list; an unknown name is refused so a typo never runs a "clean" sandbox.</summary>
    public static FaultSet Parse(string? list)
    {
        var names = (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => Catalogue.All(f => f.Name != n)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException(
                $"Unknown sandbox fault(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Catalogue.Select(f => f.Name))}");
        return new FaultSet(names.ToHashSet());
    }

    public bool Has(string name) => _active.Contains(name);

    public IReadOnlyCollection<string> Active => _active;

    public override string ToString() => _active.Count == 0 ? "none" : string.Join(",", _active.Order());
}
