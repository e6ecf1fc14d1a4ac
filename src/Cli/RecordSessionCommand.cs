using PadUat.Drivers.Dashboard;
using PadUat.Support.Configuration;

namespace PadUat.Cli;

/// <summary>
/// `paduat record-session --role R [--out FILE]`: saves a UAT person's signed-in dashboard session for the nightly
/// (DASHBOARD_SESSION_&lt;ROLE&gt;), from env/&lt;APP_ENV&gt;.env's DASHBOARD_URL and UAT_&lt;ROLE&gt;_EMAIL. With
/// DASHBOARD_PASSWORD_&lt;ROLE&gt; exported it signs in unattended; otherwise a browser window opens for the person.
/// The file is written readable by its owner only, outside reports/ (~/.config/paduat/sessions/); its contents are never printed.
/// </summary>
public static class RecordSessionCommand
{
    public static async Task<int> RunAsync(string root, IReadOnlyDictionary<string, string> options)
    {
        var role = options.GetValueOrDefault("role") is { } r && Roles.All.Contains(r) ? r
            : throw new ArgumentException($"--role: one of {string.Join(", ", Roles.All)}");
        var appEnv = Environment.GetEnvironmentVariable("APP_ENV") is { Length: > 0 } e ? e : "local";
        var file = EnvFile.Read(Path.Combine(root, "env", $"{appEnv}.env"));
        string Setting(string key) => Environment.GetEnvironmentVariable(key) is { Length: > 0 } v ? v
            : file.GetValueOrDefault(key) is { Length: > 0 } f && !f.StartsWith('<') ? f
            : throw new SettingsError($"{key}: missing (set it in env/{appEnv}.env or the environment)");
        var dashboard = new Uri(options.GetValueOrDefault("dashboard-url") ?? Setting("DASHBOARD_URL"));
        var email = Setting($"UAT_{role.ToUpperInvariant()}_EMAIL");
        var password = Environment.GetEnvironmentVariable($"DASHBOARD_PASSWORD_{role.ToUpperInvariant()}") is { Length: > 0 } p ? p : null;
        // Outside reports/: a session is a live credential, and reports/ is published.
        var output = options.GetValueOrDefault("out") ?? Path.Combine(UserConfig.Dir, "sessions", $"{appEnv}-{role}.json");

        await using var browser = await BrowserSession.LaunchAsync(file.GetValueOrDefault("CHROMIUM_PATH") ?? "/usr/bin/chromium", headed: password is null);
        var state = await SessionRecorder.RecordAsync(browser.Browser, dashboard, role, email, password);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        var owner = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) owner.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var saved = new FileStream(output, owner)) await saved.WriteAsync(System.Text.Encoding.UTF8.GetBytes(state));
        Console.WriteLine($"Saved {role}'s dashboard session to {output}. Store it as a CI secret and export it for the run:");
        Console.WriteLine($"  export DASHBOARD_SESSION_{role.ToUpperInvariant()}=\"$(base64 -w0 {output})\"");
        return 0;
    }
}
