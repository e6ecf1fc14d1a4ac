using PadUat.Support.Configuration;
using PadUat.Support.Rehearsal;
using PadUat.Support.SignOff;

namespace PadUat.Cli;

/// <summary>
/// The rehearsal's verdicts (`./uat rehearsal` gathers what happened; these judge it): `paduat rehearsal-verdict &lt;facts&gt;`
/// for the main run, `paduat hang-verdict &lt;facts&gt;` for the database hang, `paduat under-way &lt;results&gt; --at &lt;epoch ms&gt; --what &lt;text&gt; --within &lt;s&gt;` for a hang or a stop.
/// Each prints its figures as `rehearsal: …` lines and exits 0 only when the rehearsal holds.
/// </summary>
public static class RehearsalCommands
{
    public static int Verdict(string factsFile)
    {
        var facts = EnvFile.Read(factsFile);
        string Fact(string key) => facts.GetValueOrDefault(key) ?? throw new ArgumentException($"{factsFile}: no {key}");
        long Number(string key) => long.TryParse(facts.GetValueOrDefault(key), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        var results = RunResults.Load(Fact("results"));
        var (passed, lines) = RehearsalVerdict.Judge(new RehearsalFacts(
            Fingerprint.Parse(File.ReadAllLines(Fact("before"))), Fingerprint.Parse(File.ReadAllLines(Fact("after"))), results.Environment,
            Number("killed_left"), facts.GetValueOrDefault("foreign", ""), Number("foreign_before"), Number("foreign_after"), Fact("forged_table"),
            Fact("second") == "refused", File.Exists(Fact("second_log")) ? File.ReadAllText(Fact("second_log")) : ""));
        foreach (var line in lines) Console.Error.WriteLine($"rehearsal: {line}");
        return passed ? 0 : 1;
    }

    /// <summary>`paduat hang-verdict &lt;facts&gt;`: the database hang's verdict from what the rehearsal gathered (hung, at, ended, left, next, after).</summary>
    public static int HangVerdict(string factsFile)
    {
        var facts = EnvFile.Read(factsFile);
        string Fact(string key) => facts.GetValueOrDefault(key) ?? throw new ArgumentException($"{factsFile}: no {key}");
        // A figure the fingerprint did not give stays unknown, and an unknown count never passes for none.
        long? Number(string key) => long.TryParse(facts.GetValueOrDefault(key), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        var (passed, line) = RehearsalVerdict.DatabaseHang(RunResults.Load(Fact("hung")).Tests, Number("at") ?? 0, Number("ended") ?? 0, Number("left"),
            RunResults.Load(Fact("next")).Environment, Number("after"));
        Console.Error.WriteLine($"rehearsal: {line}");
        return passed ? 0 : 1;
    }

    public static int UnderWay(string resultsDir, IReadOnlyDictionary<string, string> options)
    {
        var at = long.Parse(options.GetValueOrDefault("at") ?? throw new ArgumentException("--at: epoch milliseconds"), System.Globalization.CultureInfo.InvariantCulture);
        var within = TimeSpan.FromSeconds(int.Parse(options.GetValueOrDefault("within") ?? throw new ArgumentException("--within: seconds"), System.Globalization.CultureInfo.InvariantCulture));
        var (passed, line) = RehearsalVerdict.UnderWay(RunResults.Load(resultsDir).Tests, at, options.GetValueOrDefault("what", "it happened"), within);
        Console.WriteLine(line);
        return passed ? 0 : 1;
    }
}
