using PadUat.Contexts;
using PadUat.Drivers;
using PadUat.Drivers.Dashboard;
using PadUat.Drivers.Database;
using PadUat.Drivers.TestData;
using PadUat.Support.Configuration;
using PadUat.Support.Evidence;
using TechTalk.SpecFlow;

namespace PadUat.Steps;

/// <summary>Checklist 8.2: compliance manages the restricted list on its dashboard page; what the page shows and does is checked against SQL.</summary>
[Binding]
public sealed class RestrictedListPageSteps(DashboardDriver dashboard, Cast cast, PadJourneys journeys, TestDataDriver testData, PadRecords records,
    DashboardContext opened)
{
    [When(@"^compliance adds (\w+) to the restricted list on the dashboard because ""(.+)""$")]
    public async Task WhenAdds(string ticker, string reason)
    {
        var officer = await journeys.PersonAsync(cast.Compliance);
        testData.WillRestrictThroughTheTarget(ticker, officer);
        opened.Answer = await (await OpenAsync()).AddAsync(ticker, reason);
        await testData.AdoptRestrictionsAsync(ticker, officer);
    }

    [When(@"^compliance adds (\w+) to the restricted list on the dashboard without a reason$")]
    public Task WhenAddsWithoutReason(string ticker) => WhenAdds(ticker, "");

    [When(@"^compliance removes (\w+) from the restricted list on the dashboard$")]
    public async Task WhenRemoves(string ticker) => opened.Answer = await (await OpenAsync()).RemoveAsync(ticker);

    [Then(@"^the restricted list in the database holds (\w+) in force because ""(.+)"", added by compliance$")]
    public async Task ThenStoredInForce(string ticker, string reason)
    {
        var officer = await journeys.PersonAsync(cast.Compliance);
        Expect.Equal($"{ticker} in force: \"{reason}\", added by #{officer.Id}", Show(await records.RestrictionsOfAsync(ticker)),
            $"The restricted-list entries for {ticker}", "the database");
    }

    [Then(@"^the restricted list in the database holds no entry for (\w+)$")]
    public async Task ThenNoEntry(string ticker)
    {
        var entries = await records.RestrictionsOfAsync(ticker);
        Expect.That(entries.Count == 0, $"The restricted list should hold no entry for {ticker}", () => $"the database holds {Show(entries)}");
    }

    [Then(@"^the restricted list in the database holds (\w+) no longer in force$")]
    public async Task ThenStoredLifted(string ticker)
    {
        var entries = await records.RestrictionsOfAsync(ticker);
        Expect.That(entries.Count > 0 && entries.All(e => !e.IsActive), $"{ticker}'s restricted-list entries should all be kept, none in force",
            () => $"the database holds {Show(entries)}");
    }

    [Then(@"^compliance sees (\w+) on the dashboard's restricted list$")]
    public async Task ThenSeesInForce(string ticker) => Expect.That(
        (await (await OpenAsync()).EntriesAsync()).Any(e => e.Ticker == ticker && e.InForce),
        $"The dashboard's restricted list should show {ticker} in force", () => "it does not");

    [Then(@"^compliance sees (\w+) on the dashboard's restricted list only among the inactive entries$")]
    public async Task ThenSeesOnlyInactive(string ticker)
    {
        var page = await OpenAsync();
        var inForce = (await page.EntriesAsync()).Where(e => e.Ticker == ticker).ToList();
        var everyEntry = await (await page.ShowInactiveAsync()).EntriesAsync();
        var all = everyEntry.Where(e => e.Ticker == ticker).ToList();
        Expect.That(inForce.Count == 0 && all.Count > 0 && all.All(e => !e.InForce),
            $"The dashboard's restricted list should show {ticker} only among the inactive entries",
            () => $"in force it shows {inForce.Count} entr(ies) for {ticker}; with the inactive ones, {string.Join(", ", all.Select(e => e.InForce ? "in force" : "inactive"))}");
        ExpectStatuses(everyEntry);
    }

    [Then(@"^the dashboard's restricted list shows exactly the entries in force in the database$")]
    public async Task ThenListMatches()
    {
        var stored = new List<string>();
        foreach (var r in await records.RestrictedListAsync())
            stored.Add(RestrictedListShown.Line(r.Ticker, r.SecurityName, r.Reason, (await journeys.PersonByIdAsync(r.AddedById)).Name, r.AddedAt));
        var shown = await (await OpenAsync()).EntriesAsync();
        Expect.Same(stored, shown.Select(RestrictedListShown.Line),
            "The restricted list's entries (ticker, security name, reason, added by, date added)", "the database's restricted list in force", "the dashboard's restricted list");
        ExpectStatuses(shown);
    }

    private static void ExpectStatuses(IReadOnlyList<RestrictedEntry> shown)
    {
        var problem = RestrictedListShown.StatusProblem(shown);
        Expect.That(problem is null,
            "Each entry of the dashboard's restricted list should show its status, one for the entries in force and another for those lifted", () => problem!);
    }

    private async Task<RestrictedListPage> OpenAsync() => opened.RestrictedList = await (await dashboard.AsAsync(cast.Compliance)).RestrictedListAsync();

    private static string Show(IEnumerable<RestrictedListEntry> entries) =>
        string.Join("; ", entries.Select(e => $"{e.Ticker} {(e.IsActive ? "in force" : "not in force")}: \"{e.Reason}\", added by #{e.AddedById}"));
}
