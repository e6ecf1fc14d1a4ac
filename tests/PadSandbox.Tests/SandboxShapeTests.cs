using System.Net;
using Dapper;
using PadSandbox.Database;
using PadSandbox.Hosting;
using Xunit;

namespace PadSandbox.Tests;

/// <summary>Migrations from empty to head, who may see which dashboard page, and the fault list.</summary>
[Collection(SandboxCollection.Name)]
public sealed class SandboxShapeTests(SandboxFixture f)
{
    [Fact]
    public async Task Migrations_bring_an_empty_database_to_head_and_rerunning_them_changes_nothing()
    {
        await using var conn = await f.Db.OpenConnectionAsync();
        Assert.Equal(Migrations.Head, await conn.ExecuteScalarAsync<string>("SELECT version_num FROM padealing.alembic_version"));
        Migrations.Upgrade(f.Sandbox.AppConnectionString, FaultSet.None);  // would fail on CREATE TABLE if a revision ran twice
        Assert.Equal([Migrations.Head], await conn.QueryAsync<string>("SELECT version_num FROM padealing.alembic_version"));
    }

    [Fact]
    public void The_history_is_the_real_applications_eighteen_revisions_with_dev_one_behind_head() =>
        Assert.Equal(("4143273be37f", "1e2bea66afb6", "fc3b6e7695d9", 18),
            (Migrations.History[0].Id, Migrations.DevCurrent, Migrations.Head, Migrations.History.Count));

    [Fact]
    public async Task Padealing_holds_the_thirteen_tables_dev_has()
    {
        await using var conn = await f.Db.OpenConnectionAsync();
        Assert.Equal(["active_stocks", "alembic_version", "audit_log", "chatbot_session", "compliance_config", "compliance_decision_outcome",
                      "employee_role", "pad_approval", "pad_breach", "pad_execution", "pad_request", "personal_account_dealing", "restricted_security"],
            await conn.QueryAsync<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'padealing' ORDER BY 1"));
    }

    [Fact]
    public void The_head_revision_is_the_one_the_local_env_expects() =>
        Assert.Contains($"PAD_MIGRATION_HEAD={Migrations.Head}", File.ReadAllText(Path.Combine(RepoRoot(), "env", "local.env")));

    [Theory]
    [InlineData("jordan.blake@paduat.example", HttpStatusCode.OK)]        // compliance sees anyone's request
    [InlineData("alex.morgan@paduat.example", HttpStatusCode.NotFound)]   // a history row of someone else
    [InlineData("nobody@paduat.example", HttpStatusCode.Forbidden)]
    public async Task As_on_dev_the_dashboard_takes_the_person_from_the_X_Dev_User_Email_header(string email, HttpStatusCode expected)
    {
        using var http = DashboardSignIn.Client(f.Sandbox.Host);
        using var request = new HttpRequestMessage(HttpMethod.Get, "requests/1") { Headers = { { "X-Dev-User-Email", email } } };
        using var response = await http.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_dashboard_says_who_it_takes_the_caller_for()
    {
        using var http = DashboardSignIn.Client(f.Sandbox.Host);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/auth/me") { Headers = { { "X-Dev-User-Email", "Jordan.Blake@paduat.example" } } };
        using var response = await http.SendAsync(request);
        Assert.Contains("\"email\":\"jordan.blake@paduat.example\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Behind_the_sign_in_front_the_header_is_no_one()
    {
        await using var deployed = await SandboxHost.StartAsync(new SandboxOptions(f.Sandbox.AppConnectionString, FaultSet.None, DevHeaderSignIn: false));
        using var http = DashboardSignIn.Client(deployed);
        using var request = new HttpRequestMessage(HttpMethod.Get, "requests/1") { Headers = { { "X-Dev-User-Email", "jordan.blake@paduat.example" } } };
        using var response = await http.SendAsync(request);
        Assert.Equal("/idp/authorize", response.RequestMessage!.RequestUri!.AbsolutePath); // sent to sign in
    }

    [Theory]
    [InlineData("alex.morgan@paduat.example", "/pending-approvals", HttpStatusCode.Forbidden)]
    [InlineData("alex.morgan@paduat.example", "/audit", HttpStatusCode.Forbidden)]
    [InlineData("jordan.blake@paduat.example", "/pending-approvals", HttpStatusCode.OK)]
    [InlineData("jordan.blake@paduat.example", "/audit", HttpStatusCode.OK)]
    [InlineData("alex.morgan@paduat.example", "/restricted-instruments", HttpStatusCode.Forbidden)]
    [InlineData("jordan.blake@paduat.example", "/restricted-instruments", HttpStatusCode.OK)]
    [InlineData("alex.morgan@paduat.example", "/requests/1", HttpStatusCode.NotFound)]  // history row of someone else
    [InlineData("jordan.blake@paduat.example", "/requests/1", HttpStatusCode.OK)]
    public async Task Dashboard_pages_respect_roles(string email, string path, HttpStatusCode expected)
    {
        using var http = DashboardSignIn.Client(f.Sandbox.Host);
        (await DashboardSignIn.SignInAsync(http, f.Sandbox.Host, email)).Dispose();
        using var response = await http.GetAsync(path.TrimStart('/'));
        Assert.Equal(expected, response.StatusCode);
    }

    /// <summary>The dashboard's buttons call a JSON API: a refusal is FastAPI's 422 with its detail; a cross-site form post cannot call it.</summary>
    [Theory]
    [InlineData("jordan.blake@paduat.example", "api/requests/1/decline", """{"approval_type": "compliance", "reason": " "}""", "application/json", 422, "reason is required")]
    [InlineData("alex.morgan@paduat.example", "api/restricted-instruments", """{"inst_symbol": "AAPL", "reason": "r"}""", "application/json", 422, "Only compliance")]
    [InlineData("jordan.blake@paduat.example", "api/restricted-instruments", """{"inst_symbol": "NOSUCH", "reason": "r"}""", "application/json", 422, "No security")]
    [InlineData("jordan.blake@paduat.example", "api/restricted-instruments", "inst_symbol=AAPL&reason=r", "application/x-www-form-urlencoded", 404, "")]  // no endpoint takes a form: routing finds none
    public async Task The_dashboards_api_refuses_with_a_reason(string email, string path, string body, string contentType, int status, string detail)
    {
        using var http = DashboardSignIn.Client(f.Sandbox.Host);
        (await DashboardSignIn.SignInAsync(http, f.Sandbox.Host, email)).Dispose();
        using var response = await http.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, contentType));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_the_identity_provider_and_back_where_they_were_going()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = f.Sandbox.Host.BaseUrl };
        using var response = await http.GetAsync("my-requests");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/auth/login", response.Headers.Location!.PathAndQuery);

        using var browser = DashboardSignIn.Client(f.Sandbox.Host);
        using var landed = await browser.GetAsync("my-requests");
        Assert.Equal("/idp/authorize", landed.RequestMessage!.RequestUri!.AbsolutePath);
        var state = System.Web.HttpUtility.ParseQueryString(landed.RequestMessage.RequestUri.Query)["state"]!;
        using var back = await browser.PostAsync("idp/authorize", new FormUrlEncodedContent(
            [new("client_id", "pad-dashboard"), new("redirect_uri", "/auth/callback"), new("state", state),
             new("username", "jordan.blake@paduat.example"), new("password", f.Sandbox.Host.Accounts.PasswordOf("jordan.blake@paduat.example"))]));
        Assert.Equal(("/my-requests", HttpStatusCode.OK), (back.RequestMessage!.RequestUri!.AbsolutePath, back.StatusCode));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_at_the_identity_provider()
    {
        using var http = DashboardSignIn.Client(f.Sandbox.Host);
        using var refused = await DashboardSignIn.SignInAsync(http, f.Sandbox.Host, "alex.morgan@paduat.example", "not-the-password");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var page = await http.GetAsync("my-requests");
        Assert.Equal("/idp/authorize", page.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_code_that_did_not_come_back_with_the_dashboards_state_is_refused()
    {
        using var http = DashboardSignIn.Client(f.Sandbox.Host);
        using var forged = await http.GetAsync("auth/callback?code=abc&state=def");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public void Every_fault_has_a_row_in_the_fault_matrix_and_no_row_names_an_unknown_fault()
    {
        var rows = File.ReadLines("fault-matrix.tsv").Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[0]).ToList();
        Assert.Equal(FaultSet.Catalogue.Select(c => c.Name).Order(), rows.Order());
    }

    [Fact]
    public void An_unknown_fault_name_is_refused() =>
        Assert.Contains("Unknown sandbox fault", Assert.Throws<ArgumentException>(() => FaultSet.Parse("skip-audit,no-such-fault")).Message);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PadUat.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("PadUat.sln");
    }
}
