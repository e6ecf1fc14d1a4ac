using PadUat.Drivers.Dashboard;
using Xunit;

namespace PadUat.Tests;

/// <summary>Checklist 7.5's audit log page opened without a filter: every entry of a request it shows must be one the database holds.</summary>
public sealed class AuditTimelineTests
{
    private static readonly (string, int?)[] Stored = [("pad_request_submitted", 7), ("pad_request_manager_approved", 7), ("pad_request_submitted", 8)];

    [Fact]
    public void Entries_the_database_holds_are_all_stored_and_their_requests_read_once()
    {
        AuditRow[] shown = [new("pad_request_manager_approved", 7, "Sam"), new("pad_request_submitted", 7, "Alex"), new("pad_request_submitted", 8, "Alex"),
            new("pad_request_submitted", null, "Alex")];
        Assert.Empty(AuditTimeline.NotStored(shown, Stored));
        Assert.Equal([7, 8], AuditTimeline.Requests(shown));
    }

    [Fact]
    public void An_entry_of_a_request_the_database_has_no_such_row_for_is_named_once() =>
        Assert.Equal(["pad_request_compliance_approved on #7"],
            AuditTimeline.NotStored([new("pad_request_compliance_approved", 7, "Kim"), new("pad_request_compliance_approved", 7, "Kim")], Stored));

    [Fact]
    public void An_action_stored_for_another_request_is_not_taken_for_this_one() =>
        Assert.Equal(["pad_request_manager_approved on #8"], AuditTimeline.NotStored([new("pad_request_manager_approved", 8, "Sam")], Stored));

    [Fact]
    public void The_entries_of_a_request_deleted_since_the_page_was_read_are_left_out_and_the_others_still_checked() =>
        Assert.Equal(["pad_request_compliance_approved on #7"], AuditTimeline.NotStored(
            [new("pad_request_submitted", 9, "Alex"), new("pad_request_manager_approved", 9, "Sam"), new("pad_request_compliance_approved", 7, "Kim")], Stored));
}
