using System.Diagnostics;
using System.Text.Json.Nodes;
using PadUat.Drivers.Slack;
using PadUat.Support.Evidence;
using Xunit;

namespace PadUat.Tests;

/// <summary>The harness's Slack Web API client and its person abstraction, against the emulator.</summary>
[Collection(SandboxCollection.Name)]
public sealed class SlackClientTests(SandboxFixture f)
{
    private static readonly HttpClient Http = new();
    private SlackWebClient Client(string token) => new(Http, f.Sandbox.Host.SlackApiUrl, token, new SlackRateBudget(TimeProvider.System));
    private SlackWebClient Alex => Client(f.Token("alex.morgan@paduat.example"));

    [Fact]
    public async Task A_bad_token_is_slacks_invalid_auth() =>
        Assert.Equal("invalid_auth", (await Assert.ThrowsAsync<SlackApiError>(() => Client("xoxp-sandbox-wrong").CallAsync("auth.test"))).Code);

    [Fact]
    public async Task A_missing_channel_is_channel_not_found() =>
        Assert.Equal("channel_not_found", (await Assert.ThrowsAsync<SlackApiError>(() =>
            Alex.CallAsync("conversations.history", new JsonObject { ["channel"] = "D0NOSUCH00" }))).Code);

    [Fact]
    public async Task A_429_is_waited_out_for_its_retry_after_and_the_call_then_succeeds()
    {
        await ForceRateLimitAsync("users.info", times: 1, retryAfter: 1);
        var clock = Stopwatch.StartNew();
        var answer = await Alex.CallAsync("users.info", new JsonObject { ["user"] = "UPAD01010" });
        Assert.True(answer["ok"]!.GetValue<bool>());
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed.TotalMilliseconds} ms, before Retry-After");
    }

    [Fact]
    public async Task Rate_limiting_that_does_not_end_fails_with_ratelimited_after_bounded_retries()
    {
        await ForceRateLimitAsync("users.info", times: 5, retryAfter: 0);
        var client = new SlackWebClient(Http, f.Sandbox.Host.SlackApiUrl, f.Token("alex.morgan@paduat.example"), new SlackRateBudget(TimeProvider.System), maxRateLimitRetries: 2);
        Assert.Equal("ratelimited", (await Assert.ThrowsAsync<SlackApiError>(() =>
            client.CallAsync("users.info", new JsonObject { ["user"] = "UPAD01010" }))).Code);
    }

    [Fact]
    public async Task A_person_gets_the_bots_answer_and_it_goes_into_their_transcript()
    {
        var person = await PersonAsync("casey.lindqvist@paduat.example", "UPADBOT01", new PollingFeed());
        await person.SayAsync("hi");
        var reply = await person.ExpectFromBotAsync(m => new BotPhrases(SandboxFixture.Contract).Asks("security").IsMatch(m.Text), "a greeting", TimeSpan.FromSeconds(5));
        Assert.NotNull(reply.BotId);
        Assert.Contains(person.Transcript, line => line.Contains($"bot → employee: {reply.Text}", StringComparison.Ordinal) && line.Contains("Casey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bot_that_never_answers_fails_the_check_within_the_bound()
    {
        // A DM with a person, not the bot: nobody will answer.
        var person = await PersonAsync("jamie.ortega@paduat.example", "UPAD01001", new PollingFeed());
        await person.SayAsync("anyone there?");
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<CheckFailed>(() => person.ExpectFromBotAsync(_ => true, "an answer", TimeSpan.FromMilliseconds(500)));
        Assert.Contains("did not happen", error.Message);
        Assert.InRange(clock.Elapsed.TotalMilliseconds, 450, 3000);
    }

    private Task<SlackPerson> PersonAsync(string email, string otherUserId, IDirectMessageFeed feed) => f.SlackPersonAsync(email, otherUserId, feed);

    private async Task ForceRateLimitAsync(string method, int times, int retryAfter)
    {
        using var _ = await Http.PostAsync(new Uri(f.Sandbox.Host.BaseUrl, $"_emulator/rate-limit?method={method}&times={times}&retryAfter={retryAfter}"), null);
    }
}
