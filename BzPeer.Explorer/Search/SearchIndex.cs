namespace BzPeer.Explorer.Search;

/// <summary>
/// The full-text index created by the SearchIndex migration: one SQLite FTS5 table per kind, reading its text from
/// the entity table (external content) and kept in step with it by triggers, so every writer (the app, the demo
/// loader, import, generate) updates it without knowing it exists.
/// </summary>
public static class SearchIndex
{
    public static readonly string[] Tables = ["ResearcherSearch", "WorkSearch", "TopicSearch", "InstitutionSearch"];

    /// <summary>Rebuilds every index from its entity table (after a bulk load that ran with the triggers off, say).</summary>
    public static IEnumerable<string> RebuildStatements() => Tables.Select(table => $"INSERT INTO {table}({table}) VALUES ('rebuild')");
}
