using PadUat.Drivers.Database;
using PadUat.Drivers.Slack;

namespace PadUat.Drivers.TestData;

/// <summary>
/// The trades the scenarios ask for. A step that names no value gets one the target sends to the manager and compliance
/// (<see cref="RiskBands"/>, from its own settings): a scenario about approvals never meets a request approved
/// automatically, or one sent on to the SMF16 approver, whatever this target's thresholds are.
/// </summary>
public sealed class TradeValues(PadRecords records)
{
    private Task<RiskBands?>? _bands;

    /// <summary>The target's risk routing, read once per scenario; null where it declares none.</summary>
    public Task<RiskBands?> BandsAsync() => _bands ??= records.RiskBandsAsync();

    public async Task<TradeAsk> AskAsync(string direction, int quantity, string ticker, decimal? value = null, string currency = "USD") =>
        new(direction, quantity, ticker, value ?? (await BandsAsync())?.ManagerAndCompliance ?? TradeAsk.TypicalValue(quantity), currency);

    /// <summary>A trade worth a value at one of the target's thresholds ("just under"/"exactly" the "medium"/"high" one).</summary>
    public async Task<TradeAsk> AtThresholdAsync(string direction, int quantity, string ticker, string where, string threshold) =>
        new(direction, quantity, ticker, ((await BandsAsync()) ?? throw new Support.Evidence.SetupError(
            "The target's contract declares no risk routing (rules.routing): a value at a threshold cannot be chosen")).At(where, threshold), "USD");
}
