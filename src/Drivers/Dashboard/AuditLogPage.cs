using System.Globalization;
using Microsoft.Playwright;

namespace PadUat.Drivers.Dashboard;

public sealed class AuditLogPage(IPage page, PageElements el)
{
    public async Task<bool> IsDeniedAsync() => await el.On(page, "accessDenied").CountAsync() > 0;

    /// <summary>
    /// Every entry in one evaluation inside the page, in the page's order: the action and request from the row's
    /// attributes, the actor and the time from its cells.
    /// </summary>
    public async Task<IReadOnlyList<AuditRow>> EntriesAsync() =>
        (await el.On(page, "auditRow").EvaluateAllAsync<string[][]>("""
            (rows, [action, request, actor, when]) => rows.map(r => [r.getAttribute(action) ?? '', r.getAttribute(request) ?? '',
                                                                      r.querySelector(actor)?.innerText ?? '', r.querySelector(when)?.innerText ?? ''])
            """, new[] { el.Attribute("auditAction"), el.Attribute("requestId"), el.Selector("auditActor"), el.Selector("auditWhen") }))
        .Select(c => new AuditRow(c[0], int.TryParse(c[1], CultureInfo.InvariantCulture, out var id) ? id : null, c[2].Trim(), c[3].Trim())).ToList();
}
