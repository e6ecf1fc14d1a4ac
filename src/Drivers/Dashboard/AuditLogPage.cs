using System.Globalization;
using Microsoft.Playwright;

namespace PadUat.Drivers.Dashboard;

public sealed class AuditLogPage(IPage page)
{
    public async Task<bool> IsDeniedAsync() => await page.GetByTestId("access-denied").CountAsync() > 0;

    public async Task<IReadOnlyList<AuditRow>> EntriesAsync() =>
        (await page.GetByTestId("audit-row").EvaluateAllAsync<string[][]>("""
            rows => rows.map(r => [r.getAttribute('data-action') ?? '', r.getAttribute('data-request-id') ?? '',
                                   r.querySelector('[data-testid="audit-actor"]')?.innerText ?? ''])
            """)).Select(c => new AuditRow(c[0], int.TryParse(c[1], CultureInfo.InvariantCulture, out var id) ? id : null, c[2])).ToList();
}
