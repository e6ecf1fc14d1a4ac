using PadUat.Support.Evidence;
using Xunit;

namespace PadUat.Tests;

/// <summary>What the secret scan counts as a credential: the shape of a real or emulated token, not a made-up name in a test.</summary>
public sealed class SecretScanTests
{
    [Theory]
    [InlineData("xoxp-sandbox-0123456789abcdef0123456789abcdef", true)]                   // the emulator's tokens
    [InlineData("xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", true)]        // Slack's bot token shape
    [InlineData("xapp-1-A0123ABCD-1234567890123-0123456789abcdef0123456789abcdef", true)] // an app-level token
    [InlineData("Authorization: Bearer abcdefghijklmnopqrstuvwxyz", true)]
    [InlineData("Calls_without_a_valid_token(token: \"xoxp-sandbox-not-a-token\")", false)]
    [InlineData("xoxp-not-a-token", false)]
    public void A_token_is_told_by_its_shape(string text, bool credential) => Assert.Equal(credential, CredentialShapes.Token().IsMatch(text));

    [Fact]
    public void Held_lock_files_are_passed_over_and_every_other_file_is_read()
    {
        var dir = Results.NewDirectory();
        File.WriteAllText(Path.Combine(dir, "run.lock"), "xoxp-sandbox-0123456789abcdef0123456789abcdef");
        File.WriteAllText(Path.Combine(dir, "uat.log"), "Cookie: .AspNetCore.Cookies=CfDJ8AbCdEfGhIjKlMnOpQrStUv");
        var outcome = SecretScan.Scan([dir], []);
        Assert.Equal(1, outcome.Files);
        Assert.Equal("a cookie, authorization header or stored cookies", Assert.Single(outcome.Findings).What);
        Directory.Delete(dir, recursive: true);
    }
}
