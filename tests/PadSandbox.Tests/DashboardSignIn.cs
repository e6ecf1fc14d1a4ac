using System.Net;
using PadSandbox.Hosting;

namespace PadSandbox.Tests;

/// <summary>Signs a person in to the dashboard the way a browser does: to the IdP, username and password, back with a code.</summary>
internal static class DashboardSignIn
{
    public static HttpClient Client(SandboxHost host) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = host.BaseUrl };

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient http, SandboxHost host, string email, string? password = null)
    {
        using var idp = await http.GetAsync("auth/login"); // redirected to the IdP's sign-in page, with the dashboard's state
        var state = System.Web.HttpUtility.ParseQueryString(idp.RequestMessage!.RequestUri!.Query)["state"]!;
        return await http.PostAsync("idp/authorize", new FormUrlEncodedContent(
        [
            new("client_id", "pad-dashboard"), new("redirect_uri", "/auth/callback"), new("state", state),
            new("username", email), new("password", password ?? host.Accounts.PasswordOf(email)),
        ]));
    }
}
