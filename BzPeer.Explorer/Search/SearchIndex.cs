using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Search;

/// <summary>
/// The full-text index created by the SearchIndex migration: one SQLite FTS5 table per kind, reading its text from
/// the entity table (external content) and kept in step with it by triggers, so every writer (the app, the demo
/// loader, import, generate) updates it without knowing it exists. Works have a second, title-only table
/// (WorkTitleSearch, migration WorkTitleSearch): a match in titles alone reads only titles, where the title and
/// abstract table would walk every abstract holding the words to find the few titles.
/// </summary>
public static class SearchIndex
{
    public static readonly string[] Tables = ["ResearcherSearch", "WorkSearch", "WorkTitleSearch", "TopicSearch", "InstitutionSearch"];

    /// <summary>
    /// For a bulk load: removes the triggers (their exact statements are kept from the schema), so rows are not
    /// indexed one at a time; <see cref="SuspendedTriggers.ResumeAsync"/> indexes everything in one pass and puts the
    /// triggers back. Use inside the load's transaction: a rollback brings the triggers back too.
    /// </summary>
    public static async Task<SuspendedTriggers> SuspendTriggersAsync(DbContext db, CancellationToken cancellationToken)
    {
        var triggers = new List<(string Name, string Sql)>();
        await using (var command = db.CreateCommand("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (" +
            string.Join(" OR ", Tables.Select(t => $"name LIKE '{t}\\_%' ESCAPE '\\'")) + ") ORDER BY name"))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) triggers.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in triggers) await db.ExecuteAsync($"DROP TRIGGER \"{name}\"", cancellationToken);
        return new SuspendedTriggers(triggers.Select(t => t.Sql).ToList());
    }

    public sealed class SuspendedTriggers(List<string> createStatements)
    {
        /// <summary>The statements that put the triggers back.</summary>
        public IReadOnlyList<string> Statements => createStatements;

        public async Task ResumeAsync(DbContext db, CancellationToken cancellationToken)
        {
            foreach (var table in Tables) await db.ExecuteAsync($"INSERT INTO {table}({table}) VALUES ('rebuild')", cancellationToken);
            foreach (var statement in createStatements) await db.ExecuteAsync(statement, cancellationToken);
        }
    }
}
