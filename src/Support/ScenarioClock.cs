namespace PadUat.Support;

/// <summary>When the current scenario began, by the database's clock: "rows since then" are the scenario's rows.</summary>
public sealed class ScenarioClock
{
    public DateTime Start { get; set; }
}
