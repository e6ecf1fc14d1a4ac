using System.Text.Json.Nodes;

namespace PadSandbox.Bot;

/// <summary>
/// Everything the bot posts goes through here: chat.postMessage with its token (slowed by the slow-bot fault), and the
/// answers to clicks through their response_url.
/// </summary>
public sealed class BotVoice(BotSlackClient slack, FaultSet faults, ILogger<BotVoice> log)
{
    /// <summary>Posts to a channel (a person's user id opens their DM); returns the message's ts.</summary>
    public async Task<string> SayAsync(string channel, string text, JsonArray? blocks = null, string? threadTs = null)
    {
        // Stryker disable once all : the slow-bot fault's delay, never reached without the fault
        if (faults.Has("slow-bot")) await Task.Delay(TimeSpan.FromMilliseconds(1500));
        return await slack.PostAsync(channel, text, blocks, threadTs);
    }

    /// <summary>Posts in the conversation's thread.</summary>
    public Task<string> SayAsync(ChatThread thread, string text, JsonArray? blocks = null) => SayAsync(thread.Channel, text, blocks, thread.Ts);

    /// <summary>Posts to a person by their e-mail (their DM with the bot).</summary>
    public async Task<string> TellAsync(string email, string text, JsonArray? blocks = null) => await SayAsync(await slack.UserIdOfAsync(email), text, blocks);

    /// <summary>
    /// Every click is answered by replacing the clicked message; an answer Slack refuses is logged and the handling goes
    /// on, as a Bolt app's respond() in a try/except does. With the fault, the answer carries a button without a label:
    /// Slack refuses it (invalid_blocks) and the person keeps seeing the message they clicked.
    /// </summary>
    public async Task AnswerClickAsync(string responseUrl, string text, JsonArray? blocks = null)
    {
        try
        {
            await slack.RespondAsync(responseUrl, text, faults.Has("click-answer-refused")
                ? BlockKit.Of(BlockKit.Section(text), BlockKit.Buttons(null, ("acknowledge", "", null, null, null)))
                : blocks);
        }
        catch (InvalidOperationException e) { log.LogWarning("Slack refused the answer to a click: {Why}", e.Message); }
    }
}
