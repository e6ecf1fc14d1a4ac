using System.Text;

namespace PadUat.Drivers.Dashboard;

/// <summary>A browser session saved by `./uat record-session`: Playwright storage state, kept in a secret as JSON or base64.</summary>
public static class SavedSession
{
    public static string Decode(string secret)
    {
        var text = secret.Trim();
        if (text.StartsWith('{')) return text;
        try { return Encoding.UTF8.GetString(Convert.FromBase64String(text)); }
        catch (FormatException) { throw new InvalidOperationException("A DASHBOARD_SESSION_* or SLACK_SESSION_* secret is neither Playwright storage-state JSON nor its base64"); }
    }

    public static string Encode(string storageState) => Convert.ToBase64String(Encoding.UTF8.GetBytes(storageState));
}
