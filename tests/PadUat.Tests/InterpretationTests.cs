using PadUat.Drivers.Database;
using PadUat.Drivers.TestData;
using PadUat.Support.Contract;
using PadUat.Support.Evidence;
using PadUat.Support.Features;
using Xunit;

namespace PadUat.Tests;

/// <summary>
/// The harness's own reading of the features and of a request's past. A slip here would reach the report as the
/// product's defect, so each reading is pinned here, edges included.
/// </summary>
public sealed class InterpretationTests
{
    [Theory]
    [InlineData("3 days", 72 * 60)]
    [InlineData("47 hours 59 minutes", 47 * 60 + 59)]
    [InlineData("an hour", 60)]
    [InlineData("a day 1 minute", 24 * 60 + 1)]
    [InlineData("48 hours", 48 * 60)]
    public void Lengths_of_time_are_read_to_the_minute(string words, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), FeatureWords.Duration(words));

    [Theory]
    [InlineData("3 fortnights")]
    [InlineData("soon")]
    [InlineData("3 days and then some")]
    public void A_length_of_time_the_harness_cannot_read_is_a_setup_error(string words) =>
        Assert.Contains("does not know as a length of time", Assert.Throws<SetupError>(() => FeatureWords.Duration(words)).Message);

    [Theory]
    [InlineData("waiting for compliance for the security AAPL", "waiting for compliance", "AAPL", false)]
    [InlineData("for the security AAPL", null, "AAPL", false)]
    [InlineData("of the employee", null, null, true)]
    [InlineData("approved of the employee", "approved", null, true)]
    [InlineData("", null, null, false)]
    public void The_request_list_s_filters_are_read_part_by_part(string words, string? status, string? ticker, bool ofTheEmployee) =>
        Assert.Equal((status, ticker, ofTheEmployee), FeatureWords.ListFilter(words));

    [Theory]
    [InlineData("waiting for their manager", PadStatus.WaitingForManager)]
    [InlineData("waiting for compliance", PadStatus.WaitingForCompliance)]
    [InlineData("rejected", PadStatus.Rejected)]
    [InlineData("withdrawn", PadStatus.Withdrawn)]
    public void Statuses_are_read_by_meaning(string words, PadStatus meaning) => Assert.Equal(meaning, FeatureWords.Status(words));

    [Fact]
    public void A_word_the_features_use_that_the_harness_does_not_know_is_never_guessed()
    {
        Assert.Throws<SetupError>(() => FeatureWords.Status("cancelled"));
        Assert.Throws<SetupError>(() => FeatureWords.AuditEvent("the escalation"));
        Assert.Throws<SetupError>(() => FeatureWords.Decision("maybe"));
    }

    [Fact]
    public void Audit_events_are_read_by_who_decided_what() =>
        Assert.Equal([AuditEvent.Submitted, AuditEvent.ManagerRejected, AuditEvent.ComplianceApproved, AuditEvent.Withdrawn],
            new[] { "the submission", "the manager's rejection", "compliance's approval", "the withdrawal" }.Select(FeatureWords.AuditEvent));

    private static readonly Employee Owner = new(1, "A", "B", "a@x", 2), Manager = new(2, "M", "N", "m@x", null), Officer = new(3, "C", "D", "c@x", null);
    private static readonly DateTime Decided = new(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);

    private static RequestHistory At(RequestStage stage) =>
        new(Owner, Manager, Officer, new Security(9, "AAPL", "Apple", "USD"), TradeDirection.Buy, 10, stage, Decided, TimeSpan.FromHours(2));

    [Fact]
    public void A_request_rejected_by_compliance_has_both_decisions_and_one_audit_row_each()
    {
        var history = At(RequestStage.RejectedByCompliance);
        Assert.Equal(PadStatus.Rejected, history.Status);
        Assert.Equal([(ApprovalStage.Manager, 2, Decision.Approved, Decided.AddHours(-2)), (ApprovalStage.Compliance, 3, Decision.Rejected, Decided)], history.Approvals);
        Assert.Equal([(1, AuditEvent.Submitted, Decided.AddHours(-3)), (2, AuditEvent.ManagerApproved, Decided.AddHours(-2)), (3, AuditEvent.ComplianceRejected, Decided)],
            history.AuditTrail);
    }

    [Fact]
    public void A_request_rejected_by_its_manager_was_decided_then_and_never_reached_compliance()
    {
        var history = At(RequestStage.RejectedByManager);
        Assert.Equal([(ApprovalStage.Manager, 2, Decision.Rejected, Decided)], history.Approvals);
        Assert.Equal(Decided, history.LastChangeAt);
    }

    [Theory]
    [InlineData(RequestStage.WaitingForManager, 0, 1)]
    [InlineData(RequestStage.WaitingForCompliance, 1, 2)]
    [InlineData(RequestStage.Executed, 2, 4)]
    [InlineData(RequestStage.Withdrawn, 0, 2)]
    public void Each_stage_has_the_approvals_and_audit_rows_the_workflow_would_have_written(RequestStage stage, int approvals, int auditRows) =>
        Assert.Equal((approvals, auditRows), (At(stage).Approvals.Count, At(stage).AuditTrail.Count));
}
