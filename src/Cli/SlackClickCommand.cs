using System.Text.Json;
using System.Text.Json.Nodes;
using PadUat.Drivers.Slack;

namespace PadUat.Cli;

/// <summary>
/// `paduat slack-click`: one click exactly as the harness sends it during a run — signed, form-encoded, a complete
/// block_actions payload with a response_url this command serves — on a button of a decision message, to any app's
/// interactivity URL. The Slack conformance stage points it at a Bolt app. Prints {"status", "answer"} as JSON.
/// Settings from the environment: SLACK_API_URL, SLACK_TOKEN (the clicker), SLACK_SIGNING_SECRET, SLACK_BOT_APP_ID, SLACK_BOT_USER_ID.
/// </summary>
public static class SlackClickCommand
{
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> options)
    {
        string Env(string key) => Environment.GetEnvironmentVariable(key) is { Length: > 0 } v ? v : throw new ArgumentException($"{key}: missing from the environment");
        string Option(string key) => options.TryGetValue(key, out var v) ? v : throw new ArgumentException($"--{key} is required");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var clicker = new SlackWebClient(http, new Uri(Env("SLACK_API_URL")), Env("SLACK_TOKEN"), new SlackRateBudget(TimeProvider.System));
        var auth = await clicker.CallAsync("auth.test");
        var channel = (await clicker.CallAsync("conversations.open", new JsonObject { ["users"] = Env("SLACK_BOT_USER_ID") }))["channel"]!["id"]!.GetValue<string>();
        var who = new SlackIdentity(auth["user_id"]!.GetValue<string>(), auth["user"]!.GetValue<string>(), auth["team_id"]!.GetValue<string>(),
            new Uri(auth["url"]!.GetValue<string>()).Host.Split('.')[0]);
        var action = Option("action");
        var message = new SlackMessage("1700000000.000100", Env("SLACK_BOT_USER_ID"), "B0000000000", "A decision is needed", new JsonArray(new JsonObject
        {
            ["type"] = "actions", ["block_id"] = "decision",
            ["elements"] = new JsonArray(new JsonObject
            {
                ["type"] = "button", ["action_id"] = action, ["value"] = options.GetValueOrDefault("value", "0"),
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = action },
            }),
        }));
        await using var answers = ClickAnswers.Start("127.0.0.1:0", null, botIsLocal: true);
        var click = new ButtonClick(http, new Uri(Option("interactivity-url")), new SlackRequestSigner(Env("SLACK_SIGNING_SECRET")), Env("SLACK_BOT_APP_ID"), answers);
        var sent = await click.SendAsync(who, channel, message, action);
        ClickAnswer? answer = null;
        try { answer = await answers.ExpectAsync(sent.ResponseId, _ => true, "an answer to the click", TimeSpan.FromSeconds(5)); }
        catch (PadUat.Support.Evidence.CheckFailed) { /* reported as "answer": null */ }
        Console.WriteLine(JsonSerializer.Serialize(new { status = (int)sent.Status, answer }));
        return 0;
    }
}
