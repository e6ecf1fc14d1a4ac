namespace PadUat.Support.Evidence;

/// <summary>The system under test did not do what the plan expects: a product defect, reported as "failed", not "broken".</summary>
public sealed class CheckFailed(string message) : Exception(message);

public static class Outcomes
{
    /// <summary>Assertion failures (ours or xUnit's) are product defects; anything else is the harness or the infrastructure.</summary>
    public static bool IsCheckFailure(Exception e) =>
        e is CheckFailed || (e.GetType().FullName?.StartsWith("Xunit.Sdk.", StringComparison.Ordinal) == true && !IsSkip(e));

    /// <summary>A scenario declared not applicable to this target (e.g. conflict detection not implemented).</summary>
    public static bool IsSkip(Exception e) => e.GetType().Name is "SkipException" or "SkipTestException";
}
