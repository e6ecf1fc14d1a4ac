using Dapper;
using Npgsql;

namespace PadSandbox.Workflow;

/// <summary>
/// Compliance's management of the restricted list from the dashboard (checklist 8.2, "Compliance can add/remove securities
/// from list"), as the restricted-instruments page does it (T/ui_overhaul_bug_fixes_20260203/spec.md 5b-5e): an entry is
/// added with a required reason, for a security the firm's reference data knows; removing one sets it inactive and keeps
/// the row (a soft delete). The real service also writes an internal audit table the UAT's schema does not have: not kept.
/// </summary>
public sealed class RestrictedList(NpgsqlDataSource db, SecurityLookup securities, FaultSet faults)
{
    public async Task<Outcome<int>> AddAsync(string? instrument, string? reason, Employee by)
    {
        if (!by.IsCompliance) return Outcome<int>.Refused("Only compliance can change the restricted list.");
        if (string.IsNullOrWhiteSpace(reason)) return Outcome<int>.Refused("A reason is required to restrict an instrument.");
        if (string.IsNullOrWhiteSpace(instrument) || await securities.FindAsync(instrument.Trim()) is not { } security)
            return Outcome<int>.Refused($"No security \"{instrument?.Trim()}\" is known in the firm's reference data.");
        await using var conn = await db.OpenConnectionAsync();
        var id = await conn.ExecuteScalarAsync<int?>("""
            INSERT INTO padealing.restricted_security (security_id, ticker, reason, added_by_id)
            SELECT @security, @ticker, @reason, @by
            WHERE NOT EXISTS (SELECT 1 FROM padealing.restricted_security WHERE security_id = @security AND is_active)
            RETURNING id
            """, new { security = security.Id, ticker = security.Ticker, reason = reason.Trim(), by = by.Id });
        return id is { } added ? Outcome<int>.Done(added) : Outcome<int>.Refused($"{security.Ticker} is already on the restricted list.");
    }

    public async Task<Outcome<int>> RemoveAsync(int id, Employee by)
    {
        if (!by.IsCompliance) return Outcome<int>.Refused("Only compliance can change the restricted list.");
        // Stryker disable once all : the restricted-remove-ignored fault, never reached without the fault
        if (faults.Has("restricted-remove-ignored")) return Outcome<int>.Done(id);
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteAsync("UPDATE padealing.restricted_security SET is_active = false WHERE id = @id AND is_active", new { id }) == 1
            ? Outcome<int>.Done(id)
            : Outcome<int>.Refused($"Restricted-list entry {id} is not in force.");
    }
}
