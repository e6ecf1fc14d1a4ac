using System.Text.Json.Nodes;
using PadUat.Support.Contract;
using PadUat.Support.Evidence;

namespace PadUat.Drivers.Database;

public sealed record QueryPlan(string Query, double ExecutionMs, IReadOnlyList<string> SequentialScans, string PlanText);

/// <summary>
/// EXPLAIN ANALYZE of the dashboard's key queries (plan 5.11). The queries are the harness's statement of what
/// the dashboard asks the database for; their plans show whether indexes carry the filters.
/// </summary>
public sealed class QueryPlans(PadDatabase db, Evidence evidence, TargetContract contract)
{
    /// <summary>The dashboard's key queries by name, in the harness's concepts (each status a parameter the contract fills).</summary>
    private static readonly IReadOnlyDictionary<string, string> DashboardQueries = new Dictionary<string, string>
    {
        // The whole queue, as the compliance view counts and lists it: with no LIMIT to hide behind the primary key,
        // only an index on status keeps this from reading every request.
        ["the compliance queue"] = """
            SELECT r.[request.id], r.[request.person], r.[request.security], r.[request.status], r.[request.createdAt] FROM [request] r
            WHERE r.[request.status] = @waitingForCompliance
            """,
        ["an employee's requests"] = """
            SELECT r.[request.id], r.[request.security], r.[request.status], r.[request.createdAt] FROM [request] r
            WHERE r.[request.person] = (SELECT min([request.person]) FROM [request]) ORDER BY r.[request.id] DESC LIMIT 50
            """,
        ["the request detail with its approvals"] = """
            SELECT r.[request.id], r.[request.status], a.[approval.stage], a.[approval.decision] FROM [request] r
            LEFT JOIN [approval] a ON a.[approval.request] = r.[request.id] WHERE r.[request.id] = (SELECT max([request.id]) FROM [request])
            """,
    };

    /// <summary>The requests' table as a plan names it (unqualified), whose sequential scan the plan forbids.</summary>
    public string RequestTable => contract.Concept("request").Name;

    public Task<QueryPlan> ExplainAsync(string name) => evidence.StepAsync($"EXPLAIN ANALYZE {name}", async () =>
    {
        var sql = contract.Sql(DashboardQueries.TryGetValue(name, out var q) ? q : throw new ArgumentException($"No dashboard query called '{name}'"));
        var json = (await db.QueryAsync<string>($"plan of {name}", $"EXPLAIN (ANALYZE, FORMAT JSON) {sql}",
            new { waitingForCompliance = contract.Word(PadStatus.WaitingForCompliance) })).Single();
        var root = JsonNode.Parse(json)!.AsArray()[0]!;
        var scans = new List<string>();
        Walk(root["Plan"]!, scans);
        var plan = new QueryPlan(name, root["Execution Time"]!.GetValue<double>(), scans, json);
        evidence.Attach($"plan of {name}", "application/json", json);
        return plan;
    });

    private static void Walk(JsonNode node, List<string> scans)
    {
        if (node["Node Type"]?.GetValue<string>() == "Seq Scan") scans.Add(node["Relation Name"]!.GetValue<string>());
        foreach (var child in node["Plans"]?.AsArray() ?? []) Walk(child!, scans);
    }
}
