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

public sealed class ChatbotSessions(NpgsqlDataSource db)
{
    public async Task<ChatSession> GetAsync(string slackUserId)
    {
        await using var conn = await db.OpenConnectionAsync();
        var row = await conn.QueryFirstOrDefaultAsync<(string State, string Draft)>(
            "SELECT state, draft::text FROM padealing.chatbot_session WHERE slack_user_id = @slackUserId", new { slackUserId });
        return row.State is null
            ? new ChatSession(ConversationState.Idle, new Draft())
            : new ChatSession(row.State, JsonSerializer.Deserialize<Draft>(row.Draft) ?? new Draft());
    }

    public async Task SaveAsync(string slackUserId, int employeeId, string state, Draft draft)
    {
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            INSERT INTO padealing.chatbot_session (slack_user_id, employee_id, state, draft, updated_at)
            VALUES (@slackUserId, @employeeId, @state, @draft::jsonb, now())
            ON CONFLICT (slack_user_id) DO UPDATE SET state = EXCLUDED.state, draft = EXCLUDED.draft, updated_at = now()
            """, new { slackUserId, employeeId, state, draft = JsonSerializer.Serialize(draft) });
    }
}
