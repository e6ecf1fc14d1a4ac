namespace PadUat.Drivers.Probe;

/// <summary>What the probe concluded about one assumption of the contract.</summary>
public enum Verdict { Met, NotMet, CannotTell }

/// <summary>One assumption of the target's contract, what the probe found instead or as well, and the document the assumption rests on.</summary>
public sealed record Finding(Verdict Verdict, string Assumption, string Found, string Source)
{
    public static Finding Of(bool met, string assumption, string found, string source) =>
        new(met ? Verdict.Met : Verdict.NotMet, assumption, found, source);

    public string Word => Verdict switch { Verdict.Met => "met", Verdict.NotMet => "NOT MET", _ => "cannot tell" };
}
