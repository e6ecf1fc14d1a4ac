using PadUat.Support.Configuration;
using Xunit;

namespace PadUat.Tests;

/// <summary>Plan 2.3 with dev's decision: where the database should stand when its newest revisions are left unapplied.</summary>
public sealed class MigrationExpectationTests
{
    private static readonly string[] History = ["4143273be37f", "v2_schema", "1e2bea66afb6", "fc3b6e7695d9"];

    [Theory]
    [InlineData("", "fc3b6e7695d9")]                               // nothing left out: head
    [InlineData("fc3b6e7695d9", "1e2bea66afb6")]                   // dev at the UAT: one behind head
    [InlineData("1e2bea66afb6,fc3b6e7695d9", "v2_schema")]         // a tail of two
    [InlineData("v2_schema", "fc3b6e7695d9")]                      // not at the end: head still, and misplaced (below)
    public void The_database_should_stand_before_the_revisions_left_unapplied_at_the_end(string notApplied, string current) =>
        Assert.Equal(current, MigrationExpectation.Parse("fc3b6e7695d9", notApplied).Current(History));

    [Theory]
    [InlineData("fc3b6e7695d9", "")]
    [InlineData("v2_schema", "v2_schema")]                          // a revision in the middle cannot be skipped by decision
    [InlineData("fc3b6e7695d9,0000deadbeef", "0000deadbeef")]       // nor one the history does not have
    public void Only_the_newest_revisions_up_to_head_can_be_left_unapplied(string notApplied, string misplaced) =>
        Assert.Equal(misplaced, string.Join(",", MigrationExpectation.Parse("fc3b6e7695d9", notApplied).Misplaced(History)));
}
