using System.Text.Json.Nodes;

namespace PadSandbox.Bot;

/// <summary>Everything the bot posts goes through here: chat.postMessage with its token (slowed by the slow-bot fault).</summary>
public sealed class BotVoice(BotSlackClient slack, FaultSet faults)
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
}
