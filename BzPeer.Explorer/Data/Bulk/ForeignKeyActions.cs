using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BzPeer.Explorer.Data.Bulk;

/// <summary>
/// What SQLite's foreign keys would have done on delete, done afterwards for a load that ran with them off (checking
/// every inserted row's parents costs a load more than a quarter of its time): rows whose parent was deleted are
/// deleted where the model says cascade, and their reference is cleared where it says set null (a delete the model
/// restricts is one the load never makes). Parents before
/// children, so a cascade reaches as far as the database's own would.
/// </summary>
internal static class ForeignKeyActions
{
    public static void ApplyToOrphans(ExplorerDbContext db)
    {
        var keys = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .OrderBy(BulkWriter.Depth)
            .SelectMany(e => e.GetForeignKeys().Where(k => k.PrincipalEntityType.GetTableName() is not null && k.DeleteBehavior
                is DeleteBehavior.Cascade or DeleteBehavior.ClientCascade or DeleteBehavior.SetNull or DeleteBehavior.ClientSetNull));
        foreach (var key in keys)
        {
            var child = key.DeclaringEntityType.GetTableName();
            var columns = key.Properties.Select(p => p.GetColumnName()).ToArray();
            var parentColumns = key.PrincipalKey.Properties.Select(p => p.GetColumnName()).ToArray();
            var orphan = $"""
                {string.Join(" AND ", columns.Select(c => $"\"{child}\".\"{c}\" IS NOT NULL"))}
                AND NOT EXISTS (SELECT 1 FROM "{key.PrincipalEntityType.GetTableName()}" p
                    WHERE {string.Join(" AND ", columns.Zip(parentColumns, (c, p) => $"p.\"{p}\" = \"{child}\".\"{c}\""))})
                """;
            var sql = key.DeleteBehavior is DeleteBehavior.Cascade or DeleteBehavior.ClientCascade
                ? $"DELETE FROM \"{child}\" WHERE {orphan}"
                : $"UPDATE \"{child}\" SET {string.Join(", ", columns.Select(c => $"\"{c}\" = NULL"))} WHERE {orphan}";
            using var command = db.CreateCommand(sql);
            command.CommandTimeout = 0;
            command.ExecuteNonQuery();
        }
    }
}
