using Npgsql;
using PadSandbox;
using PadSandbox.Hosting;
using PadSandbox.Workflow;
using Xunit;

namespace PadSandbox.Tests;

/// <summary>One real sandbox (PostgreSQL cluster + HTTP host) shared by the tests of this assembly, with a small history.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public LocalSandbox Sandbox { get; private set; } = null!;
    public NpgsqlDataSource Db { get; private set; } = null!;
    public PadWorkflow Workflow { get; private set; } = null!;
    public People People { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sandbox = await LocalSandbox.StartAsync(FaultSet.None, historyRequests: 50);
        Db = NpgsqlDataSource.Create(Sandbox.AppConnectionString);
        People = new People(Db);
        Workflow = new PadWorkflow(Db, People, FaultSet.None, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await Db.DisposeAsync();
        await Sandbox.DisposeAsync();
    }

    public async Task<Employee> PersonAsync(string email) => (await People.ByEmailAsync(email))!;
}

[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "sandbox";
}
