using PadUat.Support.Contract;

namespace PadUat.Drivers.Database;

/// <summary>
/// Who a target asks to approve a request, by its estimated value (its compliance settings): below <see cref="Medium"/>
/// nobody when <see cref="AutoApprove"/>, from it the manager then compliance, from <see cref="High"/> also the SMF16
/// approver. Test data is chosen from these, so a scenario that needs the manager uses a value this target sends to the manager.
/// </summary>
public sealed record RiskBands(decimal Medium, decimal High, bool AutoApprove)
{
    /// <summary>A value this target sends to the manager and compliance and no further: half as much again as the medium threshold, below the high one.</summary>
    public decimal ManagerAndCompliance => Medium * 1.5m < High ? Medium * 1.5m : Math.Round((Medium + High) / 2, 2);

    /// <summary>The risk a request of <paramref name="value"/> is assessed at: a threshold is "from which".</summary>
    public RiskLevel RiskOf(decimal value) => value >= High ? RiskLevel.High : value >= Medium ? RiskLevel.Medium : RiskLevel.Low;

    /// <summary>A value this target assesses at <paramref name="risk"/>.</summary>
    public decimal ValueAt(RiskLevel risk) => risk switch
    {
        RiskLevel.High => High * 1.2m,
        RiskLevel.Medium => ManagerAndCompliance,
        _ => Math.Round(Medium / 2, 2),
    };

    /// <summary>A value <paramref name="where"/> ("just under" or "exactly") the <paramref name="threshold"/> ("medium" or "high") one.</summary>
    public decimal At(string where, string threshold)
    {
        var value = threshold == "medium" ? Medium : High;
        return where == "just under" ? value - 1 : value;
    }
}
