using System.Data;
using Npgsql;
using PadUat.Drivers.Probe;
using PadUat.Support.Configuration;
using PadUat.Support.Features;
using PadUat.Support.Lifecycle;

namespace PadUat.Cli;

/// <summary>
/// `paduat probe [--contract C]` (`./uat probe [--env E] [--contract C]`): first contact with a target. Every assumption of
/// the contract is held against it, read only — the database in a READ ONLY transaction, Slack by auth.test and users.info,
/// the dashboard by a GET and each person's sign-in — and printed met / not met / cannot tell with what was found and the document the assumption
/// rests on; one summary line; the same as a page under reports/probe/. Exit 0 when nothing is unmet, 1 otherwise.
/// </summary>
public static class ProbeCommand
{
    public static async Task<int> RunAsync(string root, IReadOnlyDictionary<string, string> options)
    {
        var loaded = UatSettings.LoadFromProcess(root);
        var settings = options.TryGetValue("contract", out var chosen) ? loaded with { ContractName = chosen } : loaded;
        await using var run = await UatRun.StartAsync(settings);
        var findings = new List<Finding>();
        await using (var conn = new NpgsqlConnection(run.Target.Database.ConnectionString()))
        {
            await conn.OpenAsync();
            await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead);
            await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY; SET LOCAL statement_timeout = '15s'", conn, tx))
                await readOnly.ExecuteNonQueryAsync();
            var tickers = FeatureCatalogue.SecuritiesNamed(FeatureCatalogue.Load(root));
            findings.AddRange(await new DatabaseProbe(new SchemaCatalog(conn, tx), run.Contract, settings).RunAsync(tickers));
            await tx.RollbackAsync();
        }
        findings.AddRange(await ServiceProbe.RunAsync(run.Target, run.Contract, settings.ChromiumPath));
        findings.Add(PreflightSchema(root, run.Contract));
        findings.AddRange(ContractProbe.Run(run.Contract, Support.Contract.TargetContract.Load(root, "sandbox")));

        var target = $"{settings.AppEnv} ({(settings.UsesSandbox ? "the sandbox, started for the probe" : run.Target.Database.Host)})";
        foreach (var line in ProbeReport.Lines(findings)) Console.WriteLine(line);
        var summary = ProbeReport.Summary(findings, target, run.Contract.File);
        var dir = Directory.CreateDirectory(Path.Combine(root, "reports", "probe")).FullName;
        var page = Path.Combine(dir, $"{settings.AppEnv}-{run.Contract.Name}.md");
        await File.WriteAllTextAsync(page, ProbeReport.Page(findings, target, run.Contract.File, run.Contract.Describes, DateTime.UtcNow));
        Console.WriteLine(summary);
        Console.WriteLine($"page: {Path.GetRelativePath(root, page)}");
        return findings.Any(f => f.Verdict == Verdict.NotMet) ? 1 : 0;
    }

    /// <summary>The preflight (plan 2.2–3.4) compares the database with a description of every table the application's models expect.</summary>
    private static Finding PreflightSchema(string root, Support.Contract.TargetContract contract)
    {
        if (contract.PreflightSchema is not { } file)
            return new(Verdict.NotMet, "preflight: the contract names the description of the tables the application's models expect (preflightSchema)",
                "it names none: the preflight's structure checks end broken", contract.File);
        var present = File.Exists(Path.Combine(root, "targets", file));
        return Finding.Of(present, $"preflight: targets/{file} describes the tables the application's models expect", present ? "present" : "no such file", contract.File);
    }
}
