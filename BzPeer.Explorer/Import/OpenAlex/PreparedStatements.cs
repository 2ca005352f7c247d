using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace BzPeer.Explorer.Import.OpenAlex;

/// <summary>
/// SQL statements prepared once per transaction and reused. Values bind to the statement's @parameters in the order
/// they first appear in its text.
/// </summary>
internal sealed partial class PreparedStatements(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = [];

    public int Execute(string sql, params object?[] values) => Bind(sql, values).ExecuteNonQuery();

    public object? Scalar(string sql, params object?[] values)
    {
        var result = Bind(sql, values).ExecuteScalar();
        return result is DBNull ? null : result;
    }

    public SqliteDataReader Query(string sql, params object?[] values) => Bind(sql, values).ExecuteReader();

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

    private SqliteCommand Bind(string sql, object?[] values)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var name in ParameterName().Matches(sql).Select(m => m.Value).Distinct())
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            command.Prepare();
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
