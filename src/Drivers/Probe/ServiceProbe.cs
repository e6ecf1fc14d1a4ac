using PadUat.Support.Configuration;
using PadUat.Support.Lifecycle;

namespace PadUat.Drivers.Probe;

/// <summary>
/// The contract's Slack and dashboard assumptions, asked without writing anything: each person's token (auth.test), the
/// bot's user and app (users.info), the dashboard answering at its URL, and each person signing in to it as a run would
/// (the firm's sign-in page, or their saved session), and each person's Slack client open on their DM with the bot.
/// No message is sent, nothing is written.
/// </summary>
public static class ServiceProbe
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static async Task<IReadOnlyList<Finding>> RunAsync(Target target, Support.Contract.TargetContract contract, string chromiumPath, CancellationToken ct = default)
    {
        var findings = new List<Finding>(await TargetSettingsCheck.SlackAsync(target.Slack, ct));
        var dashboard = await DashboardAsync(target.DashboardUrl, ct);
        findings.Add(dashboard);
        await using var browser = await Dashboard.BrowserSession.LaunchAsync(chromiumPath);
        if (dashboard.Verdict == Verdict.Met) findings.AddRange(await SignInsAsync(target, new Dashboard.PageElements(contract), browser));
        findings.AddRange(await SlackClientProbe.RunAsync(target.Slack, browser, ct));
        return findings;
    }

    /// <summary>Each person signs in once, in a fresh browser context, exactly as the run's first visit does.</summary>
    private static async Task<IReadOnlyList<Finding>> SignInsAsync(Target target, Dashboard.PageElements el, Dashboard.BrowserSession browser)
    {
        var findings = new List<Finding>();
        foreach (var who in target.DashboardSignIn.People)
        {
            var how = Dashboard.DashboardSignIns.HowIn(target, who);
            await using var context = await browser.Browser.NewContextAsync(Dashboard.DashboardSignIns.ContextFor(target, browser, who));
            try
            {
                await Dashboard.DashboardSignIns.SignInAsync(context, await context.NewPageAsync(), target, who, el);
                findings.Add(new(Verdict.Met, $"dashboard: the {who} person signs in {how}", "signed in", "docs/deployed-targets.md"));
            }
            catch (Exception e) when (e is InvalidOperationException or Support.Evidence.SetupError)
            {
                findings.Add(new(Verdict.NotMet, $"dashboard: the {who} person signs in {how}", e.Message, "docs/deployed-targets.md"));
            }
        }
        return findings;
    }

    private static async Task<Finding> DashboardAsync(Uri url, CancellationToken ct)
    {
        try
        {
            using var response = await Http.GetAsync(url, ct);
            return Finding.Of((int)response.StatusCode < 400, $"dashboard: answers at {url}", $"HTTP {(int)response.StatusCode}", "DASHBOARD_URL");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new(Verdict.NotMet, $"dashboard: answers at {url}", e.Message, "DASHBOARD_URL");
        }
    }
}
