using System.Net;
using PadUat.Drivers.Slack;

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
    public Submission? Submission { get; set; }
    public HttpStatusCode? LastClick { get; set; }
    public SlackMessage? LastReply { get; set; }
    /// <summary>How long before the scenario the request was fully approved, when a Given step made it so.</summary>
    public int? ApprovedHoursAgo { get; set; }
}
