namespace PadUat.Support.Configuration;

/// <summary>A value that must never reach output or reports: it prints as ***.</summary>
public sealed class Secret(string value)
{
    public string Reveal() => value;
    public override string ToString() => "***";
}
