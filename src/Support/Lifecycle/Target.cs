using PadUat.Support.Configuration;

namespace PadUat.Support.Lifecycle;

/// <summary>The system under test as this run reaches it: resolved endpoints and credentials, whichever env chose them.</summary>
/// <param name="BotSeed">The seed the stand-in's bot words its messages by; none for a deployed target.</param>
public sealed record Target(string AppEnv, DatabaseSettings Database, SlackSettings Slack, Uri DashboardUrl, DashboardSignIn DashboardSignIn,
    string SutVersion, string SandboxFaults, int? BotSeed = null);
