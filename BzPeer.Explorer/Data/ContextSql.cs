using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BzPeer.Explorer.Data;

/// <summary>A value for an @parameter of hand-written SQL: its name as the statement writes it ("@id"), and its value.</summary>
internal readonly record struct SqlValue(string Name, object? Value)
{
    public static implicit operator SqlValue((string Name, object? Value) pair) => new(pair.Name, pair.Value);
}

/// <summary>
/// The one way the app runs SQL written by hand: on a context's own connection, inside the transaction it has open
/// (if any). Statements quote their identifiers and name their parameters @name; values are given by those names.
/// Engine differences are written by <see cref="SqlDialect"/>, nowhere else.
/// </summary>
internal static class ContextSql
{
    /// <summary>A command for a statement, with its values bound; the connection must be open (it is inside a transaction).</summary>
    public static DbCommand CreateCommand(this DbContext db, string sql, params SqlValue[] values)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        foreach (var value in values) command.Bind(value.Name, value.Value);
        return command;
    }

    /// <summary>Binds <paramref name="value"/> to @<paramref name="name"/>: null as SQL NULL, typed as an integer so PostgreSQL can compare it.</summary>
    public static void Bind(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        if (value is null) parameter.DbType = DbType.Int32;
        command.Parameters.Add(parameter);
    }

    public static async Task<int> ExecuteAsync(this DbContext db, string sql, CancellationToken cancellationToken, params SqlValue[] values)
    {
        await OpenAsync(db, cancellationToken);
        await using var command = db.CreateCommand(sql, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The rows of a query, each made by <paramref name="read"/>.</summary>
    public static async Task<List<T>> ReadAsync<T>(this DbContext db, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params SqlValue[] values)
    {
        await OpenAsync(db, cancellationToken);
        var kept = KeptStatements.Find(db, sql, values);
        var command = kept ?? db.CreateCommand(sql, values);
        try
        {
            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
            return rows;
        }
        finally
        {
            // A kept command stays prepared for the next read on this connection.
            if (kept is null) await command.DisposeAsync();
        }
    }

    /// <summary>The first column of the first row, or null when there is none or it is NULL.</summary>
    public static async Task<object?> ScalarAsync(this DbContext db, string sql, CancellationToken cancellationToken, params SqlValue[] values)
    {
        await OpenAsync(db, cancellationToken);
        await using var command = db.CreateCommand(sql, values);
        return await command.ExecuteScalarAsync(cancellationToken) is var result and not DBNull ? result : null;
    }

    private static async Task OpenAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection().State != ConnectionState.Open) await db.Database.OpenConnectionAsync(cancellationToken);
    }
}
