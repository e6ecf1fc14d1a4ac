using PadUat.Drivers.Database;
using PadUat.Support;
using Xunit;

namespace PadUat.Tests;

/// <summary>The small calculations the report's figures and evidence depend on.</summary>
public sealed class FigureTests
{
    [Theory]
    [InlineData(50, 10)]
    [InlineData(95, 19)]
    [InlineData(100, 20)]
    public void Percentiles_use_the_nearest_rank(double percentile, double expected) =>
        Assert.Equal(expected, Percentiles.Of(Enumerable.Range(1, 20).Select(i => (double)i).Reverse().ToList(), percentile));

    [Fact]
    public void Sql_evidence_shows_the_query_its_parameters_and_its_rows_as_a_table()
    {
        var text = SqlEvidence.Render("SELECT id, status FROM padealing.pad_request WHERE id = @id", new { id = 7 },
            [new PadApproval(7, "manager", 1003, "approved", null, new DateTime(2026, 11, 28, 9, 30, 0))]);
        Assert.Contains("-- parameters: id = 7", text);
        Assert.Contains("-- 1 row(s)", text);
        Assert.Contains("RequestId | ApprovalType | ApproverId | Decision | Comment | DecidedAt", text);
        Assert.Contains("manager      | 1003       | approved | NULL    | 2026-11-28 09:30:00.000", text);
    }

    [Fact]
    public void An_index_definition_yields_its_columns() =>
        Assert.Equal(["status", "created_at"], new IndexInfo("pad_request", "ix", "CREATE INDEX ix ON padealing.pad_request USING btree (status, created_at)").Columns);
}
