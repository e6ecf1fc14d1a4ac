namespace PadUat.Support.Allure;

// Allure's result model (allure-js-commons / allure3): one <uuid>-result.json per test, steps nested, attachments by file.

public static class AllureStatus
{
    public const string Passed = "passed";
    public const string Failed = "failed";
    public const string Broken = "broken";
    public const string Skipped = "skipped";
}

public sealed record Label(string Name, string Value);

public sealed record Link(string Name, string Url, string Type);

public sealed record Parameter(string Name, string Value);

public sealed record Attachment(string Name, string Source, string Type);

public sealed record StatusDetails(string? Message, string? Trace);

public class ExecutableItem
{
    public required string Name { get; set; }
    public string Status { get; set; } = AllureStatus.Passed;
    public StatusDetails? StatusDetails { get; set; }
    public string Stage { get; set; } = "running";
    public long Start { get; set; }
    public long Stop { get; set; }
    public List<StepResult> Steps { get; init; } = [];
    public List<Attachment> Attachments { get; init; } = [];
    public List<Parameter> Parameters { get; init; } = [];
}

public sealed class StepResult : ExecutableItem;

public sealed class TestResult : ExecutableItem
{
    public required string Uuid { get; init; }
    public required string HistoryId { get; init; }
    public required string TestCaseId { get; init; }
    public required string FullName { get; init; }
    public string? Description { get; set; }
    public List<Label> Labels { get; init; } = [];
    public List<Link> Links { get; init; } = [];
}

/// <summary>
/// A test's set-up and tear-down (Allure's fixtures), apart from its steps: &lt;uuid&gt;-container.json naming the test as its
/// child. The report shows them folded away under "Set up" and "Tear down".
/// </summary>
public sealed class TestResultContainer
{
    public required string Uuid { get; init; }
    public required string Name { get; init; }
    public List<string> Children { get; init; } = [];
    public List<StepResult> Befores { get; init; } = [];
    public List<StepResult> Afters { get; init; } = [];
    public long Start { get; init; }
    public long Stop { get; init; }
}

public sealed record ExecutorInfo(string Name, string Type, string? BuildName, string? BuildUrl, string? ReportUrl);
