using System.Diagnostics;
using PadUat.Support;
using Xunit;

namespace PadUat.Tests;

/// <summary>Bad input to `paduat` ends in one line naming the file (or option) and what is wrong, exit code 2, no stack trace.</summary>
public sealed class CliInputTests : IDisposable
{
    private readonly string _root = Results.NewDirectory();

    public CliInputTests()
    {
        File.Copy(Path.Combine(Results.Root, "PadUat.sln"), Path.Combine(_root, "PadUat.sln"));
        Directory.CreateDirectory(Path.Combine(_root, "reports", "allure-results"));
        Directory.CreateDirectory(Path.Combine(_root, "reports", "signoff"));
        Results.Run(Path.Combine(_root, "reports", "allure-results"));
    }

    private string ResultsDir => Path.Combine(_root, "reports", "allure-results");

    [Fact]
    public void A_corrupted_result_file_is_named()
    {
        var file = Path.Combine(ResultsDir, "corrupt-result.json");
        File.WriteAllText(file, "{\"name\": \"half a resu");
        AssertOneLineError(Cli("summary", ResultsDir), $"{file}: not an Allure result");
    }

    [Fact]
    public void A_result_file_holding_null_is_named()
    {
        var file = Path.Combine(ResultsDir, "null-result.json");
        File.WriteAllText(file, "null");
        AssertOneLineError(Cli("summary", ResultsDir), $"{file}: holds null, not an Allure result");
    }

    [Fact]
    public void A_corrupted_sign_off_record_is_named()
    {
        var file = Path.Combine(_root, "reports", "signoff", "signoff.json");
        File.WriteAllText(file, "{\"signedBy\": ");
        AssertOneLineError(Cli("signoff", "--verify"), $"{file}: not a sign-off record");
    }

    [Fact]
    public void A_signer_named_in_free_text_is_refused_for_what_it_is() =>
        AssertOneLineError(Cli("signoff", "--by", "Pat", "--notes", "n", "--confirm", "all"), "--by: the name on a sign-off is the principal env/allowed_signers lists for your --ssh-key");

    private static void AssertOneLineError((int Code, string Out, string Error) run, string starts)
    {
        Assert.Equal(2, run.Code);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(starts, line);
        Assert.DoesNotContain("   at ", run.Error + run.Out);
    }

    private (int Code, string Out, string Error) Cli(params string[] args)
    {
        var cli = Path.Combine(Results.Root, "src", "Cli", "bin", "Release", "net10.0", "paduat.dll");
        var start = new ProcessStartInfo("dotnet", [cli, .. args]) { WorkingDirectory = _root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ALLURE_RESULTS_DIR"] = ResultsDir;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(30_000);
        return (process.ExitCode, output.Result, error.Result);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

/// <summary>TRX names read like the report's: an outline row names its example values, not its placeholders.</summary>
public sealed class TrxNameTests
{
    [Fact]
    public void An_outline_rows_name_gets_its_example_values() => Assert.Equal(
        "An execution 2½ days after approval is recorded with executed_within_two_days = no(timing: \"2½ days after approval\", hours: \"60\", within: \"no\", exampleTags: [])",
        PadUat.Cli.TrxNames.Substitute("An execution <timing> is recorded with executed_within_two_days = <within>(timing: \"2½ days after approval\", hours: \"60\", within: \"no\", exampleTags: [])"));
}
