using System.Text.Json;
using Dapper;
using Npgsql;

namespace PadSandbox.Bot;

/// <summary>Where a person is in their conversation with the bot, and the trade collected so far (padealing.chatbot_session).</summary>
public sealed record ChatSession(string State, Draft Draft);

public sealed record Draft(string? Ticker = null, string? Direction = null, decimal? Quantity = null, decimal? Value = null,
    string? Currency = null, string? SummaryTs = null);

public static class ConversationState
{
    public const string Idle = "idle";
    public const string AwaitingSecurity = "awaiting_security";
    public const string AwaitingDirection = "awaiting_direction";
    public const string AwaitingQuantity = "awaiting_quantity";
    public const string AwaitingValue = "awaiting_value";
    public const string AwaitingDeclaration = "awaiting_declaration";
    public const string AwaitingConfirmation = "awaiting_confirmation";
}

/// <summary>
/// The conversations' state, one session row per key. The real bot keys a session by its Slack thread
/// (slack_thread_&lt;ts&gt;, T/conversational_session_hardening_20260104/spec.md:9-30); this one still talks in the DM itself,
/// so its key is the DM (slack_dm_&lt;user&gt;).
/// </summary>
public sealed class ChatbotSessions(NpgsqlDataSource db)
{
    private static string SessionId(string slackUserId) => $"slack_dm_{slackUserId}";

    public async Task<ChatSession> GetAsync(string slackUserId)
    {
        await using var conn = await db.OpenConnectionAsync();
        var row = await conn.QueryFirstOrDefaultAsync<(string State, string Draft)>(
            "SELECT state, draft::text FROM padealing.chatbot_session WHERE session_id = @id", new { id = SessionId(slackUserId) });
        return row.State is null
            ? new ChatSession(ConversationState.Idle, new Draft())
            : new ChatSession(row.State, JsonSerializer.Deserialize<Draft>(row.Draft) ?? new Draft());
    }

    public async Task SaveAsync(string slackUserId, int employeeId, string state, Draft draft)
    {
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            INSERT INTO padealing.chatbot_session (session_id, slack_user_id, employee_id, state, draft, updated_at)
            VALUES (@id, @slackUserId, @employeeId, @state, @draft::jsonb, now())
            ON CONFLICT (session_id) DO UPDATE SET state = EXCLUDED.state, draft = EXCLUDED.draft, updated_at = now()
            """, new { id = SessionId(slackUserId), slackUserId, employeeId, state, draft = JsonSerializer.Serialize(draft) });
    }
}
