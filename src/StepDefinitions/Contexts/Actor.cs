using PadUat.Drivers;
using PadUat.Support.Configuration;
using TechTalk.SpecFlow;

namespace PadUat.Contexts;

/// <summary>A person of the UAT as the features name them: the employee, the manager, compliance, a colleague.</summary>
public sealed record Actor(string Role)
{
    /// <summary>Which approval stage this person decides in, when they decide at all.</summary>
    public string Stage => Role == Roles.Compliance ? PadJourneys.ComplianceStage : PadJourneys.ManagerStage;
}

[Binding]
public sealed class ActorTransformations
{
    [StepArgumentTransformation(@"(the employee|the manager|their manager|compliance|a colleague|the colleague|someone)")]
    public static Actor ToActor(string words) => new(words switch
    {
        "the employee" => Roles.Employee,
        "the manager" or "their manager" => Roles.Manager,
        "compliance" => Roles.Compliance,
        _ => Roles.Colleague,
    });
}
