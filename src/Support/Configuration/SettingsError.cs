namespace PadUat.Support.Configuration;

/// <summary>A setting is missing or malformed: the run stops before it starts, naming the variable.</summary>
public sealed class SettingsError(string message) : Exception(message);
