using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using PadSandbox.Workflow;
using static PadSandbox.Dashboard.Html;

namespace PadSandbox.Dashboard;

/// <summary>Each person's password at the sandbox's identity provider, made up at start (the real ones live in the firm's IdP).</summary>
public sealed class IdpAccounts(IEnumerable<string> emails)
{
    private readonly Dictionary<string, string> _passwords = emails.ToDictionary(e => e,
        _ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(9)), StringComparer.OrdinalIgnoreCase);

    public string PasswordOf(string email) => _passwords[email];

    public bool Check(string email, string password) => _passwords.TryGetValue(email, out var known)
        && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(known), System.Text.Encoding.UTF8.GetBytes(password));
}

/// <summary>
/// Signing in as on a real deployment: the dashboard sends an unknown visitor to the firm's identity provider (a
/// separate sign-in page, username and password), which redirects back with a one-time code; the dashboard checks the
/// state it sent, exchanges the code and sets its session cookie. Role comes from padealing.employee_role.
/// </summary>
public static class SignIn
{
    public const string ComplianceRole = "compliance";
    public const string Client = "pad-dashboard";
    // One cookie per sign-in attempt, named by its state, as OpenID Connect's correlation cookies are: a second
    // challenge in flight (another tab, a favicon) must not overwrite the first.
    private const string StateCookie = "pad_auth_";
    private static readonly ConcurrentDictionary<string, (string Email, DateTimeOffset Expires)> Codes = new();

    public static void MapSignIn(this WebApplication app)
    {
        // The dashboard's side: off to the IdP, remembering where the visitor was going.
        app.MapGet("/auth/login", (HttpContext http, string? returnUrl) =>
        {
            var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            http.Response.Cookies.Append(StateCookie + state, LocalPath(returnUrl) ?? "/",
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromMinutes(10) });
            return Results.Redirect($"/idp/authorize?client_id={Client}&response_type=code&redirect_uri=%2Fauth%2Fcallback&state={state}");
        }).AllowAnonymous();

        // The identity provider: its own sign-in page.
        app.MapGet("/idp/authorize", (string? client_id, string? redirect_uri, string? state) => client_id != Client || redirect_uri != "/auth/callback" || state is null
            ? IdpPage("<p data-testid=\"idp-error\">Unknown application.</p>", 400)
            : IdpPage(Form(state), 200)).AllowAnonymous();

        app.MapPost("/idp/authorize", async (HttpContext http, IdpAccounts accounts) =>
        {
            var form = await http.Request.ReadFormAsync();
            var (email, password, state) = (form["username"].ToString(), form["password"].ToString(), form["state"].ToString());
            if (form["client_id"] != Client || form["redirect_uri"] != "/auth/callback" || state.Length == 0)
                return IdpPage("<p data-testid=\"idp-error\">Unknown application.</p>", 400);
            if (!accounts.Check(email, password))
                return IdpPage($"<p data-testid=\"idp-error\">Wrong username or password.</p>{Form(state)}", 401);
            var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            Codes[code] = (email, DateTimeOffset.UtcNow.AddMinutes(1));
            return Results.Redirect($"/auth/callback?code={code}&state={state}");
        }).AllowAnonymous().DisableAntiforgery();

        // Back at the dashboard: the state must be the one it sent; the code is good once, for a minute.
        app.MapGet("/auth/callback", async (HttpContext http, string? code, string? state, People people) =>
        {
            var returnUrl = state is { Length: > 0 } && state.All(char.IsAsciiHexDigit) ? http.Request.Cookies[StateCookie + state] : null;
            if (returnUrl is not null) http.Response.Cookies.Delete(StateCookie + state!);
            if (returnUrl is null)
                return Page("Sign in", null, false, "<p class=\"denied\" data-testid=\"signin-error\">The sign-in did not start here. Try again.</p>", 400);
            if (code is null || !Codes.TryRemove(code, out var grant) || grant.Expires < DateTimeOffset.UtcNow)
                return Page("Sign in", null, false, "<p class=\"denied\" data-testid=\"signin-error\">The sign-in expired. Try again.</p>", 400);
            var person = await people.ByEmailAsync(grant.Email);
            if (person is null) return Page("Sign in", null, false, "<p class=\"denied\" data-testid=\"signin-error\">Unknown person.</p>", 403);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principal(person, CookieAuthenticationDefaults.AuthenticationScheme));
            return Results.Redirect(returnUrl);
        }).AllowAnonymous();

        // Who the dashboard takes the caller for (GET /api/auth/me, T/e2e_uat_audit_20251229/e2e_test_scenarios.md:413).
        app.MapGet("/api/auth/me", (ClaimsPrincipal user) => Results.Json(new
        {
            email = user.FindFirstValue(ClaimTypes.Email), name = user.Identity!.Name, roles = user.IsCompliance() ? new[] { ComplianceRole } : [],
        }));

        app.MapGet("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/auth/login");
        }).AllowAnonymous();
    }

    /// <summary>
    /// Dev's way in (conductor/user_identity_flow.md:92-96): a request naming a person in X-Dev-User-Email is theirs, no
    /// sign-in. Only where the sandbox stands for dev itself; a deployment behind the firm's sign-in front (--deployed) has
    /// none, as IAP strips such a header. Unlike dev, no header is no one (dev falls back to a developer's e-mail).
    /// </summary>
    public static void UseDevHeaderSignIn(this WebApplication app) => app.Use(async (http, next) =>
    {
        if (http.Request.Headers[DevHeader].ToString() is { Length: > 0 } email)
        {
            var person = await http.RequestServices.GetRequiredService<People>().ByEmailAsync(email);
            if (person is null)
            {
                await Page("Sign in", null, false, "<p class=\"denied\" data-testid=\"signin-error\">Unknown person.</p>", 403).ExecuteAsync(http);
                return;
            }
            http.User = Principal(person, DevHeader);
        }
        await next();
    });

    public const string DevHeader = "X-Dev-User-Email";

    private static ClaimsPrincipal Principal(Employee person, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new(ClaimTypes.Name, person.Name),
            new(ClaimTypes.Email, person.Email),
        };
        if (person.IsCompliance) claims.Add(new Claim(ClaimTypes.Role, ComplianceRole));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    private static string Form(string state) => $"""
        <form method="post" action="/idp/authorize">
          <input type="hidden" name="client_id" value="{Client}"><input type="hidden" name="redirect_uri" value="/auth/callback">
          <input type="hidden" name="state" value="{E(state)}">
          <label>Username <input name="username" autocomplete="username" data-testid="idp-username"></label>
          <label>Password <input name="password" type="password" autocomplete="current-password" data-testid="idp-password"></label>
          <button type="submit" data-testid="idp-submit">Sign in</button>
        </form>
        """;

    private static IResult IdpPage(string body, int status) => Results.Content($$"""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Firm sign-in</title>
        <style>body{font-family:system-ui,sans-serif;background:#eef1f5;display:grid;place-items:center;height:100vh;margin:0}
        form,p{background:#fff;padding:2rem;border-radius:8px;display:grid;gap:.8rem}</style></head>
        <body><main><h1 data-testid="idp-title">Firm sign-in</h1>{{body}}</main></body></html>
        """, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);

    /// <summary>Only a path on this site may be returned to (no open redirect).</summary>
    private static string? LocalPath(string? url) => url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? url : null;

    public static int EmployeeId(this ClaimsPrincipal user) =>
        int.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsCompliance(this ClaimsPrincipal user) => user.IsInRole(ComplianceRole);
}
