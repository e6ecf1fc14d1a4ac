namespace PadUat.Support.Evidence;

/// <summary>
/// What the harness was told to use is not there — a misspelt test person, an unknown security, a test person without a
/// manager: the scenario ends broken, naming what to fix in the settings or test data. Never a product defect.
/// </summary>
public sealed class SetupError(string message) : Exception(message);
