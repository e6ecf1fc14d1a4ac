namespace PadUat.Drivers.Probe;

/// <summary>
/// What the probe concluded about one assumption of the contract. Two verdicts are about the contract rather than the target
/// and never fail a probe: an entry the harness reads that the contract's documents do not give (the scenarios reading it
/// end broken, naming it), and a declared departure of an extending contract from the one it extends.
/// </summary>
public enum Verdict { Met, NotMet, CannotTell, NotDocumented, Departs }

/// <summary>One assumption of the target's contract, what the probe found instead or as well, and the document the assumption rests on.</summary>
public sealed record Finding(Verdict Verdict, string Assumption, string Found, string Source)
{
    public static Finding Of(bool met, string assumption, string found, string source) =>
        new(met ? Verdict.Met : Verdict.NotMet, assumption, found, source);

    public string Word => Verdict switch
    {
        Verdict.Met => "met", Verdict.NotMet => "NOT MET", Verdict.NotDocumented => "not documented", Verdict.Departs => "departs", _ => "cannot tell",
    };
}
