using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using PadSandbox.Workflow;
using static PadSandbox.Dashboard.Html;

namespace PadSandbox.Dashboard;

/// <summary>
/// Sign-in as a person from the firm's directory (the real dashboard sits behind the firm's IdP; here a
/// picker stands in for it). Role comes from padealing.employee_role.
/// </summary>
public static class SignIn
{
    public const string ComplianceRole = "compliance";

    public static void MapSignIn(this WebApplication app)
    {
        app.MapGet("/login", async (People people) =>
        {
            var options = string.Concat((await people.AllAsync()).Select(p => $"<option value=\"{E(p.Email)}\">{E(p.Name)} — {E(p.Email)}</option>"));
            return Page("Sign in", null, false, $"""
                <form method="post" action="/login">
                  <label>Person <select name="email" data-testid="signin-user">{options}</select></label>
                  <button type="submit" data-testid="signin-submit">Sign in</button>
                </form>
                """);
        }).AllowAnonymous();

        app.MapPost("/login", async (HttpContext http, People people) =>
        {
            var form = await http.Request.ReadFormAsync();
            var person = await people.ByEmailAsync(form["email"].ToString());
            if (person is null) return Page("Sign in", null, false, "<p class=\"denied\" data-testid=\"signin-error\">Unknown person.</p>", 401);
            var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new(ClaimTypes.Name, person.Name) };
            if (person.IsCompliance) claims.Add(new Claim(ClaimTypes.Role, ComplianceRole));
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
            return Results.Redirect("/");
        }).AllowAnonymous().DisableAntiforgery();

        app.MapGet("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        }).AllowAnonymous();
    }

    public static int EmployeeId(this ClaimsPrincipal user) =>
        int.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsCompliance(this ClaimsPrincipal user) => user.IsInRole(ComplianceRole);
}
