using System.Text.Json;
using Dapper;
using Npgsql;

namespace PadSandbox.Bot;

/// <summary>Where a person is in their conversation with the bot, and the trade collected so far (padealing.chatbot_session).</summary>
public sealed record ChatSession(string State, Draft Draft);

/// <summary>
/// What the thread's conversation has gathered: a request taking shape (the checklist's answers, 1.2-1.9, as far as given, the
/// security once looked up), or an execution report (4.1-4.5) or a withdrawal (6.1-6.2) of <see cref="RequestId"/>; which
/// of the person's conversations with the bot this is (the wording's seed is drawn per conversation); the summary shown.
/// </summary>
public sealed record Draft(int Conversation = 0, string? Ticker = null, string? Description = null, bool SecurityConfirmed = false,
    string? Direction = null, decimal? Quantity = null, decimal? Price = null, string? Currency = null, string? Broker = null,
    string? Account = null, string? Reason = null, bool ReasonCoached = false, string? SummaryTs = null,
    int? RequestId = null, DateTime? ExecutedAt = null, decimal? ExecutedQuantity = null, decimal? ExecutedPrice = null,
    string? ConfirmationNumber = null, string? WithdrawalReason = null)
{
    public decimal? Value => Quantity * Price;
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
    public const string AwaitingExecutionDate = "awaiting_execution_date";
    public const string AwaitingExecutedQuantity = "awaiting_executed_quantity";
    public const string AwaitingExecutedPrice = "awaiting_executed_price";
    public const string AwaitingConfirmationNumber = "awaiting_confirmation_number";
    public const string AwaitingExecutionConfirmation = "awaiting_execution_confirmation";
    public const string AwaitingWithdrawalReason = "awaiting_withdrawal_reason";
    public const string AwaitingWithdrawalConfirmation = "awaiting_withdrawal_confirmation";

    /// <summary>Whether the thread is reporting an execution, or withdrawing a request, rather than taking one.</summary>
    public static bool IsExecution(string state) => state.StartsWith("awaiting_execut", StringComparison.Ordinal) || state == AwaitingConfirmationNumber;

    public static bool IsWithdrawal(string state) => state.StartsWith("awaiting_withdrawal", StringComparison.Ordinal);
}

/// <summary>Where a conversation is held: a person's DM with the bot and the thread the request is taken in.</summary>
public sealed record ChatThread(string Channel, string Ts);

/// <summary>
/// The conversations' state, one session row per Slack thread (slack_thread_&lt;ts&gt;,
/// T/conversational_session_hardening_20260104/spec.md:9-30): a message at the top of the DM never resumes a draft, it
/// opens a thread of its own; a reply in a thread continues that thread's draft and no other.
/// </summary>
public sealed class ChatbotSessions(NpgsqlDataSource db)
{
    private static string SessionId(string threadTs) => $"slack_thread_{threadTs}";

    public async Task<ChatSession> GetAsync(string threadTs)
    {
        await using var conn = await db.OpenConnectionAsync();
        var row = await conn.QueryFirstOrDefaultAsync<(string State, string Draft)>(
            "SELECT state, draft::text FROM padealing.chatbot_session WHERE session_id = @id", new { id = SessionId(threadTs) });
        return row.State is null
            ? new ChatSession(ConversationState.Idle, new Draft())
            : new ChatSession(row.State, JsonSerializer.Deserialize<Draft>(row.Draft) ?? new Draft());
    }

    /// <summary>How many conversations the person has opened: the next one's number (each words its turns its own way).</summary>
    public async Task<int> CountAsync(string slackUserId)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<int>("SELECT count(*) FROM padealing.chatbot_session WHERE slack_user_id = @slackUserId", new { slackUserId });
    }

    /// <summary>Only with the one-draft-per-person fault: every other conversation of the person's is closed.</summary>
    public async Task CloseAllAsync(string slackUserId)
    {
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("UPDATE padealing.chatbot_session SET state = @idle, updated_at = now() WHERE slack_user_id = @slackUserId",
            new { slackUserId, idle = ConversationState.Idle });
    }

    public async Task SaveAsync(string threadTs, string slackUserId, int employeeId, string state, Draft draft)
    {
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            INSERT INTO padealing.chatbot_session (session_id, slack_user_id, employee_id, state, draft, updated_at)
            VALUES (@id, @slackUserId, @employeeId, @state, @draft::jsonb, now())
            ON CONFLICT (session_id) DO UPDATE SET state = EXCLUDED.state, draft = EXCLUDED.draft, updated_at = now()
            """, new { id = SessionId(threadTs), slackUserId, employeeId, state, draft = JsonSerializer.Serialize(draft) });
    }
}
