namespace PadSandbox.Bot;

/// <summary>
/// The ways the bot words an execution report, as the checklist walks it (4.1-4.6): the approved request's details, then
/// the execution date, the quantity, the price (the actual value worked out), the confirmation number, then a summary
/// with the estimated against the actual and its "Record Execution" button. The words are an LLM's in the real bot; each
/// phrasing names what it asks.
/// </summary>
public static class ExecutionLines
{
    public static readonly string[] AskDate =
    [
        "Thanks! Request #{id} is approved: {trade}. When did you execute it? The date (and time, UTC) please, e.g. 2026-01-20 14:30.",
        "Found it — request #{id}, {trade}, approved. What was the execution date? Give the time too (UTC) if you have it.",
        "Request #{id} ({trade}) is approved for execution. On what date did you execute the trade (UTC time if you know it)?",
    ];

    public static readonly string[] AskDateAgain =
    [
        "Sorry, I couldn't read that as a date. What was the execution date? e.g. 2026-01-20 14:30 (UTC).",
        "I need the execution date, like 2026-01-20 or 2026-01-20 14:30 UTC. When did you execute it?",
    ];

    public static readonly string[] AskQuantity =
    [
        "Got it. What quantity was actually executed? (approved: {approved})",
        "Thanks. How many shares did you actually trade? You were approved for {approved}.",
        "And the actual quantity executed? ({approved} were approved)",
    ];

    public static readonly string[] AskQuantityAgain =
    [
        "Sorry, what quantity was executed? A number, please.",
        "I need the number of shares executed. How many?",
    ];

    public static readonly string[] AskPrice =
    [
        "What was the actual execution price per share?",
        "At what price per share was it executed?",
        "And the actual price you got, per share?",
    ];

    public static readonly string[] AskPriceAgain =
    [
        "I need a price above zero. What was the execution price per share?",
        "Sorry, what price per share? A number above zero, please.",
    ];

    public static readonly string[] AskConfirmationNumber =
    [
        "That makes an actual value of {value}. What's the broker's confirmation number or trade reference?",
        "So {value} in all. Do you have the trade confirmation number (trade reference) from your broker?",
        "Actual value: {value}. Last thing: the confirmation number / trade reference?",
    ];

    public static readonly string[] Summary =
    [
        "Please check the execution before I record it:",
        "Here's the execution to record. Please review:",
        "Almost done. Please confirm these execution details:",
    ];
}

/// <summary>
/// The ways the bot words a withdrawal, as the checklist walks it (6.1-6.3): the request's details and that it can be
/// withdrawn, an optional reason, then a summary with its "Withdraw Request" button.
/// </summary>
public static class WithdrawalLines
{
    public static readonly string[] AskReason =
    [
        "Request #{id} ({trade}, {status}) hasn't been executed, so it can be withdrawn. What's the reason for withdrawing? (optional: reply \"skip\")",
        "You can withdraw request #{id} — {trade}, {status}, not executed. Why are you withdrawing it? You can reply \"skip\".",
        "Request #{id}: {trade} ({status}). It can still be withdrawn. Would you like to give a reason? (or \"skip\")",
    ];

    public static readonly string[] Summary =
    [
        "Please confirm you want to withdraw this request:",
        "Here's the withdrawal. Please confirm:",
    ];
}
