namespace PadUat.Support.Configuration;

/// <summary>
/// Where the target's database should stand in the application's migration history (plan 2.3): at head
/// (PAD_MIGRATION_HEAD), unless the newest revisions were left unapplied by decision (PAD_MIGRATION_NOT_APPLIED) — as dev
/// stayed one behind head at the UAT because the head revision only created schemas it already had
/// (conductor/tracks/dev_db_migration_validation_20260120/MIGRATION_STATUS.md:20-40).
/// </summary>
public sealed record MigrationExpectation(string Head, IReadOnlyList<string> NotApplied)
{
    public static MigrationExpectation Parse(string head, string? notApplied) =>
        new(head, (notApplied ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The revision the database should record: head, or the one before the unapplied tail of <paramref name="history"/>.</summary>
    public string Current(IReadOnlyList<string> history)
    {
        var upToHead = UpToHead(history);
        return upToHead[CurrentIndex(upToHead)];
    }

    /// <summary>Revisions named as left unapplied that are not the newest ones up to head: a decision the history cannot hold.</summary>
    public IReadOnlyList<string> Misplaced(IReadOnlyList<string> history)
    {
        var upToHead = UpToHead(history);
        var current = CurrentIndex(upToHead);
        return NotApplied.Where(r => !upToHead.Contains(r) || upToHead.IndexOf(r) < current).ToList();
    }

    private List<string> UpToHead(IReadOnlyList<string> history) => history.TakeWhile(r => r != Head).Append(Head).ToList();

    /// <summary>Where the database should stand in <paramref name="upToHead"/>: head, less the unapplied tail (never before the first).</summary>
    private int CurrentIndex(List<string> upToHead)
    {
        var index = upToHead.Count - 1;
        while (index > 0 && NotApplied.Contains(upToHead[index])) index--;
        return index;
    }

    public override string ToString() => NotApplied.Count == 0 ? Head : $"{Head} ({string.Join(", ", NotApplied)} not applied by decision)";
}
