using PadUat.Drivers.Dashboard;
using PadUat.Support.Configuration;

namespace PadUat.Cli;

/// <summary>
/// `paduat record-session --person P [--slack] [--out FILE]`: saves a test person's signed-in dashboard session for the
/// nightly (DASHBOARD_SESSION_&lt;P&gt;), or with --slack their Slack web client session (SLACK_SESSION_&lt;P&gt;, at
/// SLACK_CLIENT_URL), from env/&lt;APP_ENV&gt;.env and UAT_&lt;P&gt;_EMAIL (P: employee, compliance, employee_2…). With
/// DASHBOARD_PASSWORD_&lt;P&gt; exported it signs in unattended (the firm's IdP; the sandbox's Slack signs in through it
/// too); otherwise a browser window opens for the person.
/// The file is written readable by its owner only, outside reports/ (~/.config/paduat/sessions/); its contents are never printed.
/// </summary>
public static class RecordSessionCommand
{
    public static async Task<int> RunAsync(string root, bool slack, IReadOnlyDictionary<string, string> options)
    {
        var name = options.GetValueOrDefault("person")?.ToUpperInvariant()
            ?? throw new ArgumentException($"--person: whose session to record ({string.Join(", ", Roles.All)}, or e.g. employee_2 for UAT_EMPLOYEE_2_EMAIL)");
        var appEnv = Environment.GetEnvironmentVariable("APP_ENV") is { Length: > 0 } e ? e : "local";
        var file = EnvFile.Read(Path.Combine(root, "env", $"{appEnv}.env"));
        string Setting(string key) => Environment.GetEnvironmentVariable(key) is { Length: > 0 } v ? v
            : file.GetValueOrDefault(key) is { Length: > 0 } f && !f.StartsWith('<') ? f
            : throw new SettingsError($"{key}: missing (set it in env/{appEnv}.env or the environment)");
        var who = Cast.FromSettings([$"UAT_{name}_EMAIL"], Setting, requireEveryRole: false).People[0];
        var password = Environment.GetEnvironmentVariable($"DASHBOARD_PASSWORD_{who.SettingName}") is { Length: > 0 } p ? p : null;
        var (what, secret) = slack ? ("Slack", "SLACK_SESSION") : ("dashboard", "DASHBOARD_SESSION");
        // Outside reports/: a session is a live credential, and reports/ is published.
        var output = options.GetValueOrDefault("out")
            ?? Path.Combine(UserConfig.Dir, "sessions", $"{appEnv}-{(slack ? "slack-" : "")}{who.SettingName.ToLowerInvariant()}.json");

        await using var browser = await BrowserSession.LaunchAsync(file.GetValueOrDefault("CHROMIUM_PATH") ?? "/usr/bin/chromium", headed: password is null);
        var state = slack
            ? await Drivers.Slack.SlackSessionRecorder.RecordAsync(browser.Browser, new Uri(Setting("SLACK_CLIENT_URL")), who, password)
            : await SessionRecorder.RecordAsync(browser.Browser, new Uri(options.GetValueOrDefault("dashboard-url") ?? Setting("DASHBOARD_URL")),
                new PageElements(Support.Contract.TargetContract.Load(root, Setting("TARGET_CONTRACT"))), who, password);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        var owner = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) owner.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var saved = new FileStream(output, owner)) await saved.WriteAsync(System.Text.Encoding.UTF8.GetBytes(state));
        Console.WriteLine($"Saved {who}'s {what} session to {output}. Store it as a CI secret and export it for the run:");
        Console.WriteLine($"  export {secret}_{who.SettingName}=\"$(base64 -w0 {output})\"");
        return 0;
    }
}
