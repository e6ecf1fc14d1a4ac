using System.Globalization;
using Microsoft.Playwright;

namespace PadUat.Drivers.Dashboard;

public sealed class AuditLogPage(IPage page, PageElements el)
{
    public async Task<bool> IsDeniedAsync() => await el.On(page, "accessDenied").CountAsync() > 0;

    /// <summary>Every entry in one evaluation inside the page: the action and request from the row's attributes, the actor from its cell.</summary>
    public async Task<IReadOnlyList<AuditRow>> EntriesAsync() =>
        (await el.On(page, "auditRow").EvaluateAllAsync<string[][]>("""
            (rows, [action, request, actor]) => rows.map(r => [r.getAttribute(action) ?? '', r.getAttribute(request) ?? '',
                                                                r.querySelector(actor)?.innerText ?? ''])
            """, new[] { el.Attribute("auditAction"), el.Attribute("requestId"), el.Selector("auditActor") }))
        .Select(c => new AuditRow(c[0], int.TryParse(c[1], CultureInfo.InvariantCulture, out var id) ? id : null, c[2])).ToList();
}
