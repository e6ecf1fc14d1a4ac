using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PadSandbox.Hosting;

/// <summary>
/// A throwaway PostgreSQL cluster from Debian's server binaries: initdb into a temp folder, a free
/// loopback port, run as a non-root OS user when we are root (PostgreSQL refuses root). A watchdog
/// process stops the server and deletes the folder if the owning process dies without disposing us,
/// so a killed test run leaves nothing behind.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _root;
    private readonly string _binDir;
    private readonly string? _runAs;
    private Process? _watchdog;

    public int Port { get; }
    public string SuperuserConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";
    public string DataDirectory => Path.Combine(_root, "data");

    private PostgresCluster(string root, string binDir, string? runAs, int port)
    {
        _root = root; _binDir = binDir; _runAs = runAs; Port = port;
    }

    public static async Task<PostgresCluster> StartAsync(CancellationToken ct = default)
    {
        var binDir = FindBinDirectory();
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        var root = Directory.CreateTempSubdirectory("paduat-pg-").FullName;
        var cluster = new PostgresCluster(root, binDir, runAs, FreeLoopbackPort());
        try
        {
            await cluster.InitAndStartAsync(ct);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private async Task InitAndStartAsync(CancellationToken ct)
    {
        if (_runAs is not null)
            await RunAsync("chown", ["-R", _runAs, _root], ct);
        await RunAsPostgresAsync("initdb", ["-D", DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8",
            "--no-instructions", "--no-sync"], ct);
        _watchdog = StartWatchdog();
        var options = $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " +
                      "-c full_page_writes=off -c max_connections=100 -c shared_buffers=64MB";
        await RunAsPostgresAsync("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(_root, "server.log"),
            "-o", options, "-w", "-t", "30", "start"], ct);
    }

    /// <summary>Creates a database with an application role that owns <paramref name="appSchema"/> only.</summary>
    public async Task<string> CreateDatabaseAsync(string database, string appUser, string appPassword, CancellationToken ct)
    {
        await using (var conn = new NpgsqlConnection(SuperuserConnectionString))
        {
            await conn.OpenAsync(ct);
            await Exec(conn, $"CREATE ROLE {appUser} LOGIN PASSWORD '{appPassword}'", ct);
            await Exec(conn, $"CREATE DATABASE {database}", ct);
        }
        return new NpgsqlConnectionStringBuilder(SuperuserConnectionString) { Database = database }.ConnectionString;
    }

    private static async Task Exec(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private Process StartWatchdog()
    {
        var owner = Environment.ProcessId;
        var pgCtl = Path.Combine(_binDir, "pg_ctl");
        var stop = _runAs is null ? $"'{pgCtl}'" : $"runuser -u {_runAs} -- '{pgCtl}'";
        var script = $"while kill -0 {owner} 2>/dev/null && [ -d '{_root}' ]; do sleep 1; done; " +
                     $"[ -d '{_root}' ] && {stop} -D '{DataDirectory}' -m immediate stop >/dev/null 2>&1; rm -rf '{_root}'";
        var psi = new ProcessStartInfo("setsid", ["bash", "-c", script])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        return Process.Start(psi) ?? throw new InvalidOperationException("Could not start the PostgreSQL watchdog.");
    }

    private Task RunAsPostgresAsync(string tool, string[] args, CancellationToken ct)
    {
        var path = Path.Combine(_binDir, tool);
        return _runAs is null ? RunAsync(path, args, ct) : RunAsync("runuser", ["-u", _runAs, "--", path, .. args], ct);
    }

    private static async Task RunAsync(string file, string[] args, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(file, args)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        if (p.ExitCode != 0)
            throw new InvalidOperationException(
                $"{Path.GetFileName(file)} {string.Join(' ', args.Take(3))}… failed ({p.ExitCode}): {(await stderr).Trim()} {(await stdout).Trim()}");
    }

    private static string FindBinDirectory()
    {
        var fromEnv = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(Path.Combine(fromEnv, "initdb"))) return fromEnv;
        const string debianRoot = "/usr/lib/postgresql";
        var candidate = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot).Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        return candidate ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found (looked in PG_BIN and /usr/lib/postgresql/*/bin). Install Debian's 'postgresql' package; ./uat does this for you.");
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(DataDirectory) && File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try { await RunAsPostgresAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "-t", "20", "stop"], CancellationToken.None); }
            catch (InvalidOperationException) { /* already stopped: the folder goes anyway */ }
        }
        try { Directory.Delete(_root, recursive: true); } catch (DirectoryNotFoundException) { }
        if (_watchdog is { HasExited: false })
        {
            _watchdog.Kill(entireProcessTree: true);
            await _watchdog.WaitForExitAsync();
        }
        _watchdog?.Dispose();
    }
}
