using PadUat.Support.Configuration;

namespace PadUat.Support.Lifecycle;

/// <summary>The system under test as this run reaches it: resolved endpoints and credentials, whichever env chose them.</summary>
public sealed record Target(string AppEnv, DatabaseSettings Database, SlackSettings Slack, Uri DashboardUrl, DashboardSignIn DashboardSignIn,
    string SutVersion, string SandboxFaults);
