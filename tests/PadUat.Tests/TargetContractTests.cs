using PadUat.Support;
using PadUat.Support.Configuration;
using PadUat.Support.Contract;
using PadUat.Support.Evidence;
using Xunit;

namespace PadUat.Tests;

/// <summary>The contracts under targets/: how drivers read them, and what a missing or wrong entry does.</summary>
public sealed class TargetContractTests
{
    private static readonly string Root = RepoRoot.Find();
    private static readonly TargetContract Sandbox = TargetContract.Load(Root, "sandbox");
    private static readonly TargetContract Real = TargetContract.Load(Root, "pad-real");

    [Fact]
    public void A_query_is_written_in_concepts_and_read_in_each_target_s_names()
    {
        const string query = "SELECT [audit.action] FROM [audit] WHERE [audit.at] >= @since";
        Assert.Equal("SELECT action_type FROM padealing.audit_log WHERE timestamp >= @since", Real.Sql(query));
        Assert.Equal(Real.Sql(query), Sandbox.Sql(query)); // the stand-in's schema is the real one's
    }

    [Fact]
    public void Each_target_stores_its_own_words_for_the_same_meaning()
    {
        Assert.Equal(("declined", "BUY", "pending_smf16"), (Real.Word(Decision.Rejected), Real.Word(TradeDirection.Buy), Real.Word(PadStatus.WaitingForSmf16)));
        // The stand-in stores the real words for everything the real contract names.
        Assert.All(Real.Words<PadStatus>(), w => Assert.Equal(w.Value, Sandbox.Word(w.Key)));
        Assert.All(Real.Words<AuditEvent>(), w => Assert.Equal(w.Value, Sandbox.Word(w.Key)));
    }

    [Fact]
    public void The_people_filter_is_the_target_s_own()
    {
        Assert.Equal("c.contact_group_id = 2 AND c.contact_type_id = 5", Real.Filter("contact", "c"));
        Assert.Equal(Real.Filter("contact", "c"), Sandbox.Filter("contact", "c"));
        Assert.Equal("true", Real.Filter("request", "r"));
    }

    [Theory]
    [InlineData("word", "targets/pad-real.json has no vocabulary.auditAction.withdrawn (what this target stores for Withdrawn): add it to the target's contract")]
    [InlineData("column", "targets/pad-real.json has no schema.execution.columns.withinWindow (the column of execution that holds its withinWindow): add it to the target's contract")]
    [InlineData("table", "targets/pad-real.json has no schema.pad (the table that holds pad): add it to the target's contract")]
    public void A_missing_entry_is_a_setup_error_naming_the_entry_never_a_product_defect(string kind, string message)
    {
        var error = Assert.Throws<SetupError>(() => kind switch
        {
            "word" => Real.Word(AuditEvent.Withdrawn),
            "column" => Real.Sql("SELECT [execution.withinWindow] FROM [execution]"),
            _ => Real.Sql("SELECT 1 FROM [pad]"),
        });
        Assert.Equal(message, error.Message);
        Assert.Equal(Support.Allure.AllureStatus.Broken, Evidence.StatusOf(error));
    }

    [Fact]
    public void The_bot_s_buttons_are_the_target_s_own()
    {
        Assert.Equal(("approve_manager", "approve_manager"), (Sandbox.Button("managerApprove"), Real.Button("managerApprove")));
        Assert.Equal("targets/pad-real.json has no bot.buttons.complianceApprove (the action id of the bot's complianceApprove button): add it to the target's contract",
            Assert.Throws<SetupError>(() => Real.Button("complianceApprove")).Message);
    }

    [Fact]
    public void A_dashboard_page_is_where_the_target_s_contract_puts_it()
    {
        Assert.Equal("my-requests?status=pending_compliance", Sandbox.Route("requestsWithStatus", ("status", Sandbox.Word(PadStatus.WaitingForCompliance))));
        Assert.Equal(("requests/42", "pending-approvals"), (Real.Route("request", ("id", "42")), Real.Route("complianceView")));
        Assert.Equal("targets/pad-real.json has no dashboard.routes.auditLog (the path of the dashboard's auditLog page): add it to the target's contract",
            Assert.Throws<SetupError>(() => Real.Route("auditLog")).Message);
    }

    [Theory]
    [InlineData("nowhere", "TARGET_CONTRACT: no targets/nowhere.json (the contracts are the files under targets/)")]
    [InlineData("../env/local", "TARGET_CONTRACT: '../env/local' is not a contract name (a file under targets/, e.g. sandbox)")]
    public void An_unknown_contract_is_a_settings_error(string name, string message) =>
        Assert.Equal(message, Assert.Throws<SettingsError>(() => TargetContract.Load(Root, name)).Message);

    [Fact]
    public void The_stand_in_s_contract_has_a_word_for_every_meaning_the_harness_checks()
    {
        Assert.Equal(Enum.GetValues<PadStatus>().Length, Sandbox.Words<PadStatus>().Count);
        Assert.Equal(Enum.GetValues<AuditEvent>().Length, Sandbox.Words<AuditEvent>().Count);
        Assert.Equal(Enum.GetValues<Decision>().Length, Sandbox.Words<Decision>().Count);
    }

    [Fact]
    public void Every_entry_of_the_real_system_s_contract_names_its_source_document()
    {
        Assert.All(Real.Concepts, c => Assert.False(string.IsNullOrWhiteSpace(c.Value.Source), $"schema.{c.Key} names no source"));
        Assert.All(VocabularySections.StoredIn, v => Assert.False(string.IsNullOrWhiteSpace(Real.SourceOf(v.Meanings)), $"vocabulary {v.Meanings.Name} names no source"));
        Assert.All(new[] { "conflictDetection", "executionWindow", "routing" }, rule => Assert.NotNull(Real.Rule($"{rule}.source")));
    }

    [Fact]
    public void The_stand_in_s_contract_keeps_every_fact_of_the_real_one_and_adds_only_what_the_documents_leave_open()
    {
        Assert.Equal("targets/pad-real.json", Sandbox.Extends);
        Assert.Equal(Real.Concepts.Keys, Sandbox.Concepts.Keys);
        Assert.All(Real.Concepts, c => Assert.Equal(c.Value.Source, Sandbox.Concept(c.Key).Source)); // read from the documents, not the stand-in
        Assert.All(Real.NamesUnder("bot.questions"), q => Assert.Superset(Real.Alternatives($"bot.questions.{q}.asks", q).ToHashSet(),
            Sandbox.Alternatives($"bot.questions.{q}.asks", q).ToHashSet()));
        Assert.Equal(Real.NamesUnder("bot.questions"), Sandbox.NamesUnder("bot.questions")); // tried in the documents' order
        Assert.Equal(["I want to trade Apple stock", "Hi, I'd like pre-approval for a personal trade", "hi", "Hello", "I'd like to make a personal trade"],
            Sandbox.Alternatives("bot.writes.open", "open"));
        Assert.Equal("conflict_detection", Sandbox.Rule("conflictDetection.setting")?.GetString());
        Assert.Equal("rules.conflictDetection.setting", Assert.Single(Sandbox.Departures).Key);
    }

    [Theory]
    [InlineData("""{ "name": "x", "describes": "x", "extends": "pad-real", "bot": { "buttons": { "managerApprove": "approve" } } }""",
        "targets/x-uat.json extends targets/pad-real.json but changes bot.buttons.managerApprove (\"approve_manager\" → \"approve\"): add to what the documents leave open, or declare it under departures with why")]
    [InlineData("""{ "name": "x", "describes": "x", "extends": "pad-real", "departures": { "bot.buttons.managerApprove": "" }, "bot": { "buttons": { "managerApprove": "approve" } } }""",
        "targets/x-uat.json extends targets/pad-real.json but departures.bot.buttons.managerApprove gives no reason")]
    [InlineData("""{ "name": "x", "describes": "x", "extends": "pad-real", "departures": { "rules.routing.source": "stale" } }""",
        "targets/x-uat.json extends targets/pad-real.json but departures.rules.routing.source changes nothing of targets/pad-real.json: remove it")]
    [InlineData("""{ "name": "x", "describes": "x", "extends": "x-uat" }""", "targets/x-uat.json: extends itself through x-uat")]
    public void An_extension_that_changes_a_documented_fact_without_saying_why_is_refused(string json, string message)
    {
        // A root of its own, so no other test reading targets/ meets the broken contract.
        var root = Directory.CreateTempSubdirectory("paduat-contract-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "targets"));
            File.Copy(TargetContract.PathOf(Root, "pad-real"), TargetContract.PathOf(root, "pad-real"));
            File.WriteAllText(TargetContract.PathOf(root, "x-uat"), json);
            Assert.Equal(message, Assert.Throws<SettingsError>(() => TargetContract.Load(root, "x-uat")).Message);
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
