using System.Text.Json;
using Dapper;
using Npgsql;

namespace PadSandbox.Bot;

/// <summary>Where a person is in their conversation with the bot, and the trade collected so far (padealing.chatbot_session).</summary>
public sealed record ChatSession(string State, Draft Draft);

/// <summary>
/// The request taking shape: the checklist's answers (1.2-1.9) as far as given, the security once looked up, and which
/// of the person's conversations with the bot this is (the wording's seed is drawn per conversation).
/// </summary>
public sealed record Draft(int Conversation = 0, string? Ticker = null, string? Description = null, bool SecurityConfirmed = false,
    string? Direction = null, decimal? Quantity = null, decimal? Price = null, string? Currency = null, string? Broker = null,
    string? Account = null, string? Reason = null, bool ReasonCoached = false, string? SummaryTs = null)
{
    public decimal? Value => Quantity * Price;

    /// <summary>The same person's next conversation: nothing collected, the count moved on.</summary>
    public Draft Next() => new(Conversation + 1);
}

/// <summary>Which question the bot is waiting to have answered (or none, or its summary's buttons).</summary>
public static class ConversationState
{
    public const string Idle = "idle";
    public const string AwaitingSecurity = "awaiting_security";
    public const string AwaitingSecurityConfirmation = "awaiting_security_confirmation";
    public const string AwaitingDirection = "awaiting_direction";
    public const string AwaitingQuantity = "awaiting_quantity";
    public const string AwaitingPrice = "awaiting_price";
    public const string AwaitingCurrency = "awaiting_currency";
    public const string AwaitingBroker = "awaiting_broker";
    public const string AwaitingAccount = "awaiting_account";
    public const string AwaitingReason = "awaiting_reason";
    public const string AwaitingMoreReason = "awaiting_more_reason";
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
