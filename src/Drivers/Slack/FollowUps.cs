using System.Globalization;

namespace PadUat.Drivers.Slack;

/// <summary>
/// What the employee tells the bot they executed (checklist 4.2-4.5): when (null: just now), how many, at what price per
/// share, and the broker's confirmation number; as the answers to the bot's execution questions (bot.executionQuestions).
/// </summary>
/// <param name="DayOnly">The date given alone, as checklist 4.2 gives it ("2026-01-20"): the time of day is the system's to choose.</param>
public sealed record ExecutionReport(decimal Quantity, decimal Price, DateTime? At, string ConfirmationNumber, bool DayOnly = false)
{
    /// <summary>The report of an execution of <paramref name="requestId"/>, with the confirmation number the harness gives it.</summary>
    public static ExecutionReport Of(int requestId, decimal quantity, decimal price, DateTime? at = null, bool dayOnly = false) =>
        new(quantity, price, at, PadJourneys.ConfirmationNumber(requestId), dayOnly);

    public IReadOnlyList<(string, string)> Answers =>
    [
        ("when", At?.ToString(DayOnly ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "just now"),
        ("quantity", Quantity.ToString("0.####", CultureInfo.InvariantCulture)), ("price", Price.ToString("0.####", CultureInfo.InvariantCulture)),
        ("confirmation", ConfirmationNumber),
    ];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Quantity:0.##} at {Price:0.####} {(At is { } at ? DayOnly ? $"on {at:yyyy-MM-dd}" : $"on {at:yyyy-MM-dd HH:mm} UTC" : "just now")}, confirmation {ConfirmationNumber}");
}

/// <summary>Why the employee withdraws a request (checklist 6.2), as the answer to the bot's withdrawal question (bot.withdrawalQuestions).</summary>
public sealed record Withdrawal(string Reason)
{
    public IReadOnlyList<(string, string)> Answers => [("reason", Reason)];
}
