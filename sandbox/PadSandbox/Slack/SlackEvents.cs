using System.Text;
using System.Text.Json.Nodes;

namespace PadSandbox.Slack;

/// <summary>
/// Slack's Events API, as each app is subscribed: the PA-dealing app gets the bot event message.im for every DM
/// the bot is in (its own messages included), over Socket Mode or at its HTTP request URL (<see cref="BotAppUrls"/>);
/// the UAT driver app gets the user event message.im for every DM of a person who installed it, over Socket Mode.
/// Envelopes carry what Slack's do.
/// </summary>
public sealed class SlackEvents(Workspace workspace, EventDelivery http, SocketMode socket, BotAppUrls botApp, TimeProvider clock)
{
    private long _sequence;

    public void Posted(SlackMessage message) => Publish(message.Channel, With(message.ToJson(), message.Channel, message.Ts));

    public void Changed(SlackMessage before, SlackMessage after) => Publish(after.Channel, new JsonObject
    {
        ["type"] = "message", ["subtype"] = "message_changed", ["hidden"] = true, ["channel"] = after.Channel,
        ["message"] = after.ToJson(), ["previous_message"] = before.ToJson(),
        ["ts"] = after.EditedTs, ["event_ts"] = after.EditedTs, ["channel_type"] = workspace.TypeOf(after.Channel),
    });

    public void Deleted(SlackMessage deleted)
    {
        var ts = workspace.NewTs();
        Publish(deleted.Channel, new JsonObject
        {
            ["type"] = "message", ["subtype"] = "message_deleted", ["hidden"] = true, ["channel"] = deleted.Channel,
            ["deleted_ts"] = deleted.Ts, ["previous_message"] = deleted.ToJson(), ["ts"] = ts, ["event_ts"] = ts, ["channel_type"] = workspace.TypeOf(deleted.Channel),
        });
    }

    private JsonObject With(JsonObject message, string channel, string ts)
    {
        message["channel"] = channel;
        message["event_ts"] = ts;
        message["channel_type"] = workspace.TypeOf(channel);
        return message;
    }

    private void Publish(string channel, JsonObject evt)
    {
        var members = workspace.MembersOf(channel);
        var im = workspace.TypeOf(channel) == "im";
        // The PA-dealing app subscribes to message.im only: what is said in a channel it posts to is not sent to it.
        if (im && members.Contains(workspace.Bot.Id))
        {
            var envelope = Envelope(SlackApps.BotAppId, evt, workspace.Bot.Id, isBot: true, channel);
            if (botApp.Events is null) socket.Deliver(SlackApps.BotAppId, envelope);
            else http.Deliver(envelope);
        }
        // The driver app: message.im for each person's DM, message.groups once per private channel (one event per app).
        foreach (var person in members.Where(m => m != workspace.Bot.Id).Take(im ? int.MaxValue : 1))
            socket.Deliver(SlackApps.DriverAppId, Envelope(SlackApps.DriverAppId, evt, person, isBot: false, channel));
    }

    private JsonObject Envelope(string appId, JsonObject evt, string authorizedUser, bool isBot, string channel)
    {
        var context = new JsonObject { ["et"] = "message", ["tid"] = Workspace.TeamId, ["aid"] = appId, ["cid"] = channel };
        return new JsonObject
        {
            ["token"] = "sandbox-verification-token",
            ["team_id"] = Workspace.TeamId,
            ["context_team_id"] = Workspace.TeamId,
            ["context_enterprise_id"] = null,
            ["api_app_id"] = appId,
            ["event"] = evt.DeepClone(),
            ["type"] = "event_callback",
            ["event_id"] = $"Ev{Interlocked.Increment(ref _sequence):D10}",
            ["event_time"] = clock.GetUtcNow().ToUnixTimeSeconds(),
            ["authorizations"] = new JsonArray(new JsonObject
            {
                ["enterprise_id"] = null, ["team_id"] = Workspace.TeamId, ["user_id"] = authorizedUser,
                ["is_bot"] = isBot, ["is_enterprise_install"] = false,
            }),
            ["is_ext_shared_channel"] = false,
            ["event_context"] = "4-" + Convert.ToBase64String(Encoding.UTF8.GetBytes(context.ToJsonString())),
        };
    }
}
