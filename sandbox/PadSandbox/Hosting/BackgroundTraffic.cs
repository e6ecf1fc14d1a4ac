using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using PadSandbox.Bot;
using PadSandbox.Slack;
using PadSandbox.Workflow;

namespace PadSandbox.Hosting;

/// <summary>
/// Other employees using the system while the UAT runs, as on a shared dev deployment: they ask the bot for
/// pre-approval in their own Slack DMs, their managers and compliance click Approve, and they record executions or
/// withdraw — at about <c>actionsPerSecond</c>. They type as people in a Slack client, not as an app, so they draw on
/// no app's rate budget; their rows are theirs (never a UAT person's), created after <see cref="StartedUtc"/>.
/// </summary>
public sealed class BackgroundTraffic : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly SandboxHost _host;
    private readonly IReadOnlyList<Employee> _requesters;
    private readonly IReadOnlyList<Employee> _officers;
    private readonly Dictionary<int, Employee> _byId;
    private readonly TimeSpan _pace;
    private readonly CancellationTokenSource _stop = new();
    private readonly Random _random = new(20261129);
    private Task? _loop;
    private int _actions;

    public DateTime StartedUtc { get; } = DateTime.UtcNow;
    public int Actions => _actions;
    /// <summary>The people who act in the background: never a UAT person, never a UAT person's manager.</summary>
    public IReadOnlyList<int> People => [.. _requesters.Select(e => e.Id).Concat(_requesters.Select(e => e.ManagerId!.Value)).Concat(_officers.Select(o => o.Id)).Distinct()];

    private BackgroundTraffic(SandboxHost host, IReadOnlyList<Employee> everyone, IReadOnlySet<string> uatEmails, double actionsPerSecond)
    {
        _host = host;
        _byId = everyone.ToDictionary(e => e.Id);
        var uat = everyone.Where(e => uatEmails.Contains(e.Email)).Select(e => e.Id).ToHashSet();
        _requesters = everyone.Where(e => !uat.Contains(e.Id) && e.ManagerId is { } m && !uat.Contains(m) && !e.IsCompliance).ToList();
        _officers = everyone.Where(e => e.IsCompliance && !uat.Contains(e.Id)).ToList();
        _pace = TimeSpan.FromSeconds(1 / actionsPerSecond);
    }

    public static async Task<BackgroundTraffic> StartAsync(SandboxHost host, People people, IReadOnlySet<string> uatEmails, double actionsPerSecond)
    {
        var traffic = new BackgroundTraffic(host, await people.AllAsync(), uatEmails, actionsPerSecond);
        traffic._loop = Task.Run(traffic.LoopAsync);
        return traffic;
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try { await OneRequestAsync(_requesters[_random.Next(_requesters.Count)]); }
            catch (OperationCanceledException) { return; }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TimeoutException)
            {
                await Task.Delay(_pace); // a busy bot or a rate limit: the next person tries again later
            }
        }
    }

    /// <summary>One person's request from ask to execution (or withdrawal), a paced action at a time.</summary>
    private async Task OneRequestAsync(Employee employee)
    {
        var ticker = new[] { "AAPL", "MSFT", "GOOGL", "KO", "PEP", "DIS" }[_random.Next(6)];
        // A new request opens its own thread; the answers go in it.
        await ConverseAsync(employee, "hi", ConversationState.AwaitingConfirmation, state => state switch
        {
            ConversationState.AwaitingSecurity => ticker,
            ConversationState.AwaitingSecurityConfirmation => "yes",
            ConversationState.AwaitingDirection => "buy",
            ConversationState.AwaitingQuantity => "10",
            ConversationState.AwaitingPrice => "1500", // 15 000: a value the manager and compliance decide on
            ConversationState.AwaitingCurrency => "USD",
            ConversationState.AwaitingBroker => "Interactive Brokers",
            ConversationState.AwaitingAccount => "U7654321",
            ConversationState.AwaitingMoreReason => "that's all",
            _ => "Long-term investment for my retirement",
        });
        var summary = await BotMessageAsync(employee, m => Has(m, Messages.Confirm));
        await ClickAsync(employee, summary, Messages.Confirm);
        var submitted = await BotMessageAsync(employee, m => m.Text.Contains("submitted", StringComparison.Ordinal) && m.Ts.CompareTo(summary.Ts) > 0);
        var id = System.Text.RegularExpressions.Regex.Match(submitted.Text, @"#(\d+)").Groups[1].Value;
        await ClickAsync(_byId[employee.ManagerId!.Value], await BotMessageAsync(_byId[employee.ManagerId.Value], m => Has(m, Messages.ManagerApprove, id)), Messages.ManagerApprove);
        var officer = _officers[_random.Next(_officers.Count)];
        await ClickAsync(officer, await BotMessageAsync(officer, m => Has(m, Messages.ComplianceApprove, id), _host.ComplianceChannelId), Messages.ComplianceApprove);
        // Then executed, or now and then withdrawn, as the checklist's dialogues go (4.1-4.6, 6.1-6.3).
        var (opening, done, button) = _random.Next(4) == 0
            ? ($"I want to withdraw my request {id}", ConversationState.AwaitingWithdrawalConfirmation, Messages.WithdrawRequest)
            : ($"I executed my trade for request {id}", ConversationState.AwaitingExecutionConfirmation, Messages.RecordExecution);
        await ConverseAsync(employee, opening, done, state => state switch
        {
            ConversationState.AwaitingExecutionDate => "just now",
            ConversationState.AwaitingExecutedQuantity => "10",
            ConversationState.AwaitingExecutedPrice => "1500",
            ConversationState.AwaitingConfirmationNumber => $"CONF-{id}",
            _ => "Changed my mind",
        });
        await ClickAsync(employee, await BotMessageAsync(employee, m => Has(m, button)), button);
    }

    /// <summary>
    /// Opens a conversation with <paramref name="opening"/> and answers in its thread until it reaches <paramref name="done"/>.
    /// The bot words its questions differently each time: where the conversation stands is read from its session.
    /// </summary>
    private async Task ConverseAsync(Employee employee, string opening, string done, Func<string, string> answer)
    {
        var thread = await SayAsync(employee, opening);
        var said = thread;
        for (var turn = 0; turn < 20; turn++)
        {
            await BotMessageAsync(employee, m => string.CompareOrdinal(m.Ts, said) > 0);
            var state = (await _host.ChatbotSessions.GetAsync(thread)).State;
            if (state == done || state == ConversationState.Idle) return;
            said = await SayAsync(employee, answer(state), thread);
        }
    }

    /// <summary>Posts as the person typing in their client (in <paramref name="thread"/> when given); returns the message's ts.</summary>
    private async Task<string> SayAsync(Employee who, string text, string? thread = null)
    {
        await Task.Delay(_pace, _stop.Token);
        var user = _host.Workspace.ByEmail(who.Email)!;
        var form = new List<KeyValuePair<string, string>> { new("channel", _host.Workspace.Bot.Id), new("text", text) };
        if (thread is not null) form.Add(new("thread_ts", thread));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_host.SlackApiUrl, "chat.postMessage"))
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _host.Workspace.ClientToken(user.Id));
        using var response = await Http.SendAsync(request, _stop.Token);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(_stop.Token));
        if (answer?["ok"]?.GetValue<bool>() != true) throw new InvalidOperationException($"{who.Email} could not post");
        Interlocked.Increment(ref _actions);
        return answer["ts"]!.GetValue<string>();
    }

    private async Task ClickAsync(Employee who, Slack.SlackMessage message, string action)
    {
        await Task.Delay(_pace, _stop.Token);
        var user = _host.Workspace.ByEmail(who.Email)!;
        await _host.Interactivity.ClickAsync(_host.BaseUrl, user, message.Channel, message.Ts, action);
        Interlocked.Increment(ref _actions);
    }

    /// <param name="inChannel">A channel the person reads instead of their DM with the bot (compliance's).</param>
    private async Task<Slack.SlackMessage> BotMessageAsync(Employee who, Func<Slack.SlackMessage, bool> matches, string? inChannel = null)
    {
        var channel = inChannel ?? _host.Workspace.OpenDirectMessage(_host.Workspace.ByEmail(who.Email)!.Id, _host.Workspace.Bot.Id);
        for (var waited = 0; waited < 200; waited++)
        {
            if (_host.Workspace.Messages(channel).LastOrDefault(m => m.BotId is not null && matches(m)) is { } found) return found;
            await Task.Delay(50, _stop.Token);
        }
        throw new TimeoutException($"the bot did not answer {who.Email}");
    }

    private static bool Has(Slack.SlackMessage m, string action, string? value = null) =>
        (m.Blocks ?? []).Any(b => b?["elements"] is JsonArray els && els.Any(e => e?["action_id"]?.ToString() == action && (value is null || Messages.RequestOf(e["value"]?.ToString()).ToString(System.Globalization.CultureInfo.InvariantCulture) == value)));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null) await _loop.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
