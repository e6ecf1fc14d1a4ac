using PadUat.Support.Contract;
using PadUat.Support.Evidence;

namespace PadUat.Drivers.Probe;

/// <summary>
/// The contract itself, before any system is asked: whether it names every entry the harness reads (the stand-in's
/// contract, which every scenario passes against, lists them; one the documents do not give is "not documented", a gap
/// of the contract and not a fault of the target), where it departs from the contract it extends, and whether what it
/// says of the target is something the harness can drive yet. The bot's wording is only shown by a conversation, which the probe never starts.
/// </summary>
public static class ContractProbe
{
    /// <summary>The sections whose entries are read by name; the bot's questions are the target's own and not compared.</summary>
    private static readonly string[] Sections =
        ["bot.buttons", "bot.writes", "bot.says", "bot.notifications", "dashboard.routes", "dashboard.elements", "dashboard.attributes", "dashboard.statusLabels"];

    public static IReadOnlyList<Finding> Run(TargetContract contract, TargetContract reference)
    {
        var findings = Sections.Select(section =>
        {
            var missing = reference.NamesUnder(section).Except(contract.NamesUnder(section)).ToList();
            return missing.Count == 0
                ? new Finding(Verdict.Met, $"contract: {section} names every entry the scenarios read", "all named", reference.File)
                : new Finding(Verdict.NotDocumented, $"contract: {section} names every entry the scenarios read",
                    $"missing: {string.Join(", ", missing)} (the scenarios that read one end broken, naming it)", reference.File);
        }).ToList();
        findings.AddRange(contract.Departures.Select(d => new Finding(Verdict.Departs, $"contract: {d.Key} departs from {contract.Extends}", d.Value, contract.File)));
        findings.AddRange(contract.NamesUnder("bot.notifications").Select(n => contract.WhyNotReadable(n) is { } why
            ? new Finding(Verdict.NotMet, $"contract: the bot's {n} is read where it arrives", why, contract.File)
            : new Finding(Verdict.Met, $"contract: the bot's {n} is read where it arrives",
                contract.ChannelSettingOf(n) is { } setting ? $"the channel {setting} names, which the harness reads" : "a direct message, which the harness reads", contract.File)));
        string? noSignIn;
        try { noSignIn = contract.WhyNoSignIn(); }
        catch (SetupError gap) { noSignIn = gap.Message; }
        findings.Add(Finding.Of(noSignIn is null, "contract: the dashboard's sign-in is one the harness drives",
            noSignIn ?? (contract.SignInHeader() is { } header ? $"the {header} header naming the person" : "the firm's sign-in page"), contract.File));
        findings.Add(new(Verdict.CannotTell, "bot: its questions and answers are worded as bot.questions and bot.says recognise them",
            "only a conversation shows it; the probe sends no message (the scenarios hold it)", contract.Entry("bot.questionsSource")?.GetString() ?? contract.File));
        return findings;
    }
}
