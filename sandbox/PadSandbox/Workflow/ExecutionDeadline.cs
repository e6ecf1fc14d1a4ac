using System.Globalization;
using Npgsql;

namespace PadSandbox.Workflow;

/// <summary>
/// How long after the final approval an execution counts as on time: two business days (PA Dealing Policy v18.5;
/// conductor/tracks/firm_trading_conflict_detection_20260120/UPDATED_PLAN.md:245-246; checklist 4.6), the number from
/// compliance_config.trade_execution_deadline_days. Each business day moves the deadline to the next weekday that is not a
/// holiday, at the same time of day; days are UTC dates. The holidays are compliance_config.bank_holidays (ISO dates): the
/// documents name no holiday list, so its key is the stand-in's.
/// </summary>
public sealed record ExecutionDeadline(int BusinessDays, IReadOnlySet<DateOnly> Holidays, bool CountsWeekends)
{
    public DateTime After(DateTime approvedAt)
    {
        var deadline = approvedAt;
        for (var counted = 0; counted < BusinessDays;)
        {
            deadline = deadline.AddDays(1);
            if (IsBusinessDay(DateOnly.FromDateTime(deadline))) counted++;
        }
        return deadline;
    }

    private bool IsBusinessDay(DateOnly day) =>
        CountsWeekends || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(day));

    public static async Task<ExecutionDeadline> ReadAsync(NpgsqlConnection conn, NpgsqlTransaction tx, FaultSet faults)
    {
        var settings = await ComplianceConfig.ReadAsync(conn, tx, "trade_execution_deadline_days", "bank_holidays");
        var days = int.Parse(settings.GetValueOrDefault("trade_execution_deadline_days", "2"), CultureInfo.InvariantCulture);
        var holidays = settings.GetValueOrDefault("bank_holidays", "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet();
        // Stryker disable once all : the faults' own rules, never reached without them
        if (faults.Has("wrong-two-day-rule")) days += 1;
        // Stryker disable once all : the faults' own rules, never reached without them
        if (faults.Has("holidays-ignored")) holidays.Clear();
        return new ExecutionDeadline(days, holidays, CountsWeekends: faults.Has("calendar-day-window"));
    }
}
