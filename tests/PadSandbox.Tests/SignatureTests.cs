using System.Net;
using PadSandbox.Slack;
using Xunit;

namespace PadSandbox.Tests;

/// <summary>Slack request signing at the bot's door: genuine requests pass; forged, unsigned and stale ones get 401.</summary>
[Collection(SandboxCollection.Name)]
public sealed class SignatureTests(SandboxFixture f)
{
    private static readonly HttpClient Http = new();

    [Fact]
    public void Slacks_published_example_verifies()
    {
        const string body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeSeconds(1531420618));
        var signature = new SlackSignature("8f742231b10e8888abcd99yyyzzz85a5", clock);
        Assert.Equal("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", signature.Sign("1531420618", body));
        Assert.Null(signature.Verify("1531420618", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", body));
    }

    [Theory]
    [InlineData("genuine", HttpStatusCode.OK)]
    [InlineData("unsigned", HttpStatusCode.Unauthorized)]
    [InlineData("wrong secret", HttpStatusCode.Unauthorized)]
    [InlineData("stale", HttpStatusCode.Unauthorized)]
    [InlineData("tampered body", HttpStatusCode.Unauthorized)]
    public async Task The_interactivity_endpoint_accepts_only_genuine_fresh_requests(string kind, HttpStatusCode expected)
    {
        var body = "payload=" + Uri.EscapeDataString("""
            {"type":"block_actions","user":{"id":"UPAD01011"},"channel":{"id":"D0000000000"},"container":{"message_ts":"1.000000"},
             "response_url":"http://127.0.0.1:9/slack/response/none","actions":[{"action_id":"noop","value":"0"}]}
            """);
        var at = DateTimeOffset.UtcNow.AddMinutes(kind == "stale" ? -6 : 0);
        var secret = kind switch { "unsigned" => null, "wrong secret" => "not-the-secret", _ => f.Sandbox.Host.SigningSecret };
        var sent = kind == "tampered body" ? body.Replace("noop", "nope", StringComparison.Ordinal) : body;
        using var request = SignedRequests.Post(f.Sandbox.Host.InteractivityUrl, sent, "application/x-www-form-urlencoded", secret, at, signedBody: body);
        using var response = await Http.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Like_bolt_the_bot_refuses_a_genuine_click_whose_content_type_carries_a_charset()
    {
        var body = "payload=" + Uri.EscapeDataString("""{"type":"block_actions","response_url":"http://127.0.0.1:9/x","actions":[]}""");
        using var request = SignedRequests.Post(f.Sandbox.Host.InteractivityUrl, body, "application/x-www-form-urlencoded", f.Sandbox.Host.SigningSecret, DateTimeOffset.UtcNow);
        request.Content!.Headers.ContentType!.CharSet = "utf-8";
        using var response = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
