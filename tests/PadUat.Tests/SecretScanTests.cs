using PadUat.Support.Evidence;
using Xunit;

namespace PadUat.Tests;

/// <summary>What the secret scan counts as a credential: the shape of a real or emulated token, not a made-up name in a test.</summary>
public sealed class SecretScanTests
{
    // Built here, not as [InlineData]: a test's arguments are written into the TRX as its name, and the scan reads the TRX.
    private static readonly string Secret = string.Concat(Enumerable.Repeat("0a1B", 8));

    [Fact]
    public void A_token_is_told_by_its_shape()
    {
        Assert.Matches(CredentialShapes.Token(), $"xoxp-sandbox-{Secret}");                          // the emulator's tokens
        Assert.Matches(CredentialShapes.Token(), $"xoxb-123456789012-1234567890123-{Secret[..24]}");  // Slack's bot token shape
        Assert.Matches(CredentialShapes.Token(), $"xapp-1-A0123ABCD-1234567890123-{Secret}");         // an app-level token
        Assert.Matches(CredentialShapes.Token(), $"Authorization: Bearer {Secret}");
        Assert.DoesNotMatch(CredentialShapes.Token(), "Calls_without_a_valid_token(token: \"xoxp-sandbox-not-a-token\")");
        Assert.DoesNotMatch(CredentialShapes.Token(), "xoxp-not-a-token");
    }

    [Fact]
    public void Held_lock_files_are_passed_over_and_every_other_file_is_read()
    {
        var dir = Results.NewDirectory();
        File.WriteAllText(Path.Combine(dir, "run.lock"), $"xoxp-sandbox-{Secret}");
        File.WriteAllText(Path.Combine(dir, "uat.log"), $"Cookie: .AspNetCore.Cookies={Secret}");
        var outcome = SecretScan.Scan([dir], []);
        Assert.Equal(1, outcome.Files);
        Assert.Equal("a cookie, authorization header or stored cookies", Assert.Single(outcome.Findings).What);
        Directory.Delete(dir, recursive: true);
    }
}
