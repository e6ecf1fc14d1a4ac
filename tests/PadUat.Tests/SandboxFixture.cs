using PadSandbox;
using PadSandbox.Hosting;
using Xunit;

namespace PadUat.Tests;

/// <summary>A real sandbox for the harness's drivers to talk to: the Slack emulator and the database.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public LocalSandbox Sandbox { get; private set; } = null!;

    public async Task InitializeAsync() => Sandbox = await LocalSandbox.StartAsync(FaultSet.None, historyRequests: 0);

    public Task DisposeAsync() => Sandbox.DisposeAsync().AsTask();

    public string Token(string email) => Sandbox.Host.Workspace.ByEmail(email)!.Token;
}

[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "sandbox";
}
