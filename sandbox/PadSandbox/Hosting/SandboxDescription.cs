using System.Text.Json;
using PadSandbox.Slack;

namespace PadSandbox.Hosting;

/// <summary>
/// The started sandbox as JSON (endpoints, secrets, people with their tokens and passwords) for a program that drives it:
/// readable by its owner only, like the secrets file, since every credential of the workspace is in it.
/// </summary>
public static class SandboxDescription
{
    public static void Write(string path, LocalSandbox sandbox)
    {
        var host = sandbox.Host;
        var json = JsonSerializer.Serialize(new
        {
            baseUrl = host.BaseUrl, slackApiUrl = host.SlackApiUrl, slackClientUrl = host.SlackClientUrl,
            signingSecret = host.SigningSecret, botToken = host.Workspace.Bot.Token, botUserId = host.Workspace.Bot.Id,
            botAppId = SlackApps.BotAppId, appToken = host.Workspace.AppToken, botAppToken = host.Workspace.BotAppToken,
            people = host.Workspace.Users.Where(u => !u.IsBot).OrderBy(u => u.Id, StringComparer.Ordinal)
                .Select(u => new
                {
                    id = u.Id, email = u.Email, token = u.Token, password = host.Accounts.PasswordOf(u.Email),
                    slackSession = host.SlackClientSessions.StorageState(u.Id, host.SlackClientUrl),
                }),
        });
        WholeFile.Write(path, json, ownerOnly: true);
    }
}
