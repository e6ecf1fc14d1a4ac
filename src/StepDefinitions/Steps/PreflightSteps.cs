using PadUat.Drivers.Database;
using PadUat.Support;
using PadUat.Support.Configuration;
using PadUat.Support.Lifecycle;
using TechTalk.SpecFlow;
using PadUat.Support.Evidence;

namespace PadUat.Steps;

/// <summary>The plan's phases 1–3: settings, connection, privileges, reference tables, migrations, structure, keys.</summary>
[Binding]
public sealed class PreflightSteps(UatRun run, Target target, PadDatabase db, SchemaInspection schema, Support.Evidence.Evidence evidence)
{
    /// <summary>The target's schema as its application's models describe it: named by the target's contract.</summary>
    private SchemaContract Contract => _schemaContract ??= SchemaContract.Load(run.Contract.PreflightSchemaPath(RepoRoot.Find()));
    private SchemaContract? _schemaContract;
    private string _listedSchema = "";

    private IReadOnlyList<KeyValuePair<string, string>> _shown = [];
    private string? _connectedAs;
    private bool _encrypted;
    private SchemaPrivileges? _privileges;
    private IReadOnlyList<string> _tables = [];
    private string? _revision;
    private IReadOnlyList<ColumnInfo> _columns = [];
    private IReadOnlyList<string> _uniqueKeys = [];
    private IReadOnlyList<string> _checkedColumns = [];
    private (string Schema, string Table) _table;
    private IReadOnlyList<ForeignKey> _foreignKeys = [];
    private IReadOnlyList<IndexInfo> _indexes = [];

    [When(@"^the run's settings are loaded$")]
    public void WhenSettingsLoaded()
    {
        _shown = RunContext.Environment(run, "n/a", "n/a");
        evidence.Attach("settings as shown in the report", "text/plain", string.Join('\n', _shown.Select(p => $"{p.Key} = {p.Value}")));
    }

    [Then(@"^they name the database host, port, database, schema and user$")]
    public void ThenSettingsNameTheDatabase()
    {
        var text = string.Join('\n', _shown.Select(p => p.Value));
        var missing = new[] { target.Database.Host, target.Database.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), target.Database.Name,
            target.Database.Schema, target.Database.User }.Where(v => !text.Contains(v, StringComparison.Ordinal)).ToList();
        Expect.That(missing.Count == 0, "The settings shown in the report should name the database host, port, database, schema and user (plan 1.1)",
            () => $"they do not show {string.Join(", ", missing)}");
    }

    [Then(@"^the database schema is ""(.*)""$")]
    public void ThenSchemaIs(string expected) => Expect.Equal(expected, target.Database.Schema, "The database schema (plan 1.1)", "the settings");

    [Then(@"^no secret appears in the settings shown in the report$")]
    public void ThenNoSecretShown()
    {
        var text = string.Join('\n', _shown.Select(p => $"{p.Key}={p.Value}"));
        var secrets = target.Slack.Tokens.Values.Concat(target.Slack.Sessions.Values).Append(target.Database.Password)
            .Concat(target.DashboardSignIn.Passwords.Values).Concat(target.DashboardSignIn.SavedSessions.Values)
            .Concat(target.Slack.AppToken is { } app ? [app] : []).Select(s => s.Reveal());
        Expect.That(!secrets.Any(s => text.Contains(s, StringComparison.Ordinal)), "No secret should appear in the settings shown in the report",
            () => "a password, token or session is shown in clear");
    }

    [When(@"^the harness connects to the database$")]
    public async Task WhenConnecting()
    {
        _connectedAs = await db.ScalarAsync<string>("who am I", "SELECT current_user");
        _encrypted = await schema.ConnectionEncryptedAsync();
    }

    [Then(@"^the report shows the SSL mode the settings ask for and whether the connection is encrypted$")]
    public void ThenSslShown() => evidence.Attach("database connection security (plan 1.1)", "text/plain",
        $"DB_SSL_MODE = {target.Database.SslMode}\nconnection encrypted (pg_stat_ssl) = {(_encrypted ? "yes" : "no")}");

    /// <summary>Require and the Verify modes must give an encrypted connection, Disable a plain one; Prefer and Allow may give either.</summary>
    [Then(@"^the connection is encrypted if the SSL mode requires it, and not if it disables it$")]
    public void ThenSslAsAsked()
    {
        var mode = target.Database.SslMode.ToLowerInvariant();
        bool? expected = mode is "require" or "verifyca" or "verifyfull" ? true : mode == "disable" ? false : null;
        Expect.That(expected is null || expected == _encrypted, $"The database connection with SSL mode {target.Database.SslMode} (plan 1.1)",
            () => $"it is {(_encrypted ? "" : "not ")}encrypted");
    }

    [Then(@"^it is connected as the application user named in the settings$")]
    public void ThenConnectedAsAppUser() => Expect.Equal(target.Database.User, _connectedAs, "The database user the harness is connected as (plan 1.2)", "current_user");

    [Then(@"^the server reports its PostgreSQL version$")]
    public async Task ThenServerVersion()
    {
        var version = await schema.ServerVersionAsync();
        Expect.That(version.StartsWith("PostgreSQL", StringComparison.Ordinal), "The server should report a PostgreSQL version (plan 1.2)", () => $"it reports \"{version}\"");
    }

    [When(@"^the application user's privileges are read$")]
    public async Task WhenPrivilegesRead() => _privileges = await schema.PrivilegesAsync();

    [Then(@"^the application user can use and create in schema (\w+)$")]
    public void ThenAppSchemaUsable(string schemaName) => Expect.That(Read(schemaName, _privileges!.AppSchema).AppUsage && _privileges.AppCreate,
        $"{_privileges.User} should have USAGE and CREATE on {schemaName} (plan 1.2)", () => $"USAGE={_privileges.AppUsage}, CREATE={_privileges.AppCreate}");

    [Then(@"^the application user can use schema \w+ and read ([\w.]+)$")]
    public void ThenReferenceReadable(string table) => Expect.That(Read(table, _privileges!.ReferenceTable).ReferenceUsage && _privileges.ReferenceSelect,
        $"{_privileges.User} should read {_privileges.ReferenceSchema} (USAGE, SELECT on {table}; plan 1.2)", () => $"USAGE={_privileges.ReferenceUsage}, SELECT={_privileges.ReferenceSelect}");

    [Then(@"^the application user cannot insert into or update ([\w.]+)$")]
    public void ThenReferenceReadOnly(string table) => Expect.That(!(Read(table, _privileges!.ReferenceTable).ReferenceInsert || _privileges.ReferenceUpdate),
        $"{_privileges.ReferenceSchema} should be read-only to {_privileges.User} (plan 1.2)", () => $"it may write {table} (INSERT={_privileges.ReferenceInsert}, UPDATE={_privileges.ReferenceUpdate})");

    /// <summary>The privileges read, provided the feature names what the target's contract names (else the check would prove nothing).</summary>
    private SchemaPrivileges Read(string named, string read) => named == read ? _privileges!
        : throw new SetupError($"The feature names {named}, the target's contract {read}: one of them is wrong");

    [Then(@"^reference table ""(.*)"" exists in (\w+)$")]
    public async Task ThenReferenceTableExists(string table, string schemaName) => Expect.That((await schema.TablesAsync(schemaName)).Contains(table),
        $"Reference table {schemaName}.{table} should exist (plan 2.1)", () => "the database has no such table");

    [Then(@"^reference table ""(.*)"" of (\w+) has at least (\d+) rows?$")]
    public async Task ThenReferenceTableHasRows(string table, string schemaName, int min) =>
        Expect.That(await schema.RowCountAsync(schemaName, table) is var rows && rows >= min, $"{schemaName}.{table} should hold at least {min} row(s) (plan 2.1)", () => $"it holds {rows}");

    [When(@"^the tables of schema (\w+) are listed$")]
    public async Task WhenTablesListed(string schemaName) => (_listedSchema, _tables) = (schemaName, await schema.TablesAsync(schemaName));

    [Then(@"^every table is described by the schema contract or is a migration journal$")]
    public void ThenNoUnknownTables()
    {
        var unknown = _tables.Where(t => !Contract.Describes(_listedSchema, t) && !Contract.MigrationJournals.Contains(t)).ToList();
        Expect.That(unknown.Count == 0, $"Every table in {_listedSchema} should be one the application knows (plan 2.2)",
            () => $"{_listedSchema} also holds {string.Join(", ", unknown)} — decide whether to keep them (plan 6.4)");
    }

    [When(@"^the current migration revision is read from the database$")]
    public async Task WhenRevisionRead() => _revision = await schema.MigrationRevisionAsync();

    [Then(@"^the migration history shows each of the application's revisions as applied or pending$")]
    public void ThenHistoryShown()
    {
        var expectation = run.Settings.Migration;
        var current = Contract.Migrations.ToList().IndexOf(_revision ?? "");
        evidence.Attach("migration history (plan 2.3)", "text/plain", string.Join('\n', Contract.Migrations.Select((r, i) =>
            $"{(i <= current ? "applied" : expectation.NotApplied.Contains(r) ? "not applied by decision" : "PENDING")}  {r}" +
            $"{(i == current ? "  (current)" : "")}{(r == expectation.Head ? "  (head)" : "")}")));
        Expect.That(current >= 0, "The database's current revision should be one of the application's revisions (plan 2.3)",
            () => $"it is {_revision ?? "none (no revision recorded)"}, not among {string.Join(", ", Contract.Migrations)}");
    }

    [Then(@"^no migration is pending but those left unapplied by decision$")]
    public void ThenNothingPending()
    {
        var expectation = run.Settings.Migration;
        var misplaced = expectation.Misplaced(Contract.Migrations);
        Expect.That(misplaced.Count == 0, "Only the newest revisions up to head can be left unapplied by decision (PAD_MIGRATION_NOT_APPLIED)",
            () => $"{string.Join(", ", misplaced)} are not");
        var pending = Contract.Migrations.SkipWhile(r => r != _revision).Skip(1).Where(r => !expectation.NotApplied.Contains(r)).ToList();
        Expect.That(pending.Count == 0, "No migration should be pending but those left unapplied by decision (plan 2.3)", () => $"pending: {string.Join(", ", pending)}");
    }

    [Then(@"^it is the head revision, or the one before those left unapplied by decision$")]
    public void ThenAtHead()
    {
        var expected = run.Settings.Migration.Current(Contract.Migrations);
        Expect.That(_revision == expected, $"The database should be at revision {expected}: the application's head {run.Settings.Migration} (plan 2.3)",
            () => $"it is at {_revision ?? "no revision (none recorded)"}");
    }

    [When(@"^the structure of (\w+)\.(\w+) is read$")]
    public async Task WhenStructureRead(string schemaName, string table)
    {
        _table = (schemaName, table);
        _columns = await schema.ColumnsAsync(schemaName, table);
        _uniqueKeys = await schema.UniqueKeysAsync(schemaName, table);
        _checkedColumns = await schema.CheckedColumnsAsync(schemaName, table);
    }

    [Then(@"^its unique keys and CHECK constraints match the schema contract$")]
    public void ThenConstraintsMatch()
    {
        var differences = Contract.CompareConstraints(_table.Schema, _table.Table, _uniqueKeys, _checkedColumns);
        Expect.That(differences.None, $"{_table.Schema}.{_table.Table} should have the unique keys and CHECK constraints the application relies on (plan 3.4)",
            () => differences.ToString());
    }

    [Then(@"^its columns match the schema contract, naming any phantom or unknown column$")]
    public void ThenColumnsMatch()
    {
        Expect.That(_columns.Count > 0, $"{_table.Schema}.{_table.Table} should exist (plan 3.4)", () => "the database has no such table");
        var differences = Contract.Compare(_table.Schema, _table.Table, _columns);
        Expect.That(differences.None, $"{_table.Schema}.{_table.Table} should have the columns the application's models describe (plan 3.4)", () => differences.ToString()!);
    }

    [When(@"^the foreign keys of schema (\w+) are read$")]
    public async Task WhenForeignKeysRead(string schemaName) => _foreignKeys = await schema.ForeignKeysAsync(schemaName);

    [Then(@"^these foreign keys exist:$")]
    public void ThenForeignKeysExist(Table expected)
    {
        var missing = expected.Rows.Where(r => !_foreignKeys.Any(fk => fk.TableName == r["table"] && fk.ColumnName == r["column"]
            && $"{fk.ForeignSchema}.{fk.ForeignTableName}" == r["references"])).Select(r => $"{r["table"]}.{r["column"]} → {r["references"]}").ToList();
        Expect.That(missing.Count == 0, "These foreign keys should exist (plan 3.4)", () => $"the database lacks {string.Join(", ", missing)}");
    }

    [When(@"^the indexes of schema (\w+) are read$")]
    public async Task WhenIndexesRead(string schemaName) => _indexes = await schema.IndexesAsync(schemaName);

    [Then(@"^these columns lead an index:$")]
    public void ThenColumnsIndexed(Table expected)
    {
        var missing = expected.Rows.Where(r => !_indexes.Any(i => i.TableName == r["table"] && i.Columns.FirstOrDefault() == r["column"]))
            .Select(r => $"{r["table"]}.{r["column"]}").ToList();
        Expect.That(missing.Count == 0, "These columns should lead an index (plan 3.4)", () => $"no index leads with {string.Join(", ", missing)}");
    }
}
