using PadUat.Drivers;
using PadUat.Support.Configuration;
using TechTalk.SpecFlow;

namespace PadUat.Contexts;

/// <summary>A person of the UAT as the features name them — the employee, the manager, compliance, a colleague — cast from the env file.</summary>
public sealed record Actor(TestPerson Person)
{
    /// <summary>Which approval stage this person decides in, when they decide at all.</summary>
    public string Stage => Person.Role == Roles.Compliance ? PadJourneys.ComplianceStage : PadJourneys.ManagerStage;

    /// <summary>Whether <paramref name="someone"/> decides in this person's stage: every compliance officer for compliance, this manager alone for the manager.</summary>
    public bool Decides(TestPerson someone) => Person.Role == Roles.Compliance ? someone.Role == Roles.Compliance : someone == Person;
}

/// <summary>The features' words for people, to the test person the cast gives that part (the first of their role).</summary>
[Binding]
public sealed class ActorTransformations(Cast cast)
{
    [StepArgumentTransformation(@"(the employee|the manager|their manager|compliance|a colleague|the colleague|someone)")]
    public Actor ToActor(string words) => new(words switch
    {
        "the employee" => cast.Employee,
        "the manager" or "their manager" => cast.Manager,
        "compliance" => cast.Compliance,
        _ => cast.Colleague,
    });
}
