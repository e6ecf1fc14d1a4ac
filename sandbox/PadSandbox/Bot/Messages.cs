using System.Globalization;
using System.Text.Json.Nodes;

namespace PadSandbox.Bot;

/// <summary>Where the bot's messages link to: the dashboard's own address.</summary>
/// <summary>The compliance team's private channel, where the bot asks compliance to decide (its id: COMPLIANCE_CHANNEL_ID).</summary>
public sealed record ComplianceChannel(string Id)
{
    public const string Name = "pad-compliance";
}

public sealed record DashboardLink(Uri BaseUrl)
{
    public Uri Request(int requestId) => new(BaseUrl, $"requests/{requestId.ToString(CultureInfo.InvariantCulture)}");
}

/// <summary>
/// The bot's interactive messages and the action ids their buttons carry. The approval request is the real system's,
/// built by code (conductor/tracks/slack_ui_dashboard_links_20260125/plan.md:1554-1687): header "📋 PA Dealing Approval #N",
/// "✅ Approve" / "❌ Decline" with the request in a JSON value, "📊 View in Dashboard", the execution deadline beneath.
/// Compliance's and the SMF16 approver's action ids are not documented: named as the manager's are.
/// </summary>
public static class Messages
{
    /// <summary>The preview's declaration button (its id is not documented: the stand-in's own).</summary>
    public const string Confirm = "agree_and_submit";
    public const string Cancel = "cancel_request";
    public const string ManagerApprove = "approve_manager";
    public const string ManagerReject = "decline_manager";
    public const string ComplianceApprove = "approve_compliance";
    public const string ComplianceReject = "decline_compliance";
    public const string Smf16Approve = "approve_smf16";
    public const string Smf16Reject = "decline_smf16";
    public const string ViewInDashboard = "view_dashboard";
    /// <summary>The execution summary's and the withdrawal summary's buttons: labels the checklist's (4.6, 6.3), ids the stand-in's own.</summary>
    public const string RecordExecution = "record_execution";
    public const string WithdrawRequest = "withdraw_request";
    public const string CancelFollowUp = "cancel_follow_up";

    /// <summary>
    /// The preview, built by code as the real bot's is (the LLM's show_preview tool, DV/UAT_ISSUES_FOUND.md:41-52): every answer
    /// of the checklist (1.9: "all details displayed"), the estimated value worked out (1.5), then the declaration and its
    /// "Agree &amp; Submit" button (T/slack_ui_dashboard_links_20260125/spec.md:27) beside Cancel. The text is what
    /// notifications show, and carries the trade in one line.
    /// </summary>
    /// <param name="showsReason">False only under the fault summary-omits-reason.</param>
    public static (string Text, JsonArray Blocks) Preview(string intro, Draft d, bool showsReason = true)
    {
        var text = $"{intro} {Trade(d)}. Agree & Submit declares you hold no inside information.";
        return (text, BlockKit.Of(
            BlockKit.Header("📋 Proposed Trade Summary"),
            BlockKit.Section($"{intro}\n*{Trade(d)}*"),
            BlockKit.Fields([
                ("Security", $"{d.Ticker} — {d.Description}"), ("Direction", d.Direction!), ("Quantity", Number(d.Quantity!.Value)),
                ("Estimated price", $"{Number(d.Price!.Value)} {d.Currency}"), ("Estimated value", $"{d.Value!.Value.ToString("N2", CultureInfo.InvariantCulture)} {d.Currency}"),
                ("Broker", d.Broker!), ("Account", d.Account!), .. showsReason ? [("Reason", d.Reason!)] : Array.Empty<(string, string)>()]),
            BlockKit.Section("*Declaration:* I confirm that I hold no inside information about this security and that this trade complies with the PA Dealing Policy."),
            // The summary's buttons need no value: the bot knows the draft, and which summary was clicked by its ts.
            BlockKit.Buttons(null, (Confirm, "Agree & Submit", null, "primary", null), (Cancel, "Cancel", null, null, null))));
    }

    /// <summary>The trade in one line, as every message about it shows it: "BUY 100 AAPL (~15,000.00 USD)".</summary>
    public static string Trade(Draft d) => Trade(d.Direction!, d.Quantity!.Value, d.Ticker!, d.Value!.Value, d.Currency!);

    public static string Trade(string direction, decimal quantity, string ticker, decimal value, string currency) =>
        string.Create(CultureInfo.InvariantCulture, $"{direction.ToUpperInvariant()} {quantity:0.##} {ticker} (~{value:N2} {currency})");

    private static string Number(decimal n) => n.ToString("0.####", CultureInfo.InvariantCulture);

    /// <param name="stage">manager or compliance: whose decision is asked (the value and the actions block say so).</param>
    /// <param name="card">The request as the decider reviews it (checklist 2.2, 3.2); null where a decided message is rebuilt (a fault).</param>
    public static JsonArray DecisionBlocks(string ask, int requestId, string stage, string approveAction, string rejectAction, DashboardLink dashboard,
        RequestCard? card = null)
    {
        var value = new JsonObject { ["request_id"] = requestId, ["approval_type"] = stage }.ToJsonString();
        return BlockKit.Of(
            [BlockKit.Header(Title(requestId)),
            .. card?.Blocks() ?? [],
            BlockKit.Section(ask),
            // Comments typed beside the buttons, read with the click (T/compliance_enhancements_20260127/spec.md:93-94: an optional
            // comment input on the approval message); a decline needs them as its reason (checklist 5.2; the decline API's reason).
            BlockKit.Input($"{stage}_decision_comment", DecisionComment, "Comments (a reason is required to decline)"),
            BlockKit.Buttons($"{stage}_approval_actions",
                (approveAction, "✅ Approve", value, "primary", null), (rejectAction, "❌ Decline", value, "danger", null),
                (ViewInDashboard, "📊 View in Dashboard", null, null, dashboard.Request(requestId).ToString())),
            BlockKit.Context("⏱️ Must execute within 2 business days")]);
    }

    /// <summary>The action id of the comments input on an approval request.</summary>
    public const string DecisionComment = "decision_comment";

    /// <summary>The approval request's text (what notifications and screen readers show): its header, then what is asked.</summary>
    public static string Notification(int requestId, string ask) => $"{Title(requestId)}: {ask}";

    /// <summary>The employee's final approval: they may trade, within the window (checklist 3.4: "approved and ready for execution").</summary>
    public static string Approved(int requestId) =>
        $"✅ Request #{requestId} is approved. Trade within two days (business days), then tell me: \"I executed my trade for request {requestId}\".";

    private static string Title(int requestId) => $"📋 PA Dealing Approval #{requestId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The request a decision button is about: its JSON value's request_id.</summary>
    public static int RequestOf(string? value) =>
        JsonNode.Parse(value ?? throw new FormatException("a decision button without a value"))?["request_id"]?.GetValue<int>()
        ?? throw new FormatException($"a decision button's value without a request_id: {value}");
}
