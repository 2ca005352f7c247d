using System.Data.Common;
using System.Text.RegularExpressions;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Data.Bulk;

namespace BzPeer.Explorer.Import.OpenAlex;

/// <summary>
/// SQL statements prepared once per transaction and reused (made by <see cref="ContextSql"/>). Values bind to the
/// statement's @parameters in the order they first appear in its text, so a statement run thousands of times in a
/// batch is given its values without naming them each time. Rows the bulk writer still holds (PostgreSQL gathers them for COPY) are written
/// before each statement, so every statement sees them.
/// </summary>
internal sealed partial class PreparedStatements(ExplorerDbContext db, BulkWriter bulk) : IDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = [];

    public SqlDialect Dialect { get; } = SqlDialect.Of(db);

    public int Execute(string sql, params object?[] values) => Bind(sql, values).ExecuteNonQuery();

    public object? Scalar(string sql, params object?[] values)
    {
        var result = Bind(sql, values).ExecuteScalar();
        return result is DBNull ? null : result;
    }

    public DbDataReader Query(string sql, params object?[] values) => Bind(sql, values).ExecuteReader();

    public List<int> Ids(string sql, params object?[] values)
    {
        var ids = new List<int>();
        using var reader = Query(sql, values);
        while (reader.Read()) ids.Add(reader.GetInt32(0));
        return ids;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
    }

    private DbCommand Bind(string sql, object?[] values)
    {
        bulk.Flush();
        if (!_commands.TryGetValue(sql, out var command))
        {
            // Parameters without a type: each run gives its own values, and a first NULL must not fix the type.
            command = db.CreateCommand(sql);
            foreach (var name in ParameterName().Matches(sql).Select(m => m.Value).Distinct())
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            // Npgsql prepares from the types of the first values bound; SQLite can prepare the text alone.
            if (!Dialect.IsPostgres) command.Prepare();
            _commands.Add(sql, command);
        }
        if (values.Length != command.Parameters.Count)
            throw new ArgumentException($"The statement takes {command.Parameters.Count} values, not {values.Length}: {sql}");
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command;
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex ParameterName();
}
