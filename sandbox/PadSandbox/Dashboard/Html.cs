using System.Globalization;
using System.Net;
using System.Text;

namespace PadSandbox.Dashboard;

/// <summary>Server-rendered pages: one layout, encoded text everywhere, data-testid hooks for the UAT's page objects.</summary>
public static class Html
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:0;color:#1d2330}header{background:#1d3557;color:#fff;padding:.6rem 1rem;display:flex;gap:1rem;align-items:center}
        header a{color:#fff}main{padding:1rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left}
        .stats{display:flex;gap:1rem;flex-wrap:wrap}.stat{border:1px solid #ccd;border-radius:6px;padding:.6rem 1rem;min-width:8rem}
        .stat b{display:block;font-size:1.6rem}.flag{color:#b5651d;font-weight:bold}.denied{color:#b00020}
        """;

    public static string E(object? value) => WebUtility.HtmlEncode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");

    public static string Money(decimal value, string currency) => string.Create(CultureInfo.InvariantCulture, $"{value:N2} {currency}");

    public static string Qty(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string When(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    public static IResult Page(string title, string? user, bool compliance, string body, int status = 200)
    {
        var nav = new StringBuilder();
        if (user is not null)
        {
            nav.Append("<a href=\"/\" data-testid=\"nav-summary\">Summary</a><a href=\"/my-requests\" data-testid=\"nav-requests\">Requests</a>");
            if (compliance)
                nav.Append("<a href=\"/pending-approvals\" data-testid=\"nav-compliance\">Pending approvals</a>" +
                           "<a href=\"/restricted-instruments\" data-testid=\"nav-restricted\">Restricted list</a><a href=\"/audit\" data-testid=\"nav-audit\">Audit log</a>");
            nav.Append($"<span data-testid=\"signed-in-as\">{E(user)}</span><a href=\"/logout\" data-testid=\"sign-out\">Sign out</a>");
        }
        var html = $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>{E(title)} · PA Dealing</title><style>{Style}</style></head>
            <body><header><strong>PA Dealing</strong>{nav}</header><main><h1 data-testid="page-title">{E(title)}</h1>{body}</main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>Where a form's call to the API says what it did, or why it was refused.</summary>
    public const string ActionResult = """<p data-testid="action-done" role="status"></p><p class="denied" data-testid="action-error" role="alert"></p>""";

    /// <summary>
    /// Forms marked data-api send their fields as JSON to the API, as the real dashboard's pages call its FastAPI, and show
    /// its answer; the page is read again after a change, so what it shows is what was stored.
    /// </summary>
    public const string ApiForms = """
        <script>
        document.querySelectorAll('form[data-api]').forEach(f => f.addEventListener('submit', async e => {
          e.preventDefault();
          const method = f.dataset.method || 'POST';
          const r = await fetch(f.dataset.api, { method, headers: { 'Content-Type': 'application/json' },
            body: method === 'DELETE' ? undefined : JSON.stringify(Object.fromEntries(new FormData(f))) });
          const answer = await r.json().catch(() => ({ detail: r.status + ' ' + r.statusText }));
          if (!r.ok) { document.querySelector('[data-testid=action-error]').textContent = answer.detail; return; }
          sessionStorage.setItem('pad-action-done', answer.message);
          location.reload();
        }));
        const done = sessionStorage.getItem('pad-action-done');
        if (done) { document.querySelector('[data-testid=action-done]').textContent = done; sessionStorage.removeItem('pad-action-done'); }
        </script>
        """;

    public static string Table(string testId, string[] headers, IEnumerable<string> rows) =>
        $"<table data-testid=\"{testId}\"><thead><tr>{string.Concat(headers.Select(h => $"<th>{E(h)}</th>"))}</tr></thead>" +
        $"<tbody>{string.Concat(rows)}</tbody></table>";

    public static string Cell(string testId, object? value) => $"<td data-testid=\"{testId}\">{E(value)}</td>";
}
