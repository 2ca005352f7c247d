using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BzPeer.Explorer.Import;

/// <summary>
/// For a bulk load into empty tables: drops their secondary indexes and creates them again afterwards from the very
/// statements the migrations left in the schema, so the schema ends as it was. Building an index once from sorted
/// data is far cheaper than keeping it up to date row by row. Use inside the load's transaction: if the load fails,
/// the indexes come back with the rollback.
/// </summary>
internal sealed class DeferredIndexes
{
    private readonly List<string> _createStatements;

    private DeferredIndexes(List<string> createStatements) => _createStatements = createStatements;

    public static async Task<DeferredIndexes> DropAsync(ExplorerDbContext db, IEnumerable<string> tables, CancellationToken cancellationToken)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var command = Command(db))
        {
            var tableList = string.Join(", ", tables.Select(t => $"'{t}'"));
            // Indexes the table definition makes itself (primary keys) have no SQL (SQLite) or back a constraint
            // (PostgreSQL), and stay.
            command.CommandText = db.IsPostgres
                ? $"""
                  SELECT indexname, indexdef FROM pg_indexes
                  WHERE schemaname = current_schema() AND tablename IN ({tableList})
                    AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE connamespace = current_schema()::regnamespace)
                  ORDER BY indexname
                  """
                : $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({tableList}) ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes)
            await ExecuteAsync(db, $"DROP INDEX \"{name}\"", cancellationToken);
        return new DeferredIndexes(indexes.Select(i => i.Sql).ToList());
    }

    public async Task CreateAsync(ExplorerDbContext db, CancellationToken cancellationToken)
    {
        foreach (var statement in _createStatements)
            await ExecuteAsync(db, statement, cancellationToken);
    }

    private static async Task ExecuteAsync(ExplorerDbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(db);
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static System.Data.Common.DbCommand Command(ExplorerDbContext db)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }
}
