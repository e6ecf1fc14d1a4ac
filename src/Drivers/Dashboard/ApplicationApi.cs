using System.Globalization;
using Microsoft.Playwright;
using PadUat.Support.Contract;

namespace PadUat.Drivers.Dashboard;

/// <summary>
/// The application's own API, called as a signed-in person through their browser context — its session cookie, or dev's
/// X-Dev-User-Email header, goes with every call, so the API sees the same person the dashboard does. Where each call
/// goes and its fields' names come from the target's contract (dashboard.api): an execution, and a decline.
/// </summary>
public sealed class ApplicationApi(IAPIRequestContext api, DashboardDriver driver, TargetContract contract)
{
    /// <summary>An execution, "executed now", as the API records it: price, quantity and the broker's reference.</summary>
    public Task<DashboardAnswer> RecordExecutionAsync(int requestId, decimal quantity, decimal price, string brokerReference)
    {
        var path = Template.Fill(Entry("execution.path", "the path of the application's execution API"), [("id", requestId.ToString(CultureInfo.InvariantCulture))]);
        return driver.StepAsync($"the application's API records an execution of request #{requestId}: {quantity:0.##} at {price:0.####}, broker reference {brokerReference}",
            () => PostAsync(path, new Dictionary<string, object> { [Field("price")] = price, [Field("quantity")] = quantity, [Field("brokerReference")] = brokerReference },
                "recorded"));
    }

    /// <summary>A decline of the stage <paramref name="stage"/> (its stored approval type) with its reason, as the decline API takes it.</summary>
    public Task<DashboardAnswer> DeclineAsync(int requestId, string stage, string reason)
    {
        var path = Template.Fill(Entry("decline.path", "the path of the application's decline API"), [("id", requestId.ToString(CultureInfo.InvariantCulture))]);
        return driver.StepAsync($"the application's API declines request #{requestId} at the {stage} stage: \"{reason}\"", () => PostAsync(path,
            new Dictionary<string, object> { [Entry("decline.fields.stage", "the decline API's stage field")] = stage, [Entry("decline.fields.reason", "the decline API's reason field")] = reason },
            "declined"));
    }

    private async Task<DashboardAnswer> PostAsync(string path, Dictionary<string, object> body, string done)
    {
        var response = await api.PostAsync(path, new APIRequestContextOptions { DataObject = body });
        var text = await response.TextAsync();
        // The answer in words (the report's text is the business's); its body, attached, says the rest.
        driver.AttachText(response.Ok ? $"the API's answer: {done}" : "the API's answer: refused", text);
        return new DashboardAnswer(response.Ok, text);
    }

    private string Field(string name) => Entry($"execution.fields.{name}", $"the execution API's {name} field");

    private string Entry(string path, string what) => contract.Alternatives($"dashboard.api.{path}", what)[0];
}
