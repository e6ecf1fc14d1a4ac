using System.Text.RegularExpressions;
using PadUat.Drivers.TestData;
using TechTalk.SpecFlow;

namespace PadUat.Contexts;

/// <summary>A request's status as the features say it ("waiting for compliance") and as the database stores it.</summary>
public sealed record RequestStatus(string Words, string Code)
{
    public override string ToString() => Words;
}

/// <summary>The request list's filters as a feature says them: "waiting for compliance for the security AAPL", "of the employee".</summary>
public sealed record ListFilterWords(RequestStatus? Status, string? Ticker, bool OfTheEmployee);

/// <summary>
/// The workflow's words in the features — statuses, how far a request got, lengths of time — turned into what
/// the drivers take, so a product owner reads "waiting for compliance" where the database says pending_compliance.
/// </summary>
[Binding]
public sealed partial class WorkflowWords
{
    public const string Status = "(waiting for their manager|waiting for compliance|approved|rejected|executed|withdrawn)";
    public const string Stage = "(waiting for their manager|waiting for compliance|approved|rejected by their manager|rejected by compliance|executed|withdrawn)";
    public const string Duration = @"((?:(?:\d+|an?) (?:days?|hours?|minutes?) ?)+)";

    [StepArgumentTransformation(Status)]
    public static RequestStatus ToStatus(string words) => new(words, words switch
    {
        "waiting for their manager" => "pending_manager",
        "waiting for compliance" => "pending_compliance",
        _ => words,
    });

    [StepArgumentTransformation(Stage)]
    public static RequestStage ToStage(string words) => words switch
    {
        "waiting for their manager" => RequestStage.WaitingForManager,
        "waiting for compliance" => RequestStage.WaitingForCompliance,
        "approved" => RequestStage.Approved,
        "rejected by their manager" => RequestStage.RejectedByManager,
        "rejected by compliance" => RequestStage.RejectedByCompliance,
        "executed" => RequestStage.Executed,
        _ => RequestStage.Withdrawn,
    };

    [StepArgumentTransformation("(the request's own page|the request list|the compliance view|the audit log)")]
    public static Drivers.Dashboard.RequestView ToView(string words) => words switch
    {
        "the request's own page" => Drivers.Dashboard.RequestView.RequestPage,
        "the request list" => Drivers.Dashboard.RequestView.RequestList,
        "the compliance view" => Drivers.Dashboard.RequestView.ComplianceView,
        _ => Drivers.Dashboard.RequestView.AuditLog,
    };

    [StepArgumentTransformation(@"((?:waiting for their manager|waiting for compliance|approved|rejected|executed|withdrawn)?(?: ?for the security \w+)?(?: ?of the employee)?)")]
    public static ListFilterWords ToListFilter(string words)
    {
        var m = ListFilter().Match(words);
        return new ListFilterWords(m.Groups["status"].Success ? ToStatus(m.Groups["status"].Value) : null,
            m.Groups["ticker"].Success ? m.Groups["ticker"].Value : null, m.Groups["employee"].Success);
    }

    /// <summary>"3 days", "47 hours 59 minutes", "an hour".</summary>
    [StepArgumentTransformation(Duration)]
    public static TimeSpan ToDuration(string words) => DurationPart().Matches(words).Aggregate(TimeSpan.Zero, (total, part) =>
    {
        var n = part.Groups["n"].Value is "a" or "an" ? 1 : int.Parse(part.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return total + part.Groups["unit"].Value switch
        {
            "day" => TimeSpan.FromDays(n),
            "hour" => TimeSpan.FromHours(n),
            _ => TimeSpan.FromMinutes(n),
        };
    });

    [GeneratedRegex(@"^(?<status>waiting for their manager|waiting for compliance|approved|rejected|executed|withdrawn)?(?: ?for the security (?<ticker>\w+))?(?<employee> ?of the employee)?$")]
    private static partial Regex ListFilter();

    [GeneratedRegex(@"(?<n>\d+|an?) (?<unit>day|hour|minute)s?")]
    private static partial Regex DurationPart();
}
