using Dapper;
using Npgsql;

namespace PadSandbox.Workflow;

/// <summary>The compliance settings a rule reads (padealing.compliance_config), by key, inside the action's transaction.</summary>
public static class ComplianceConfig
{
    /// <summary>The values of <paramref name="keys"/> that are set; a key not set is absent, and the rule uses its default.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(NpgsqlConnection conn, NpgsqlTransaction tx, params string[] keys) =>
        (await conn.QueryAsync<(string Key, string Value)>(
            "SELECT config_key, config_value FROM padealing.compliance_config WHERE config_key = ANY(@keys)", new { keys }, tx))
        .ToDictionary(s => s.Key, s => s.Value);
}
