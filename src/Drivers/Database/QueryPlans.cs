using System.Text.Json.Nodes;
using PadUat.Support.Evidence;

namespace PadUat.Drivers.Database;

public sealed record QueryPlan(string Query, double ExecutionMs, IReadOnlyList<string> SequentialScans, string PlanText);

/// <summary>
/// EXPLAIN ANALYZE of the dashboard's key queries (plan 5.11). The queries are the harness's statement of what
/// the dashboard asks the database for; their plans show whether indexes carry the filters.
/// </summary>
public sealed class QueryPlans(PadDatabase db, Evidence evidence)
{
    public static readonly IReadOnlyDictionary<string, string> DashboardQueries = new Dictionary<string, string>
    {
        // The whole queue, as the compliance view counts and lists it: with no LIMIT to hide behind the primary key,
        // only an index on status keeps this from reading every request.
        ["the compliance queue"] = """
            SELECT r.id, r.employee_id, r.security_id, r.status, r.created_at FROM padealing.pad_request r
            WHERE r.status = 'pending_compliance'
            """,
        ["an employee's requests"] = """
            SELECT r.id, r.security_id, r.status, r.created_at FROM padealing.pad_request r
            WHERE r.employee_id = (SELECT min(employee_id) FROM padealing.pad_request) ORDER BY r.id DESC LIMIT 50
            """,
        ["the request detail with its approvals"] = """
            SELECT r.id, r.status, a.approval_type, a.decision FROM padealing.pad_request r
            LEFT JOIN padealing.pad_approval a ON a.request_id = r.id WHERE r.id = (SELECT max(id) FROM padealing.pad_request)
            """,
    };

    public Task<QueryPlan> ExplainAsync(string name) => evidence.StepAsync($"EXPLAIN ANALYZE {name}", async () =>
    {
        var sql = DashboardQueries.TryGetValue(name, out var q) ? q : throw new ArgumentException($"No dashboard query called '{name}'");
        var json = (await db.QueryAsync<string>($"plan of {name}", $"EXPLAIN (ANALYZE, FORMAT JSON) {sql}")).Single();
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
