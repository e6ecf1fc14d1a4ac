using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PadUat.Support.Evidence;

namespace PadUat.Support.Contract;

/// <summary>
/// Everything the harness assumes about one target, read from targets/&lt;name&gt;.json: where each concept the steps check
/// lives in its schema, what its values are called, and the rules' parameters it decides. Drivers write their SQL with
/// placeholders — <c>[request]</c> for a concept's table, <c>[request.status]</c> for one of its columns — and take every
/// stored value from <see cref="Word"/>, so no C# names a target's tables or vocabulary. An entry the contract lacks ends
/// the scenario that needed it broken, naming the entry to add.
/// </summary>
public sealed partial class TargetContract
{
    private readonly Dictionary<string, ConceptTable> _concepts;
    private readonly Dictionary<string, Dictionary<string, string>> _vocabulary;
    private readonly Dictionary<string, string> _vocabularySources = [];
    private Dictionary<string, string> _routes = [];
    private Dictionary<string, string> _buttons = [];
    /// <summary>The whole file, for the sections read by path (<see cref="Alternatives"/>).</summary>
    private JsonElement _root;

    public string Name { get; }
    /// <summary>The file, relative to the repository (for messages and the report).</summary>
    public string File { get; }
    public string Describes { get; }
    public IReadOnlyDictionary<string, ConceptTable> Concepts => _concepts;
    /// <summary>The preflight's description of every table the application's models expect (plan 3.4), beside the contract.</summary>
    public string? PreflightSchema { get; private init; }

    /// <summary>The contract this one extends (the real system's, for the stand-in), whose every fact it keeps; null when none.</summary>
    public string? Extends { get; private init; }
    /// <summary>Where this contract says otherwise than the one it extends, each with why (path → reason).</summary>
    public IReadOnlyDictionary<string, string> Departures { get; private init; } = new Dictionary<string, string>();

    public string PreflightSchemaPath(string repoRoot) => PreflightSchema is { } f ? System.IO.Path.Combine(repoRoot, "targets", f)
        : throw Gap("preflightSchema", "the file describing the tables the application's models expect, for the preflight");

    private TargetContract(string name, string file, string describes, Dictionary<string, ConceptTable> concepts,
        Dictionary<string, Dictionary<string, string>> vocabulary)
    {
        Name = name; File = file; Describes = describes; _concepts = concepts; _vocabulary = vocabulary;
    }

    public static string PathOf(string repoRoot, string name) => System.IO.Path.Combine(repoRoot, "targets", $"{name}.json");

    /// <summary>Reads targets/<paramref name="name"/>.json; a file that is not a contract is a settings error, named.</summary>
    public static TargetContract Load(string repoRoot, string name)
    {
        if (!ContractName().IsMatch(name)) throw new Configuration.SettingsError($"TARGET_CONTRACT: '{name}' is not a contract name (a file under targets/, e.g. sandbox)");
        var file = $"targets/{name}.json";
        try
        {
            using var doc = JsonDocument.Parse(ContractLayers.Read(repoRoot, name).ToJsonString());
            var root = doc.RootElement;
            var concepts = root.GetProperty("schema").EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object)
                .ToDictionary(p => p.Name, p => ConceptTable.Read(p.Name, p.Value));
            var vocabulary = root.GetProperty("vocabulary").EnumerateObject().ToDictionary(p => p.Name,
                p => p.Value.EnumerateObject().Where(w => w.Name != "source").ToDictionary(w => w.Name, w => w.Value.GetString()!));
            var contract = new TargetContract(name, file, root.GetProperty("describes").GetString()!, concepts, vocabulary)
            {
                PreflightSchema = root.TryGetProperty("preflightSchema", out var p) ? p.GetString() : null,
                Extends = root.TryGetProperty("extends", out var e) ? $"targets/{e.GetString()}.json" : null,
                Departures = root.TryGetProperty("departures", out var d) ? d.EnumerateObject().ToDictionary(x => x.Name, x => x.Value.GetString()!) : [],
                _root = root.Clone(),
            };
            if (root.TryGetProperty("dashboard", out var dashboard) && dashboard.TryGetProperty("routes", out var routes))
                contract._routes = routes.EnumerateObject().ToDictionary(r => r.Name, r => r.Value.GetString()!);
            if (root.TryGetProperty("bot", out var bot) && bot.TryGetProperty("buttons", out var buttons))
                contract._buttons = buttons.EnumerateObject().ToDictionary(b => b.Name, b => b.Value.GetString()!);
            foreach (var section in root.GetProperty("vocabulary").EnumerateObject())
                if (section.Value.TryGetProperty("source", out var source)) contract._vocabularySources[section.Name] = source.GetString()!;
            return contract;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new Configuration.SettingsError($"{file}: not a target contract ({e.Message.Split('\n')[0]})");
        }
    }

    /// <summary>The value the target stores for <paramref name="meaning"/> (e.g. "declined" for <see cref="Decision.Rejected"/>).</summary>
    public string Word(Enum meaning)
    {
        var section = VocabularySections.Of(meaning.GetType());
        return _vocabulary.GetValueOrDefault(section)?.GetValueOrDefault(VocabularySections.Key(meaning))
            ?? throw Gap($"vocabulary.{section}.{VocabularySections.Key(meaning)}", $"what this target stores for {meaning}");
    }

    /// <summary>Every word the contract gives for one vocabulary, by meaning (those it lacks are left out).</summary>
    public IReadOnlyDictionary<T, string> Words<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Where(m => _vocabulary.GetValueOrDefault(VocabularySections.Of(typeof(T)))?.ContainsKey(VocabularySections.Key(m)) == true)
            .ToDictionary(m => m, m => _vocabulary[VocabularySections.Of(typeof(T))][VocabularySections.Key(m)]);

    /// <summary>The document a vocabulary was read from ("" when the contract names none).</summary>
    public string SourceOf(Type meanings) => _vocabularySources.GetValueOrDefault(VocabularySections.Of(meanings), "");

    /// <summary>A concept's table, schema-qualified.</summary>
    public string Table(string concept) => Concept(concept).Table;

    /// <summary>A concept's column.</summary>
    public string Column(string concept, string field) => Concept(concept).Columns.GetValueOrDefault(field)
        ?? throw Gap($"schema.{concept}.columns.{field}", $"the column of {concept} that holds its {field}");

    public bool HasColumn(string concept, string field) => _concepts.TryGetValue(concept, out var c) && c.Columns.ContainsKey(field);

    /// <summary>The concept's fixed filter (e.g. which contacts are e-mail addresses) on alias <paramref name="alias"/>; "true" when it has none.</summary>
    public string Filter(string concept, string alias) => Concept(concept).Where is { Count: > 0 } where
        ? string.Join(" AND ", where.Select(w => $"{alias}.{w.Key} = {Literal(w.Value)}"))
        : "true";

    /// <summary>
    /// The ids of the people whose e-mails, lowercased, are the array parameter <paramref name="emails"/> — where the target
    /// keeps e-mails (the clean-up's "UAT people", the fingerprint's): one query, so both find the same people.
    /// </summary>
    public string PeopleByEmailSql(string emails) =>
        Sql($"SELECT c.[contact.person] FROM [contact] c WHERE {Filter("contact", "c")} AND lower(c.[contact.email]) = ANY(@{emails})");

    /// <summary><paramref name="template"/> with each [concept] and [concept.field] replaced by the target's table and column.</summary>
    public string Sql(string template) => Placeholder().Replace(template, m =>
        m.Groups["field"].Success ? Column(m.Groups["concept"].Value, m.Groups["field"].Value) : Table(m.Groups["concept"].Value));

    /// <summary>The action id of one of the bot's buttons (bot.buttons), e.g. "managerApprove".</summary>
    public string Button(string name) => _buttons.GetValueOrDefault(name) ?? throw Gap($"bot.buttons.{name}", $"the action id of the bot's {name} button");

    /// <summary>Every button's action id the contract names.</summary>
    public IReadOnlyCollection<string> Buttons => _buttons.Values;

    /// <summary>A dashboard page's path (relative to DASHBOARD_URL), its {placeholders} filled in.</summary>
    public string Route(string page, params (string Name, string Value)[] values) =>
        Template.Fill(_routes.GetValueOrDefault(page) ?? throw Gap($"dashboard.routes.{page}", $"the path of the dashboard's {page} page"), values, Uri.EscapeDataString);

    /// <summary>A rule's parameter the target decides (rules.<paramref name="path"/>, dotted), or null when the contract says nothing.</summary>
    public JsonElement? Rule(string path) => Entry($"rules.{path}");

    public ConceptTable Concept(string concept) => _concepts.GetValueOrDefault(concept)
        ?? throw Gap($"schema.{concept}", $"the table that holds {concept}");

    /// <summary>The error for an entry the contract lacks: the scenario that needed it ends broken, naming it.</summary>
    public SetupError Gap(string entry, string what) =>
        new($"{File} has no {entry} ({what}): add it to the target's contract");

    private static string Literal(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDecimal().ToString(CultureInfo.InvariantCulture),
        JsonValueKind.True or JsonValueKind.False => value.GetBoolean() ? "true" : "false",
        _ => $"'{value.GetString()!.Replace("'", "''", StringComparison.Ordinal)}'",
    };

    [GeneratedRegex(@"\[(?<concept>[a-z][A-Za-z]*)(?:\.(?<field>[a-z][A-Za-z]*))?\]")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex ContractName();
}

/// <summary>One concept's table in a target: its name, its columns by the harness's field names, a fixed filter, and where that was read.</summary>
public sealed record ConceptTable(string Table, IReadOnlyDictionary<string, string> Columns, IReadOnlyDictionary<string, JsonElement> Where, string Source)
{
    public string Schema => Table.Split('.')[0];
    public string Name => Table.Split('.')[^1];

    internal static ConceptTable Read(string concept, JsonElement e) => new(
        e.GetProperty("table").GetString() is { } t && t.Contains('.') ? t : throw new InvalidOperationException($"schema.{concept}.table must be schema-qualified"),
        e.GetProperty("columns").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetString()!),
        e.TryGetProperty("where", out var w) ? w.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()) : new Dictionary<string, JsonElement>(),
        e.TryGetProperty("source", out var s) ? s.GetString()! : "");
}
