using System.Globalization;
using Microsoft.Playwright;
using PadUat.Support.Contract;

namespace PadUat.Drivers.Dashboard;

/// <summary>
/// The application's own API, called as a signed-in person through their browser context — its session cookie, or dev's
/// X-Dev-User-Email header, goes with every call, so the API sees the same person the dashboard does. Where each call
/// goes and its fields' names come from the target's contract (dashboard.api).
/// </summary>
public sealed class ApplicationApi(IAPIRequestContext api, DashboardDriver driver, TargetContract contract)
{
    /// <summary>An execution, "executed now", as the API records it: price, quantity and the broker's reference.</summary>
    public Task<DashboardAnswer> RecordExecutionAsync(int requestId, decimal quantity, decimal price, string brokerReference)
    {
        var path = Template.Fill(Entry("execution.path", "the path of the application's execution API"), [("id", requestId.ToString(CultureInfo.InvariantCulture))]);
        return driver.StepAsync($"the application's API records an execution of request #{requestId}: {quantity:0.##} at {price:0.####}, broker reference {brokerReference}", async () =>
        {
            var response = await api.PostAsync(path, new APIRequestContextOptions
            {
                DataObject = new Dictionary<string, object>
                {
                    [Field("price")] = price, [Field("quantity")] = quantity, [Field("brokerReference")] = brokerReference,
                },
            });
            var body = await response.TextAsync();
            // The answer in words (the report's text is the business's); its body, attached, says the rest.
            driver.AttachText(response.Ok ? "the API's answer: recorded" : "the API's answer: refused", body);
            return new DashboardAnswer(response.Ok, body);
        });
    }

    private string Field(string name) => Entry($"execution.fields.{name}", $"the execution API's {name} field");

    private string Entry(string path, string what) => contract.Alternatives($"dashboard.api.{path}", what)[0];
}
