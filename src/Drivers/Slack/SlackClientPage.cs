using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PadUat.Drivers.Slack;

/// <summary>
/// One person's Slack web client, open on their DM with the bot, found the way a person finds things: the composer by
/// its label ("Message …"), a message by its ts, a button by its label. What it relies on of Slack's own client
/// (app.slack.com): the conversation's address /client/&lt;team&gt;/&lt;channel&gt;, a textbox labelled "Message &lt;name&gt;"
/// that sends on Enter, message items carrying data-msg-ts, Block Kit buttons as buttons named by their text,
/// "Only visible to you" on an ephemeral message, and a clicked message busy until the app takes the click, with an
/// alert when it did not. `./uat probe` opens it first, so a drift shows at first contact.
/// </summary>
public sealed class SlackClientPage(IBrowserContext context, IPage page, Microsoft.Playwright.IBrowser browser)
{
    private const float Bound = 10_000;
    // Playwright hands the pattern to the browser as a JavaScript RegExp: no .NET-only options.
    private static readonly Regex ComposerName = new("^Message ");

    /// <summary>The browser it lives in: a replaced browser (after a failed scenario) means a page to open again.</summary>
    public Microsoft.Playwright.IBrowser Browser => browser;

    public bool IsOpen => !page.IsClosed;

    private ILocator Composer => page.GetByRole(AriaRole.Textbox, new() { NameRegex = ComposerName });

    // A thread opens in a pane beside the conversation, with its own list and a composer labelled "Reply…".
    private ILocator ThreadPane => page.GetByRole(AriaRole.Complementary, new() { Name = "Thread" });

    private ILocator ThreadComposer => ThreadPane.GetByRole(AriaRole.Textbox, new() { NameRegex = ReplyComposerName });

    private static readonly Regex ReplyComposerName = new("^Reply");
    private static readonly Regex RepliesLink = new("^\\d+ repl(y|ies)$");

    private ILocator Message(string ts) => page.Locator($"[data-msg-ts=\"{ts}\"]");

    /// <summary>A message where the person sees it: a reply in its thread's pane, anything else in the conversation.</summary>
    private ILocator Message(string ts, string? thread) => thread is null ? Message(ts).First : ThreadPane.Locator($"[data-msg-ts=\"{ts}\"]");

    /// <summary>Opens the thread of <paramref name="parentTs"/> beside the conversation (its "N replies"), unless it is the one open.</summary>
    private async Task OpenThreadAsync(string parentTs)
    {
        if (await ThreadPane.IsVisibleAsync() && await ThreadPane.Locator($"[data-msg-ts=\"{parentTs}\"]").CountAsync() > 0) return;
        await Message(parentTs).First.GetByRole(AriaRole.Button, new() { NameRegex = RepliesLink }).ClickAsync(new() { Timeout = Bound });
        await ThreadPane.Locator($"[data-msg-ts=\"{parentTs}\"]").WaitForAsync(new() { Timeout = Bound });
    }

    /// <summary>
    /// Opens the person's DM with the bot in a context signed in with their saved session; a session Slack no longer
    /// accepts ends at a sign-in page, which is named rather than waited out.
    /// </summary>
    public static async Task<SlackClientPage> OpenAsync(Microsoft.Playwright.IBrowser browser, Uri clientUrl, string storageState, string channel, string who)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { StorageState = storageState, ViewportSize = new() { Width = 1000, Height = 700 } });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync($"{clientUrl.ToString().TrimEnd('/')}/{channel}", new() { Timeout = Bound });
            var client = new SlackClientPage(context, page, browser);
            try { await client.Composer.WaitForAsync(new() { Timeout = Bound }); }
            catch (TimeoutException)
            {
                throw new Support.Configuration.SettingsError($"SLACK_SESSION_{who}: the saved Slack session does not open the DM with the bot at {page.Url} " +
                    $"(signed out, or the client changed): record it again with ./uat record-session --slack --person {who.ToLowerInvariant()}");
            }
            return client;
        }
        catch
        {
            await context.CloseAsync();
            throw;
        }
    }

    /// <summary>Shows the conversation <paramref name="channel"/> (their DM with the bot, or a channel), as a person opens it from the sidebar.</summary>
    public async Task ShowAsync(string channel)
    {
        if (new Uri(page.Url).AbsolutePath.EndsWith($"/{channel}", StringComparison.Ordinal)) return;
        await page.GotoAsync(new Uri(new Uri(page.Url), channel).ToString(), new() { Timeout = Bound });
        await Composer.WaitForAsync(new() { Timeout = Bound });
    }

    /// <summary>Types <paramref name="text"/> in the composer and sends it with Enter, as a person does; returns once it has left the composer.</summary>
    /// <remarks>With <paramref name="thread"/>, a reply in that thread, typed in its pane's "Reply…" composer.</remarks>
    public async Task SendAsync(string text, string? thread = null)
    {
        if (thread is not null) await OpenThreadAsync(thread);
        var composer = thread is null ? Composer : ThreadComposer;
        await composer.FillAsync(text, new() { Timeout = Bound });
        await composer.PressAsync("Enter", new() { Timeout = Bound });
        await Assertions.Expect(composer).ToHaveTextAsync("", new() { Timeout = Bound });
    }

    /// <summary>
    /// Clicks (or double-clicks) the button labelled <paramref name="label"/> on the message <paramref name="ts"/> — in its
    /// thread's pane when it is a reply in <paramref name="thread"/> —, once the client shows it.
    /// </summary>
    public async Task ClickAsync(string ts, string label, bool twice = false, string? thread = null)
    {
        if (thread is not null) await OpenThreadAsync(thread);
        var button = Message(ts, thread).GetByRole(AriaRole.Button, new() { Name = label, Exact = true });
        await (twice ? button.DblClickAsync(new() { Timeout = Bound }) : button.ClickAsync(new() { Timeout = Bound }));
        await TakenAsync(ts, label);
    }

    /// <summary>
    /// Waits while the clicked message is busy (Slack waits up to 3 s for the app to acknowledge a click), then fails on the
    /// error Slack shows the person when the app did not: a bot that acts on a click but acknowledges it late still shows
    /// everyone an error (api.slack.com/interactivity/handling, "Acknowledgment response"). A client that marks neither
    /// passes through at once.
    /// </summary>
    private async Task TakenAsync(string ts, string label)
    {
        await Assertions.Expect(page.Locator($"[data-msg-ts=\"{ts}\"][aria-busy=\"true\"]")).ToHaveCountAsync(0, new() { Timeout = Bound });
        var errors = await Message(ts).GetByRole(AriaRole.Alert).AllInnerTextsAsync();
        if (errors.Count > 0)
            throw new Support.Evidence.CheckFailed($"Slack showed an error on the \"{label}\" click: {errors[0].Trim()} (the app must acknowledge a click within 3 s)");
    }

    /// <summary>Types <paramref name="text"/> into the input box of the message <paramref name="ts"/> (in its thread's pane when in <paramref name="thread"/>).</summary>
    public async Task WriteInAsync(string ts, string text, string? thread = null)
    {
        if (thread is not null) await OpenThreadAsync(thread);
        await Message(ts, thread).GetByRole(AriaRole.Textbox).FillAsync(text, new() { Timeout = Bound });
    }

    /// <summary>Whether the conversation's message list is there (a list, as Slack's client has it): what the probe looks for.</summary>
    public async Task<bool> ShowsMessageListAsync() => await page.GetByRole(AriaRole.List).CountAsync() > 0;

    /// <summary>The ephemeral messages the client shows this person ("Only visible to you"), as text.</summary>
    public async Task<IReadOnlyList<string>> OnlyVisibleToYouAsync() =>
        await page.Locator("[data-msg-ts]").Filter(new() { HasText = "Only visible to you" }).AllInnerTextsAsync();

    /// <summary>
    /// The Slack pane as the person sees it, once the client shows the message <paramref name="ts"/> (when given) reading
    /// as <paramref name="showing"/> (when given): the picture is of what was checked, not of the moment before.
    /// </summary>
    public async Task<byte[]> ScreenshotAsync(string? ts, Regex? showing = null, string? thread = null)
    {
        if (thread is not null) await OpenThreadAsync(thread);
        if (ts is not null)
            await Support.Eventually.UntilAsync(async () => await Message(ts, thread).CountAsync() > 0 ? await Message(ts, thread).InnerTextAsync() : "",
                text => text.Length > 0 && (showing is null || showing.IsMatch(text)), TimeSpan.FromMilliseconds(Bound),
                $"the Slack client showing the message {ts}{(showing is null ? "" : $" as {showing}")}", text => $"\"{text}\"");
        // JPEG: a tenth of the PNG's time to encode on 2 cores, and a pane of text reads the same.
        return await page.ScreenshotAsync(new() { Type = ScreenshotType.Jpeg, Quality = 70 });
    }

    public Task CloseAsync() => context.CloseAsync();
}
