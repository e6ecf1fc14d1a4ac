using PadUat.Contexts;
using PadUat.Drivers;
using PadUat.Drivers.Database;
using PadUat.Drivers.Slack;
using PadUat.Drivers.TestData;
using PadUat.Support;
using PadUat.Support.Configuration;
using TechTalk.SpecFlow;
using PadUat.Support.Evidence;

namespace PadUat.Steps;

/// <summary>Plan scenario 1 and the shared "has submitted a request" set-ups: the employee and the bot in Slack.</summary>
[Binding]
public sealed class SubmissionSteps(BotPhrases phrases, Cast cast, PadJourneys journeys, SlackDriver slack, PadRecords records, ScenarioClock clock,
    TradeValues trades, RequestContext request)
{
    private Task<TradeAsk> Ask(string direction, int quantity, string ticker, decimal? value = null, string currency = "USD") =>
        trades.AskAsync(direction, quantity, ticker, value, currency);

    [When(@"^(the employee|a colleague) asks the bot to (buy|sell) (\d+) (\w+) worth about (\d+) ([A-Z]{3})$")]
    public async Task WhenAsks(Actor who, string direction, int quantity, string ticker, decimal value, string currency) =>
        request.Summary = await journeys.AskAsync(who.Person, request.Ask = await Ask(direction, quantity, ticker, value, currency));

    /// <summary>A trade worth what this target sends to the manager and compliance (its own thresholds).</summary>
    [When(@"^the employee asks the bot to (buy|sell) (\d+) (\w+)$")]
    public async Task WhenAsksForApproval(string direction, int quantity, string ticker) =>
        request.Summary = await journeys.AskAsync(cast.Employee, request.Ask = await Ask(direction, quantity, ticker));

    [When(@"^the employee asks the bot to buy (\d+) (\w+) worth (just under|exactly) the (medium|high) threshold$")]
    public async Task WhenAsksAtThreshold(int quantity, string ticker, string where, string threshold) =>
        request.Summary = await journeys.AskAsync(cast.Employee, request.Ask = await trades.AtThresholdAsync("buy", quantity, ticker, where, threshold));

    [When(@"^the employee asks the bot to (buy|sell) (\d+) (\w+) worth about (\d+) USD, but does not declare they hold no inside information$")]
    public async Task WhenAsksWithoutDeclaration(string direction, int quantity, string ticker, decimal value) =>
        request.LastReply = await slack.AskWithoutDeclarationAsync(cast.Employee, request.Ask = await Ask(direction, quantity, ticker, value));

    [When(@"^the employee asks the bot to buy (\d+) (\w+) but answers the (security|direction|quantity|price|currency) question with ""(.*)""$")]
    public async Task WhenAnswersBadly(int quantity, string ticker, string question, string answer) =>
        (request.LastQuestion, request.LastReply) = (question, await slack.AnswerBadlyAsync(cast.Employee, request.Ask = await Ask("buy", quantity, ticker), question, answer));

    [Then(@"^the bot asks for the (?:security|direction|quantity|price|currency) again$")]
    public void ThenAsksAgain() => Expect.That(phrases.AsksAgainFor(request.LastQuestion!).IsMatch(request.LastReply!.Text),
        $"The bot should ask for the {request.LastQuestion} again", () => $"it said \"{request.LastReply.Text}\"");

    [Then(@"^the bot tells the employee nothing is submitted without the declaration$")]
    public void ThenNothingWithoutDeclaration() => Expect.That(phrases.NothingSubmittedWithoutDeclaration.IsMatch(request.LastReply!.Text),
        "The bot should say that without the declaration nothing is submitted", () => $"it said \"{request.LastReply.Text}\"");

    [Then(@"^the bot tells the employee it does not know the security (\w+)$")]
    public void ThenUnknownSecurity(string ticker) => Expect.That(phrases.UnknownSecurity(ticker).IsMatch(request.LastReply!.Text),
        $"The bot should say it does not know {ticker} as a security of the firm's", () => $"it said \"{request.LastReply.Text}\"");

    [Then(@"^the bot shows the employee a summary of the trade to confirm$")]
    public void ThenSummaryShown() =>
        Expect.That(slack.OffersToSubmit(request.Summary!) && System.Text.RegularExpressions.Regex.IsMatch(request.Summary.Text, $"(?i){request.Ask!.Direction} {request.Ask.Quantity} {request.Ask.Ticker}"),
            $"The summary should show the trade ({request.Ask.Direction} {request.Ask.Quantity} {request.Ask.Ticker}) with a button to submit it", () => $"it says \"{request.Summary.Text}\" with buttons {string.Join(", ", request.Summary.ButtonLabels())}");

    [Then(@"^the bot asked the employee for the security, buy or sell, the quantity, the price, the currency, the broker, the account and the reason$")]
    public void ThenAskedEveryDetail()
    {
        var never = slack.DetailsNeverAsked();
        Expect.That(never.Count == 0, "The bot should ask for the security, buy or sell, the quantity, the price, the currency, the broker, the account and the reason",
            () => $"it never asked for: {string.Join(", ", never)} (it asked, in turn: {string.Join(", ", slack.QuestionsAsked)})");
    }

    [Then(@"^the summary shows the security found, with its description, and every detail the employee gave, with the estimated value worked out$")]
    public async Task ThenSummaryShowsEveryDetail()
    {
        var missing = slack.NotInSummary(request.Summary!, request.Ask!, (await journeys.SecurityAsync(request.Ask!.Ticker)).Description);
        Expect.That(missing.Count == 0,
            "The summary should show the security with its description, every detail the employee gave and the estimated value (quantity × price)",
            () => $"it does not show {string.Join("; ", missing)}: \"{request.Summary!.Shown()}\"");
    }

    [When(@"^the employee (confirms the request|double-clicks Confirm on the summary)$")]
    public async Task WhenConfirms(string how)
    {
        request.Submission = await journeys.ConfirmAsync(cast.Employee, request.Summary!, doubleClick: how.StartsWith("double", StringComparison.Ordinal));
        if (request.Submission.RequestId is { } id) request.RequestId = id;
    }

    /// <summary>Any summary (a request's, an execution's): the bot's answer is waited for, in its words, whatever they are.</summary>
    [When(@"^the employee writes ""(.*)"" at the summary instead of using a button, and the bot answers$")]
    public async Task WhenWritesAtSummary(string text) => request.LastReply = await slack.SayToBotAsync(cast.Employee, text, inConversation: true);

    [When(@"^the employee writes to the bot again$")]
    public async Task WhenWritesAgain() => request.LastReply = await slack.SayToBotAsync(cast.Employee, phrases.Opening, inConversation: false);

    [Then(@"^the bot starts a new request$")]
    public void ThenNewRequest() => Expect.That(phrases.StartsRequest(request.LastReply!.Text),
        "The bot should start a new request and ask which security (or confirm the one named)", () => $"it said \"{request.LastReply.Text}\"");

    [When(@"^the employee starts over and asks the bot to (buy|sell) (\d+) (\w+) worth about (\d+) ([A-Z]{3})$")]
    public async Task WhenStartsOver(string direction, int quantity, string ticker, decimal value, string currency)
    {
        request.EarlierSummary = request.Summary;
        request.Summary = await journeys.AskAsync(cast.Employee, request.Ask = await Ask(direction, quantity, ticker, value, currency));
    }

    [Then(@"^the bot takes each request in a thread of its own$")]
    public void ThenThreadEach() => Expect.That(
        request.EarlierSummary!.IsReply && request.Summary!.IsReply && request.EarlierSummary.ThreadTs != request.Summary.ThreadTs,
        "Each request's summary should be in a thread of its own (T/conversational_session_hardening_20260104/spec.md: one thread per request)",
        () => $"the earlier summary is {Where(request.EarlierSummary)}, the newer {Where(request.Summary!)}");

    private static string Where(Drivers.Slack.SlackMessage m) => m.IsReply ? $"in the thread of {m.ThreadTs}" : "at the top of the DM";

    [When(@"^the employee confirms the earlier summary$")]
    public async Task WhenConfirmsEarlier()
    {
        request.Submission = await journeys.ConfirmAsync(cast.Employee, request.EarlierSummary!);
        if (request.Submission.RequestId is { } id) request.RequestId = id;
    }

    [Then(@"^the stored request is to (buy|sell) (\d+) (\w+)$")]
    public async Task ThenStoredIs(StoredWord direction, decimal quantity, string ticker) =>
        Expect.Equal((direction.Code, quantity, ticker),
            await records.RequestAsync(request.RequestId) is { } r ? (r.Direction, r.Quantity, r.Ticker) : default,
            $"request #{request.RequestId} (direction, quantity, security)", "the database");

    [Then(@"^exactly one request is stored for the employee$")]
    public async Task ThenOneStored()
    {
        var stored = await records.RequestsSinceAsync((await journeys.PersonAsync(cast.Employee)).Id, clock.Start);
        Expect.Equal(1, stored.Count, "The requests stored for the employee in this scenario", "the database");
    }

    [When(@"^the employee cancels at the summary$")]
    public Task WhenCancels() => slack.CancelAsync(cast.Employee, request.Summary!);

    [Then(@"^the bot tells the employee the request is submitted and waiting for their manager$")]
    public async Task ThenSubmitted()
    {
        var manager = (await journeys.PersonAsync(cast.Manager)).Name;
        Expect.That(request.Submission!.RequestId is not null && request.Submission.BotAnswer.Contains(manager, StringComparison.Ordinal),
            $"The bot should say the request is submitted and waiting for {manager}", () => $"it said \"{request.Submission.BotAnswer}\"");
    }

    [Then(@"^the summary the employee confirmed now shows the request's number$")]
    public Task ThenSummaryShowsNumber() => slack.ExpectClickAnswerAsync(cast.Employee,
        phrases.SummarySubmitted(request.RequestId), $"the summary they confirmed showing request #{request.RequestId}");

    [Then(@"^the summary the employee confirmed now shows it was not submitted$")]
    public Task ThenSummaryShowsNotSubmitted() => slack.ExpectClickAnswerAsync(cast.Employee,
        phrases.SummaryNotSubmitted, "the summary they confirmed showing it was not submitted");

    [Then(@"^the request is stored as " + WorkflowWords.Status + @" for the employee with (buy|sell) (\d+) (\w+) worth (\d+) ([A-Z]{3})$")]
    public async Task ThenStoredWith(RequestStatus status, StoredWord direction, decimal quantity, string ticker, decimal value, string currency) =>
        Expect.Equal(
            (status.Code, (await journeys.PersonAsync(cast.Employee)).Id, direction.Code, quantity, ticker, value, currency),
            await records.RequestAsync(request.RequestId) is { } r ? (r.Status, r.EmployeeId, r.Direction, r.Quantity, r.Ticker, r.EstimatedValue, r.Currency)
                : default, $"request #{request.RequestId} (status, employee, direction, quantity, security, value, currency)", "the database");

    [Then(@"^no request is stored for the employee$")]
    public async Task ThenNothingStored()
    {
        var stored = await records.RequestsSinceAsync((await journeys.PersonAsync(cast.Employee)).Id, clock.Start);
        Expect.That(stored.Count == 0, "No request should be stored for the employee", () => $"the database holds {stored.Count} from this scenario");
    }

    [Given(@"^the employee has submitted a request to (buy|sell) (\d+) (\w+) worth about (\d+) USD$")]
    public async Task GivenSubmitted(string direction, int quantity, string ticker, decimal value) =>
        request.RequestId = await journeys.SubmitAsync(cast.Employee, request.Ask = await Ask(direction, quantity, ticker, value));

    [Given(@"^the employee has a request to buy (\d+) (\w+) approved by their manager$")]
    public async Task GivenApprovedByManager(int quantity, string ticker) =>
        request.RequestId = await journeys.ApprovedByManagerAsync(request.Ask = await Ask("buy", quantity, ticker));
}
