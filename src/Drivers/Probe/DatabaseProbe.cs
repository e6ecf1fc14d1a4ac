using PadUat.Support;
using PadUat.Drivers.Database;
using PadUat.Support.Configuration;
using PadUat.Support.Contract;

namespace PadUat.Drivers.Probe;

/// <summary>
/// The contract's database assumptions held against the target, read only: every concept's table and columns, what the
/// harness must fill to lay down test data, each vocabulary against what the column allows or holds, the test people and
/// their reporting line, the test securities (plan 5.1), the migration head, the privileges the harness relies on, and the
/// settings the rules read.
/// </summary>
public sealed class DatabaseProbe(SchemaCatalog catalog, TargetContract contract, UatSettings settings)
{
    /// <summary>The concepts the harness writes test data into (and deletes from afterwards).</summary>
    private static readonly string[] Written = ["request", "approval", "execution", "audit", "restriction"];
    /// <summary>The reference concepts, read only to the application and to the harness.</summary>
    private static readonly string[] Reference = ["employee", "contact", "security"];

    public async Task<IReadOnlyList<Finding>> RunAsync(IReadOnlyCollection<string> featureTickers)
    {
        var findings = new List<Finding>();
        var columns = await catalog.ColumnsAsync(contract.Concepts.Values.Select(c => c.Schema));
        foreach (var (name, concept) in contract.Concepts)
            findings.AddRange(Structure(name, concept, columns[concept.Table].ToList()));
        findings.AddRange(await VocabulariesAsync(columns));
        findings.AddRange(await PrivilegesAsync(columns));
        if (!Readable(columns, "employee", "id", "manager") || !Readable(columns, "contact", "person", "email"))
            findings.Add(new(Verdict.CannotTell, "the test people are found by e-mail", "the people's tables or columns are not as the contract says (above)", contract.Concept("contact").Source));
        else findings.AddRange(await PeopleAsync());
        if (Readable(columns, "security", "id", "ticker") && Readable(columns, "restriction", "ticker", "inForce"))
            findings.AddRange(await SecuritiesAsync(featureTickers));
        findings.AddRange(await MigrationAsync(columns));
        findings.AddRange(await RulesAsync(columns));
        return findings;
    }

    private IEnumerable<Finding> Structure(string name, ConceptTable concept, IReadOnlyList<CatalogColumn> actual)
    {
        if (actual.Count == 0)
        {
            yield return new(Verdict.NotMet, $"schema.{name}: the table {concept.Table}", "no such table (or the user cannot see it)", concept.Source);
            yield break;
        }
        var missing = concept.Columns.Where(c => actual.All(a => a.Column != c.Value)).Select(c => $"{c.Key} → {c.Value}").ToList();
        missing.AddRange(concept.Where.Keys.Where(w => actual.All(a => a.Column != w)).Select(w => $"filter column {w}"));
        yield return Finding.Of(missing.Count == 0, $"schema.{name}: {concept.Table} has the columns {string.Join(", ", concept.Columns.Values.Concat(concept.Where.Keys))}",
            missing.Count == 0 ? "all present" : $"missing {string.Join(", ", missing)}; it has {string.Join(", ", actual.Select(a => a.Column))}", concept.Source);
        if (!Written.Contains(name)) yield break;
        var unfilled = actual.Where(a => a.Required && !concept.Columns.Values.Contains(a.Column)).Select(a => a.Column).ToList();
        yield return Finding.Of(unfilled.Count == 0, $"schema.{name}: the harness can lay down test rows in {concept.Table} (every required column named)",
            unfilled.Count == 0 ? "every column without a default is one the contract names" : $"{concept.Table} also requires {string.Join(", ", unfilled)}, which the contract does not name",
            concept.Source);
    }

    private async Task<IEnumerable<Finding>> VocabulariesAsync(ILookup<string, CatalogColumn> columns)
    {
        var findings = new List<Finding>();
        foreach (var (meanings, concept, field) in VocabularySections.StoredIn)
        {
            var section = VocabularySections.Of(meanings);
            var source = contract.SourceOf(meanings);
            var words = Enum.GetValues(meanings).Cast<Enum>().ToDictionary(m => m, m => Try(() => contract.Word(m)));
            foreach (var (meaning, word) in words.Where(w => w.Value is null))
                findings.Add(new(Verdict.CannotTell, $"vocabulary.{section}.{VocabularySections.Key(meaning)}", "the contract has no word for it: a scenario that needs it ends broken, naming this entry", source));
            if (!Readable(columns, concept, field))
            {
                findings.Add(new(Verdict.CannotTell, $"vocabulary.{section}: the stored values", $"{concept}.{field} is not a column of the target (above)", source));
                continue;
            }
            var (table, column) = (contract.Table(concept), contract.Column(concept, field));
            var expected = words.Values.OfType<string>().ToHashSet();
            if (await catalog.AllowedValuesAsync(table, column) is { } allowed)
            {
                var unknown = expected.Except(allowed).ToList();
                var unnamed = allowed.Except(expected).ToList();
                findings.Add(Finding.Of(unknown.Count == 0 && unnamed.Count == 0, $"vocabulary.{section}: {table}.{column} allows {{{string.Join(", ", expected.Order())}}}",
                    unknown.Count == 0 && unnamed.Count == 0 ? "exactly those" : $"{table}.{column} allows {{{string.Join(", ", allowed.Order())}}}" +
                        (unknown.Count > 0 ? $"; not {string.Join(", ", unknown)}" : "") + (unnamed.Count > 0 ? $"; the contract has no meaning for {string.Join(", ", unnamed)}" : ""), source));
                continue;
            }
            var held = await catalog.HeldValuesAsync(table, column);
            var strange = held.Except(expected).ToList();
            var unseen = expected.Except(held).ToList();
            findings.Add(strange.Count > 0
                ? new(Verdict.NotMet, $"vocabulary.{section}: {table}.{column} holds only {{{string.Join(", ", expected.Order())}}}",
                    $"nothing constrains it; it also holds {string.Join(", ", strange.Order())}", source)
                : new(unseen.Count == 0 ? Verdict.Met : Verdict.CannotTell, $"vocabulary.{section}: {table}.{column} holds {{{string.Join(", ", expected.Order())}}}",
                    unseen.Count == 0 ? "nothing constrains it; every word seen in the data" : $"nothing constrains it; never seen yet: {string.Join(", ", unseen.Order())}", source));
        }
        return findings;
    }

    private async Task<IEnumerable<Finding>> PrivilegesAsync(ILookup<string, CatalogColumn> columns)
    {
        var findings = new List<Finding>();
        foreach (var concept in Written.Where(c => contract.Concepts.ContainsKey(c) && columns[contract.Table(c)].Any()))
        {
            var table = contract.Table(concept);
            var can = new List<string>();
            foreach (var privilege in new[] { "SELECT", "INSERT", "DELETE" })
                if (!await catalog.HasTablePrivilegeAsync(table, privilege)) can.Add(privilege);
            findings.Add(Finding.Of(can.Count == 0, $"privileges: {settings.Database?.User ?? "the application user"} may read, insert and delete in {table} (test data, clean-up)",
                can.Count == 0 ? "granted" : $"not granted: {string.Join(", ", can)}", "plan 1.2, 6.3"));
        }
        foreach (var concept in Reference.Where(c => contract.Concepts.ContainsKey(c) && columns[contract.Table(c)].Any()))
        {
            var table = contract.Table(concept);
            var writes = new List<string>();
            foreach (var privilege in new[] { "INSERT", "UPDATE", "DELETE" })
                if (await catalog.HasTablePrivilegeAsync(table, privilege)) writes.Add(privilege);
            findings.Add(Finding.Of(writes.Count == 0, $"privileges: {table} is read only to the application user", writes.Count == 0 ? "no write privilege" : $"it may {string.Join(", ", writes)}", "plan 1.2"));
        }
        return findings;
    }

    private async Task<IEnumerable<Finding>> PeopleAsync()
    {
        var findings = new List<Finding>();
        var source = contract.Concept("contact").Source;
        var ids = new Dictionary<TestPerson, (int Id, int? Manager)>();
        foreach (var who in settings.Cast.People)
        {
            var email = who.Email;
            var found = (await catalog.QueryAsync<(int Id, int? Manager)>(contract.Sql($"""
                SELECT e.[employee.id], e.[employee.manager] FROM [employee] e JOIN [contact] c ON c.[contact.person] = e.[employee.id] AND {contract.Filter("contact", "c")}
                WHERE lower(c.[contact.email]) = lower(@email)
                """), new { email })).ToList();
            findings.Add(Finding.Of(found.Count == 1, $"people: the {who} ({email}) is one employee, found by e-mail in {contract.Table("contact")}",
                found.Count == 1 ? $"employee #{found[0].Id}" : found.Count == 0 ? "nobody has that e-mail" : $"{found.Count} employees have it", source));
            if (found.Count == 1) ids[who] = found[0];
        }
        if (ids.TryGetValue(settings.Cast.Employee, out var employee) && ids.TryGetValue(settings.Cast.Manager, out var manager))
            findings.Add(Finding.Of(employee.Manager == manager.Id, "people: the manager is the employee's manager",
                $"the employee's manager is #{employee.Manager?.ToString() ?? "nobody"}; the manager is #{manager.Id}", contract.Concept("employee").Source));
        if (ids.TryGetValue(settings.Cast.Employee, out employee) && ids.TryGetValue(settings.Cast.Colleague, out var colleague))
            findings.Add(Finding.Of(colleague.Manager == employee.Manager && colleague.Id != employee.Id, "people: the colleague is another employee with the same manager",
                $"the colleague #{colleague.Id} reports to #{colleague.Manager?.ToString() ?? "nobody"}", contract.Concept("employee").Source));
        if (ids.TryGetValue(settings.Cast.Compliance, out var officer) && contract.Concepts.ContainsKey("role") && Try(() => contract.Word(PersonRole.Compliance)) is { } word)
        {
            var current = contract.HasColumn("role", "revokedAt") ? " AND [role.revokedAt] IS NULL" : "";
            var holds = await catalog.ScalarAsync<bool>(contract.Sql($"SELECT EXISTS (SELECT 1 FROM [role] WHERE [role.person] = @id AND [role.role] = @word{current})"), new { id = officer.Id, word });
            findings.Add(Finding.Of(holds, $"people: the compliance person holds the role '{word}' in {contract.Table("role")}", holds ? "they do" : "they do not", contract.SourceOf(typeof(PersonRole))));
        }
        return findings;
    }

    private async Task<IEnumerable<Finding>> SecuritiesAsync(IReadOnlyCollection<string> featureTickers)
    {
        string[] planTickers = ["AAPL", "MSFT", "GOOGL"]; // plan 5.1: the test securities
        var known = (await catalog.QueryAsync<string>(contract.Sql("SELECT [security.ticker] FROM [security] WHERE [security.ticker] = ANY(@tickers)"),
            new { tickers = planTickers.Union(featureTickers).ToArray() })).ToHashSet();
        var restricted = (await catalog.QueryAsync<string>(contract.Sql("SELECT [restriction.ticker] FROM [restriction] WHERE [restriction.inForce] AND [restriction.ticker] = ANY(@tickers)"),
            new { tickers = planTickers })).ToHashSet();
        var missingPlan = planTickers.Where(t => !known.Contains(t)).ToList();
        var missingFeatures = featureTickers.Where(t => !known.Contains(t)).Order().ToList();
        return
        [
            Finding.Of(missingPlan.Count == 0 && restricted.Count == 0, "securities: the test securities AAPL, MSFT, GOOGL exist and none is restricted",
                missingPlan.Count == 0 && restricted.Count == 0 ? "they do" : $"{(missingPlan.Count > 0 ? $"missing {string.Join(", ", missingPlan)}; " : "")}{(restricted.Count > 0 ? $"restricted: {string.Join(", ", restricted)}" : "")}".TrimEnd(' ', ';'),
                "plan 5.1"),
            Finding.Of(missingFeatures.Count == 0, $"securities: every security the features name exists ({featureTickers.Count})",
                missingFeatures.Count == 0 ? "they do" : $"missing {string.Join(", ", missingFeatures)}", contract.Concept("security").Source),
        ];
    }

    private async Task<IEnumerable<Finding>> MigrationAsync(ILookup<string, CatalogColumn> columns)
    {
        var expectation = settings.Migration;
        var what = $"migrations: the database is at {(expectation.NotApplied.Count == 0 ? "PAD_MIGRATION_HEAD " : "")}{expectation}";
        if (!Readable(columns, "migration", "revision"))
            return [new(Verdict.CannotTell, what, "the revision table is not as the contract says (above)", "plan 2.3")];
        // Without revisions left unapplied, head is the answer; with them, the history says which revision comes before them.
        var expected = expectation.NotApplied.Count == 0 ? expectation.Head
            : expectation.Current(SchemaContract.Load(contract.PreflightSchemaPath(RepoRoot.Find())).Migrations);
        var revisions = (await catalog.QueryAsync<string>(contract.Sql("SELECT [migration.revision] FROM [migration]"))).ToList();
        return [Finding.Of(revisions.SequenceEqual([expected]), what,
            revisions.Count == 0 ? "no revision recorded" : $"it is at {string.Join(", ", revisions)}", "plan 2.3")];
    }

    private async Task<IEnumerable<Finding>> RulesAsync(ILookup<string, CatalogColumn> columns)
    {
        var findings = new List<Finding>();
        var settingsReadable = Readable(columns, "setting", "key", "value");
        async Task<string?> SettingAsync(string key) => settingsReadable
            ? await catalog.ScalarAsync<string>(contract.Sql("SELECT [setting.value] FROM [setting] WHERE [setting.key] = @key"), new { key }) : null;
        var conflictSource = contract.Rule("conflictDetection.source")?.GetString() ?? "";
        if (contract.Rule("conflictDetection.setting")?.GetString() is { } conflictKey)
        {
            var value = await SettingAsync(conflictKey);
            var on = contract.Rule("conflictDetection.enabledWhen")?.GetString();
            findings.Add(Finding.Of(value == on, $"rules: conflict detection is declared ({conflictKey} = {on}; scenario 9 runs)", $"{conflictKey} = {value ?? "absent"}", conflictSource));
        }
        else findings.Add(new(Verdict.CannotTell, "rules: conflict detection", "the contract names no setting declaring it: scenario 9 is not applicable", conflictSource));
        foreach (var key in new[] { "autoApproveSetting", "mediumThresholdSetting", "highThresholdSetting" })
            if (contract.Rule($"routing.{key}")?.GetString() is { } setting)
            {
                var value = await SettingAsync(setting);
                findings.Add(Finding.Of(value is not null, $"rules: the routing setting {setting} is set", value is null ? "absent" : $"{setting} = {value}", contract.Rule("routing.source")?.GetString() ?? ""));
            }
        if (contract.Rule("executionWindow.days")?.GetInt32() is { } days)
            findings.Add(new(Verdict.CannotTell, $"rules: an execution counts as on time within {days} {(contract.Rule("executionWindow.businessDays")?.GetBoolean() == true ? "business" : "calendar (48-hour)")} days of approval",
                "a workflow rule, not readable from the database: scenario 4 checks it", contract.Rule("executionWindow.source")?.GetString() ?? ""));
        return findings;
    }

    private bool Readable(ILookup<string, CatalogColumn> columns, string concept, params string[] fields) =>
        contract.Concepts.TryGetValue(concept, out var c) && fields.All(f => c.Columns.TryGetValue(f, out var column) && columns[c.Table].Any(a => a.Column == column));

    private static string? Try(Func<string> word)
    {
        try { return word(); }
        catch (Support.Evidence.SetupError) { return null; }
    }
}
