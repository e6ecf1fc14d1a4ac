namespace PadUat.Drivers.Dashboard;

/// <summary>The dashboard's pages that can show a request.</summary>
public enum RequestView { RequestPage, RequestList, ComplianceView, AuditLog }

/// <summary>What a person was shown of a request on one page: the request, a page without it, "no such request", or no page at all.</summary>
public enum RequestSight { Shown, NotShown, NoSuchRequest, Refused }

public static class RequestSightings
{
    /// <summary>Opens <paramref name="view"/> as this person and says what it showed of request <paramref name="id"/>.</summary>
    public static async Task<RequestSight> SightOfRequestAsync(this DashboardPages pages, RequestView view, int id)
    {
        switch (view)
        {
            case RequestView.RequestPage:
                var detail = await pages.RequestAsync(id);
                return await detail.IsNotFoundAsync() ? RequestSight.NoSuchRequest
                    : await detail.FieldAsync("id") == id.ToString(System.Globalization.CultureInfo.InvariantCulture) ? RequestSight.Shown : RequestSight.NotShown;
            case RequestView.RequestList:
                return (await (await pages.RequestListAsync()).RowsAsync()).Any(r => r.Id == id) ? RequestSight.Shown : RequestSight.NotShown;
            case RequestView.ComplianceView:
                var compliance = await pages.ComplianceAsync();
                return await compliance.IsDeniedAsync() ? RequestSight.Refused
                    : (await compliance.PendingRequestIdsAsync()).Contains(id) ? RequestSight.Shown : RequestSight.NotShown;
            default:
                var audit = await pages.AuditLogAsync(id);
                return await audit.IsDeniedAsync() ? RequestSight.Refused
                    : (await audit.EntriesAsync()).Any(e => e.RequestId == id) ? RequestSight.Shown : RequestSight.NotShown;
        }
    }
}
