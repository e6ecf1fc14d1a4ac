using System.Text.Json.Nodes;

namespace PadSandbox.Bot;

/// <summary>The bot's interactive messages and the action ids their buttons carry.</summary>
public static class Messages
{
    public const string Confirm = "confirm_request";
    public const string Cancel = "cancel_request";
    public const string ManagerApprove = "manager_approve";
    public const string ManagerReject = "manager_reject";
    public const string ComplianceApprove = "compliance_approve";
    public const string ComplianceReject = "compliance_reject";

    public static JsonArray SummaryBlocks(string summary) => BlockKit.Of(
        BlockKit.Section(summary),
        // The summary's buttons need no value: the bot knows the draft, and which summary was clicked by its ts.
        BlockKit.Buttons((Confirm, "Confirm", null, "primary"), (Cancel, "Cancel", null, null)));

    public static JsonArray DecisionBlocks(string ask, int requestId, string approveAction, string rejectAction)
    {
        var id = requestId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return BlockKit.Of(
            BlockKit.Section(ask),
            BlockKit.Buttons((approveAction, "Approve", id, "primary"), (rejectAction, "Reject", id, "danger")));
    }
}
