using PadUat.Drivers.Database;
using PadUat.Support;
using PadUat.Support.Configuration;
using PadUat.Support.Lifecycle;
using TechTalk.SpecFlow;
using Xunit;

namespace PadUat.Steps;

/// <summary>The plan's phases 1–3: settings, connection, privileges, reference tables, migrations, structure, keys.</summary>
[Binding]
public sealed class PreflightSteps(UatRun run, Target target, PadDatabase db, SchemaInspection schema, Support.Evidence.Evidence evidence)
{
    private static readonly Lazy<SchemaContract> Contract = new(() =>
        SchemaContract.Load(Path.Combine(RepoRoot.Find(), "features", "00_preflight", "schema-contract.json")));

    private IReadOnlyList<KeyValuePair<string, string>> _shown = [];
    private string? _connectedAs;
    private SchemaPrivileges? _privileges;
    private IReadOnlyList<string> _tables = [];
    private string? _revision;
    private IReadOnlyList<ColumnInfo> _columns = [];
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
        foreach (var value in new[] { target.Database.Host, target.Database.Port.ToString(), target.Database.Name, target.Database.Schema, target.Database.User })
            Assert.Contains(value, text);
    }

    [Then(@"^the database schema is ""(.*)""$")]
    public void ThenSchemaIs(string expected) => Assert.Equal(expected, target.Database.Schema);

    [Then(@"^no secret appears in the settings shown in the report$")]
    public void ThenNoSecretShown()
    {
        var text = string.Join('\n', _shown.Select(p => $"{p.Key}={p.Value}"));
        var secrets = target.Slack.TokensByRole.Values.Append(target.Slack.SigningSecret).Append(target.Database.Password).Select(s => s.Reveal());
        Assert.DoesNotContain(secrets, s => text.Contains(s, StringComparison.Ordinal));
    }

    [When(@"^the harness connects to the database$")]
    public async Task WhenConnecting() => _connectedAs = await db.ScalarAsync<string>("who am I", "SELECT current_user");

    [Then(@"^it is connected as the application user named in the settings$")]
    public void ThenConnectedAsAppUser() => Assert.Equal(target.Database.User, _connectedAs);

    [Then(@"^the server reports its PostgreSQL version$")]
    public async Task ThenServerVersion() => Assert.StartsWith("PostgreSQL", await schema.ServerVersionAsync());

    [When(@"^the application user's privileges are read$")]
    public async Task WhenPrivilegesRead() => _privileges = await schema.PrivilegesAsync();

    [Then(@"^the application user can use and create in schema padealing$")]
    public void ThenPadealingUsable() => Assert.True(_privileges!.PadealingUsage && _privileges.PadealingCreate,
        $"{_privileges.User}: USAGE={_privileges.PadealingUsage}, CREATE={_privileges.PadealingCreate} on padealing");

    [Then(@"^the application user can use schema bo_airflow and read bo_airflow.oracle_employee$")]
    public void ThenReferenceReadable() => Assert.True(_privileges!.ReferenceUsage && _privileges.ReferenceEmployeeSelect,
        $"{_privileges.User}: USAGE={_privileges.ReferenceUsage} on bo_airflow, SELECT={_privileges.ReferenceEmployeeSelect} on oracle_employee");

    [Then(@"^the application user cannot insert into or update bo_airflow.oracle_employee$")]
    public void ThenReferenceReadOnly() => Assert.False(_privileges!.ReferenceEmployeeInsert || _privileges.ReferenceEmployeeUpdate,
        $"{_privileges.User} may write bo_airflow.oracle_employee (INSERT={_privileges.ReferenceEmployeeInsert}, UPDATE={_privileges.ReferenceEmployeeUpdate})");

    [Then(@"^reference table ""(.*)"" exists in bo_airflow$")]
    public async Task ThenReferenceTableExists(string table) => Assert.Contains(table, await schema.TablesAsync("bo_airflow"));

    [Then(@"^reference table ""(.*)"" has at least (\d+) rows?$")]
    public async Task ThenReferenceTableHasRows(string table, int min) =>
        Assert.True(await schema.RowCountAsync("bo_airflow", table) >= min, $"bo_airflow.{table} has fewer than {min} row(s)");

    [When(@"^the tables of schema padealing are listed$")]
    public async Task WhenTablesListed() => _tables = await schema.TablesAsync("padealing");

    [Then(@"^every table is described by the schema contract or is a migration journal$")]
    public void ThenNoUnknownTables()
    {
        var unknown = _tables.Where(t => !Contract.Value.Describes("padealing", t) && !Contract.Value.MigrationJournals.Contains(t)).ToList();
        Assert.True(unknown.Count == 0, $"padealing has tables the application does not know: {string.Join(", ", unknown)} — decide whether to keep them (plan 2.2/6.4)");
    }

    [When(@"^the current migration revision is read from the database$")]
    public async Task WhenRevisionRead() => _revision = await schema.MigrationRevisionAsync();

    [Then(@"^it is the head revision the application expects$")]
    public void ThenAtHead() => Assert.True(_revision == run.Settings.MigrationHead,
        $"The database is at revision {_revision ?? "(none: no alembic_version row)"}, the application's head is {run.Settings.MigrationHead}");

    [When(@"^the columns of (\w+)\.(\w+) are read$")]
    public async Task WhenColumnsRead(string schemaName, string table)
    {
        _table = (schemaName, table);
        _columns = await schema.ColumnsAsync(schemaName, table);
    }

    [Then(@"^they match the schema contract, naming any phantom or unknown column$")]
    public void ThenColumnsMatch()
    {
        Assert.True(_columns.Count > 0, $"{_table.Schema}.{_table.Table} does not exist");
        var differences = Contract.Value.Compare(_table.Schema, _table.Table, _columns);
        Assert.True(differences.None, $"{_table.Schema}.{_table.Table}: {differences}");
    }

    [When(@"^the foreign keys of schema padealing are read$")]
    public async Task WhenForeignKeysRead() => _foreignKeys = await schema.ForeignKeysAsync("padealing");

    [Then(@"^these foreign keys exist:$")]
    public void ThenForeignKeysExist(Table expected)
    {
        var missing = expected.Rows.Where(r => !_foreignKeys.Any(fk => fk.TableName == r["table"] && fk.ColumnName == r["column"]
            && $"{fk.ForeignSchema}.{fk.ForeignTableName}" == r["references"])).Select(r => $"{r["table"]}.{r["column"]} → {r["references"]}").ToList();
        Assert.True(missing.Count == 0, $"Missing foreign keys: {string.Join(", ", missing)}");
    }

    [When(@"^the indexes of schema padealing are read$")]
    public async Task WhenIndexesRead() => _indexes = await schema.IndexesAsync("padealing");

    [Then(@"^these columns lead an index:$")]
    public void ThenColumnsIndexed(Table expected)
    {
        var missing = expected.Rows.Where(r => !_indexes.Any(i => i.TableName == r["table"] && i.Columns.FirstOrDefault() == r["column"]))
            .Select(r => $"{r["table"]}.{r["column"]}").ToList();
        Assert.True(missing.Count == 0, $"No index leads with: {string.Join(", ", missing)}");
    }
}
