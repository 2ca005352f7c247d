using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Data.Bulk;

/// <summary>
/// For a bulk load into empty tables: drops their secondary indexes (and on PostgreSQL their foreign keys) and creates
/// them again afterwards from the very definitions the migrations left in the schema, so the schema ends as it was.
/// Building an index once from sorted data is far cheaper than keeping it up to date row by row, and PostgreSQL checks
/// a foreign key added to a full table in one join rather than row by row. Use inside the load's transaction: if the
/// load fails, the indexes and keys come back with the rollback.
/// </summary>
internal sealed class DeferredIndexes
{
    private readonly List<string> _createStatements;

    private DeferredIndexes(List<string> createStatements) => _createStatements = createStatements;

    /// <summary>The statements that put back what was dropped.</summary>
    public IReadOnlyList<string> Statements => _createStatements;

    /// <param name="keepUnique">Leave unique indexes in place: lookups and the refusal of duplicates need them.</param>
    public static async Task<DeferredIndexes> DropAsync(ExplorerDbContext db, IEnumerable<string> tables, CancellationToken cancellationToken,
        bool keepUnique = false)
    {
        var indexes = new List<(string Name, string Sql)>();
        var tableList = string.Join(", ", tables.Select(t => $"'{t}'"));
        // Indexes the table definition makes itself (primary keys) have no SQL (SQLite) or back a constraint
        // (PostgreSQL), and stay.
        await using (var command = db.CreateCommand(db.IsPostgres
                ? $"""
                  SELECT indexname, indexdef FROM pg_indexes
                  WHERE schemaname = current_schema() AND tablename IN ({tableList})
                    AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE connamespace = current_schema()::regnamespace)
                  {(keepUnique ? "AND indexdef NOT LIKE 'CREATE UNIQUE %'" : "")}
                  ORDER BY indexname
                  """
                : $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({tableList})" +
                  (keepUnique ? " AND sql NOT LIKE 'CREATE UNIQUE %'" : "") + " ORDER BY name"))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes)
            await db.ExecuteAsync($"DROP INDEX \"{name}\"", cancellationToken);
        var statements = indexes.Select(i => i.Sql).ToList();
        if (db.IsPostgres) statements.AddRange(await DropForeignKeysAsync(db, tables, cancellationToken));
        return new DeferredIndexes(statements);
    }

    /// <summary>Drops the foreign keys of the tables; returns the statements that add them back.</summary>
    private static async Task<List<string>> DropForeignKeysAsync(ExplorerDbContext db, IEnumerable<string> tables, CancellationToken cancellationToken)
    {
        var keys = new List<(string Table, string Name, string Definition)>();
        await using (var command = db.CreateCommand($"""
                SELECT c.relname, con.conname, pg_get_constraintdef(con.oid)
                FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE con.contype = 'f' AND n.nspname = current_schema() AND c.relname IN ({string.Join(", ", tables.Select(t => $"'{t}'"))})
                ORDER BY c.relname, con.conname
                """))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) keys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        foreach (var (table, name, _) in keys)
            await db.ExecuteAsync($"ALTER TABLE \"{table}\" DROP CONSTRAINT \"{name}\"", cancellationToken);
        return keys.Select(k => $"ALTER TABLE \"{k.Table}\" ADD CONSTRAINT \"{k.Name}\" {k.Definition}").ToList();
    }

    public async Task CreateAsync(ExplorerDbContext db, CancellationToken cancellationToken)
    {
        foreach (var statement in _createStatements)
            await db.ExecuteAsync(statement, cancellationToken);
    }
}
