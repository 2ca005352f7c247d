using System.Globalization;
using BzPeer.Explorer.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace BzPeer.Explorer.Import;

/// <summary>
/// Inserts and updates entities inside the context's open transaction, bypassing change tracking. The SQL and the
/// value conversions come from the EF model, so rows are stored exactly as EF would store them; text longer than the
/// model allows is cut to its maximum length. Keys are set by the caller, which is what lets a generator or an
/// importer link rows without reading ids back. On SQLite each row is a prepared statement; on PostgreSQL rows are
/// gathered per table and sent with binary COPY (<see cref="PostgresCopy"/>): call <see cref="Flush"/> when done.
/// </summary>
internal sealed class BulkWriter : IDisposable
{
    private readonly ExplorerDbContext _db;
    private readonly SqliteConnection? _connection;
    private readonly PostgresCopy? _postgres;
    private readonly Dictionary<Type, TableCommand> _inserts = [];
    private readonly Dictionary<(Type, string[]), TableCommand> _updates = [];

    public BulkWriter(ExplorerDbContext db)
    {
        _db = db;
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("BulkWriter needs an open transaction.");
        if (db.IsPostgres)
        {
            _postgres = new PostgresCopy(db, (Npgsql.NpgsqlConnection)db.Database.GetDbConnection());
            return;
        }
        _connection = (SqliteConnection)db.Database.GetDbConnection();
    }

    public long RowsWritten { get; private set; }

    /// <summary>Sends rows still gathered (PostgreSQL) to the database; rows are already written on SQLite.</summary>
    public void Flush() => _postgres?.Flush();

    public void Add<T>(T entity) where T : class
    {
        if (_postgres is not null)
        {
            _postgres.Add(entity);
            RowsWritten++;
            return;
        }
        if (!_inserts.TryGetValue(typeof(T), out var insert))
        {
            var entityType = EntityType<T>();
            var properties = entityType.GetProperties().ToArray();
            insert = new TableCommand(_connection, properties,
                $"INSERT INTO \"{entityType.GetTableName()}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""))}) " +
                $"VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})");
            _inserts.Add(typeof(T), insert);
        }
        insert.Execute(entity);
        RowsWritten++;
    }

    /// <summary>
    /// Sets the named properties of the stored row with <paramref name="entity"/>'s key. Pass the same array instance
    /// for the same set of properties: it names the prepared statement.
    /// </summary>
    public void Update<T>(T entity, string[] propertyNames) where T : class
    {
        if (_postgres is not null)
        {
            _postgres.Update(entity, propertyNames);
            RowsWritten++;
            return;
        }
        if (!_updates.TryGetValue((typeof(T), propertyNames), out var update))
        {
            var entityType = EntityType<T>();
            var set = propertyNames.Select(name => entityType.FindProperty(name)
                ?? throw new InvalidOperationException($"{typeof(T).Name} has no property {name}.")).ToArray();
            var key = entityType.FindPrimaryKey()!.Properties;
            update = new TableCommand(_connection, [.. set, .. key],
                $"UPDATE \"{entityType.GetTableName()}\" SET {string.Join(", ", set.Select((p, i) => $"\"{p.GetColumnName()}\" = @p{i}"))} " +
                $"WHERE {string.Join(" AND ", key.Select((p, i) => $"\"{p.GetColumnName()}\" = @p{set.Length + i}"))}");
            _updates.Add((typeof(T), propertyNames), update);
        }
        update.Execute(entity);
        RowsWritten++;
    }

    /// <summary>The next free value of an integer key, for callers that assign keys themselves.</summary>
    public int NextId<T>() where T : class
    {
        var entityType = EntityType<T>();
        _postgres?.Flush();
        using var command = _db.Database.GetDbConnection().CreateCommand();
        command.Transaction = _db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = $"SELECT COALESCE(MAX(\"{entityType.FindPrimaryKey()!.Properties[0].GetColumnName()}\"), 0) + 1 FROM \"{entityType.GetTableName()}\"";
        return Convert.ToInt32(command.ExecuteScalar());
    }

    public void Dispose()
    {
        foreach (var command in _inserts.Values.Concat(_updates.Values)) command.Dispose();
    }

    /// <summary>The value of a property as the database stores it: converted as EF converts it, text cut to its maximum length.</summary>
    internal static Func<object, object?> ProviderValue(IProperty property)
    {
        var getter = property.GetGetter();
        var toProvider = property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider : null;
        var maxLength = property.ClrType == typeof(string) ? property.GetMaxLength() : null;
        return entity =>
        {
            var value = getter.GetClrValueUsingContainingEntity(entity);
            if (value is not null && toProvider is not null) value = toProvider(value);
            if (maxLength is { } max && value is string text && text.Length > max) value = Clip(text, max);
            return value;
        };
    }

    private static string Clip(string text, int maxLength) =>
        text[..(char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength)];

    private IEntityType EntityType<T>() => _db.Model.FindEntityType(typeof(T))
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");

    /// <summary>
    /// A statement prepared on the connection's native handle, whose parameters @p0… take the given properties' values
    /// converted as EF stores them. Binding through SQLitePCL directly rather than through SqliteCommand roughly halves
    /// the cost of a row in a bulk load; values are bound as Microsoft.Data.Sqlite binds them.
    /// </summary>
    private sealed class TableCommand : IDisposable
    {
        private readonly sqlite3 _database;
        private readonly sqlite3_stmt _statement;
        private readonly (IClrPropertyGetter Getter, Func<object?, object?>? ToProvider, int? MaxLength)[] _columns;

        public TableCommand(SqliteConnection? connection, IProperty[] properties, string sql)
        {
            _database = connection?.Handle ?? throw new InvalidOperationException("BulkWriter needs an open connection.");
            var prepared = raw.sqlite3_prepare_v2(_database, sql, out _statement);
            if (prepared != raw.SQLITE_OK) throw Error(prepared);
            _columns = properties.Select(property =>
            {
                var converter = property.GetTypeMapping().Converter;
                return (property.GetGetter(), converter is null ? null : converter.ConvertToProvider,
                    property.ClrType == typeof(string) ? property.GetMaxLength() : null);
            }).ToArray();
        }

        public void Execute(object entity)
        {
            for (var i = 0; i < _columns.Length; i++)
            {
                var (getter, toProvider, maxLength) = _columns[i];
                var value = getter.GetClrValueUsingContainingEntity(entity);
                if (value is not null && toProvider is not null) value = toProvider(value);
                if (maxLength is { } max && value is string text && text.Length > max) value = Clip(text, max);
                var bound = Bind(i + 1, value);
                if (bound != raw.SQLITE_OK) throw Error(bound);
            }
            var stepped = raw.sqlite3_step(_statement);
            var error = stepped == raw.SQLITE_DONE ? null : Error(stepped);
            raw.sqlite3_reset(_statement);
            if (error is not null) throw error;
        }

        public void Dispose() => _statement.Dispose();

        private int Bind(int index, object? value) => value switch
        {
            null => raw.sqlite3_bind_null(_statement, index),
            string text => raw.sqlite3_bind_text(_statement, index, text),
            int number => raw.sqlite3_bind_int64(_statement, index, number),
            long number => raw.sqlite3_bind_int64(_statement, index, number),
            bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
            double number => raw.sqlite3_bind_double(_statement, index, number),
            DateOnly date => raw.sqlite3_bind_text(_statement, index, date.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
            _ => throw new InvalidOperationException($"BulkWriter binds numbers, text, booleans and dates, not {value.GetType().Name}."),
        };

        private SqliteException Error(int code) => new(raw.sqlite3_errmsg(_database).utf8_to_string(), code, raw.sqlite3_extended_errcode(_database));
    }
}
