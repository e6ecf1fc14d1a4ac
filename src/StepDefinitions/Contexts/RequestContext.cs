using PadUat.Drivers.Database;
using PadUat.Drivers.Slack;
using PadUat.Drivers.TestData;

namespace PadUat.Contexts;

/// <summary>The request a scenario is about, and the last thing that happened to it (ReqOverflow's "last attempt").</summary>
public sealed class RequestContext
{
    private int? _requestId;

    public int RequestId
    {
        get => _requestId ?? throw new InvalidOperationException("No request yet in this scenario: a Given step must create or submit one first.");
        set => _requestId = value;
    }

    public TradeAsk? Ask { get; set; }
    public SlackMessage? Summary { get; set; }
    /// <summary>The summary of a conversation the employee abandoned for a newer one; its buttons are still in the DM.</summary>
    public SlackMessage? EarlierSummary { get; set; }
    public Submission? Submission { get; set; }
    public SlackMessage? LastReply { get; set; }
    /// <summary>Which of the bot's questions the last answer was to ("quantity").</summary>
    public string? LastQuestion { get; set; }
    /// <summary>The request's past, when a Given step laid it down as test data.</summary>
    public RequestHistory? History { get; set; }
    /// <summary>What the database held about the request before the action under test, for "the request is unchanged".</summary>
    public RequestTrail? Before { get; set; }
    /// <summary>What the employee told the bot they executed (checklist 4.2-4.5).</summary>
    public ExecutionReport? Execution { get; set; }
    /// <summary>When the execution under test happened, in the scenario's words ("48 hours after compliance approved").</summary>
    public string? ExecutionTiming { get; set; }

    /// <summary>The target's business days, read when a scenario places its approval on a day (scenario 4).</summary>
    public Support.Features.BusinessCalendar? Calendar { get; set; }
}
