using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BzPeer.Explorer.Data;

/// <summary>Plain SQL on a context's own connection, inside the transaction it has open (if any).</summary>
internal static class ContextCommands
{
    public static DbCommand CreateCommand(this DbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    public static async Task ExecuteAsync(this DbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
