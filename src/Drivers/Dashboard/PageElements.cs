using Microsoft.Playwright;
using PadUat.Support.Contract;

namespace PadUat.Drivers.Dashboard;

/// <summary>
/// How the things the features read are found on the target's dashboard — selectors, attributes and status labels as the
/// contract has them (dashboard.elements, .attributes, .statusLabels), so pointing the suite at another dashboard changes
/// data, not page objects. An element the contract lacks ends the scenario broken, naming it.
/// </summary>
public sealed class PageElements(TargetContract contract)
{
    /// <summary>The selector of <paramref name="name"/> ("requestRow"), its {placeholders} filled in.</summary>
    public string Selector(string name, params (string Name, string Value)[] values) =>
        Template.Fill(contract.Alternatives($"dashboard.elements.{name}", $"how the dashboard's {name} is found on its page")[0], values);

    public ILocator On(IPage page, string name, params (string Name, string Value)[] values) => page.Locator(Selector(name, values));

    public ILocator In(ILocator scope, string name, params (string Name, string Value)[] values) => scope.Locator(Selector(name, values));

    /// <summary>The attribute a row carries a value in (dashboard.attributes).</summary>
    public string Attribute(string name) => contract.Alternatives($"dashboard.attributes.{name}", $"the attribute a row carries its {name} in")[0];

    /// <summary>A field of the firm's sign-in page (dashboard.signIn.fields: username, password, submit, refused).</summary>
    public ILocator SignInField(IPage page, string field) =>
        page.Locator(contract.Alternatives($"dashboard.signIn.fields.{field}", $"the sign-in page's {field}")[0]);

    /// <summary>The dashboard's own answer to who the caller is (dashboard.signIn.whoAmI, a path), where the contract names one.</summary>
    public string? WhoAmI => contract.Entry("dashboard.signIn.whoAmI")?.GetString();

    /// <summary>How the dashboard shows a status (dashboard.statusLabels): a label, or the stored word itself.</summary>
    public string StatusLabel(PadStatus status) =>
        contract.Alternatives($"dashboard.statusLabels.{VocabularySections.Key(status)}", $"how the dashboard shows the status {status}")[0];
}
