using System.Globalization;
using BzPeer.Explorer.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace BzPeer.Explorer.Data.Bulk;

/// <summary>
/// Inserts and updates entities inside the context's open transaction, bypassing change tracking. The SQL and the
/// value conversions come from the EF model, so rows are stored exactly as EF would store them; text longer than the
/// model allows is cut to its maximum length. Keys are set by the caller, which is what lets a generator or an
/// importer link rows without reading ids back. New rows are gathered per table and written together, parents before
/// the tables whose foreign keys point at them: on SQLite by statements of many rows each, on PostgreSQL with binary
/// COPY (<see cref="PostgresCopy"/>). Call <see cref="Flush"/> before reading what was added, and when done.
/// </summary>
internal sealed class BulkWriter : IDisposable
{
    private const int RowsPerFlush = 50_000;
    private readonly ExplorerDbContext _db;
    private readonly SqliteConnection? _connection;
    private readonly PostgresCopy? _postgres;
    // New rows per table, and per clause merging them into stored rows ("" for plain inserts).
    private readonly Dictionary<(Type, string), SqliteTable> _tables = [];
    private readonly Dictionary<(Type, string[]), TableCommand> _updates = [];
    private int _gathered;
    private SqliteTable? _lastTable;

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

    /// <summary>Writes the rows gathered so far.</summary>
    public void Flush()
    {
        if (_postgres is not null)
        {
            _postgres.Flush();
            return;
        }
        if (_gathered == 0) return;
        foreach (var table in _tables.Values.OrderBy(t => t.Depth)) table.Write();
        _gathered = 0;
    }

    public void Add<T>(T entity) where T : class
    {
        RowsWritten++;
        if (_postgres is not null)
        {
            _postgres.Add(entity);
            return;
        }
        Gather(entity, "");
    }

    /// <summary>
    /// Adds a row that <paramref name="onConflict"/> (SQLite's "ON CONFLICT (…) DO UPDATE …") merges into a stored row
    /// with the same key. SQLite only. Rows added in the order of the table's key are written in that order.
    /// </summary>
    public void AddOrMerge<T>(T entity, string onConflict) where T : class
    {
        if (_postgres is not null) throw new NotSupportedException("BulkWriter merges rows on SQLite only.");
        RowsWritten++;
        Gather(entity, onConflict);
    }

    private void Gather<T>(T entity, string onConflict) where T : class
    {
        // Rows come in runs of one table: the last table found is tried first, sparing a lookup (and the hashing of
        // the clause) per row.
        var table = _lastTable;
        if (table is null || table.EntityClrType != typeof(T) || !ReferenceEquals(table.OnConflict, onConflict))
        {
            if (!_tables.TryGetValue((typeof(T), onConflict), out table))
                _tables.Add((typeof(T), onConflict), table = new SqliteTable(_connection!, EntityType<T>(), onConflict));
            _lastTable = table;
        }
        table.Rows.Add(entity);
        if (++_gathered >= RowsPerFlush) Flush();
    }

    /// <summary>
    /// Sets the named properties of the stored row with <paramref name="entity"/>'s key, after writing the rows gathered.
    /// Pass the same array instance for the same set of properties: it names the prepared statement.
    /// </summary>
    public void Update<T>(T entity, string[] propertyNames) where T : class
    {
        RowsWritten++;
        if (_postgres is not null)
        {
            _postgres.Update(entity, propertyNames);
            return;
        }
        Flush();
        if (!_updates.TryGetValue((typeof(T), propertyNames), out var update))
        {
            var entityType = EntityType<T>();
            var set = propertyNames.Select(name => entityType.FindProperty(name)
                ?? throw new InvalidOperationException($"{typeof(T).Name} has no property {name}.")).ToArray();
            var key = entityType.FindPrimaryKey()!.Properties;
            update = new TableCommand(_connection!, [.. set, .. key],
                $"UPDATE \"{entityType.GetTableName()}\" SET {string.Join(", ", set.Select(p => $"\"{p.GetColumnName()}\" = ?"))} " +
                $"WHERE {string.Join(" AND ", key.Select(p => $"\"{p.GetColumnName()}\" = ?"))}");
            _updates.Add((typeof(T), propertyNames), update);
        }
        update.Execute([entity], 0, 1);
    }

    /// <summary>The next free value of an integer key, for callers that assign keys themselves.</summary>
    public int NextId<T>() where T : class
    {
        var entityType = EntityType<T>();
        Flush();
        using var command = _db.CreateCommand($"SELECT COALESCE(MAX(\"{entityType.FindPrimaryKey()!.Properties[0].GetColumnName()}\"), 0) + 1 FROM \"{entityType.GetTableName()}\"");
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        foreach (var table in _tables.Values) table.Dispose();
        foreach (var command in _updates.Values) command.Dispose();
    }

    /// <summary>0 for a table that refers to no other; otherwise one more than the deepest table it refers to.</summary>
    internal static int Depth(IEntityType entityType) => Depth(entityType, []);

    private static int Depth(IEntityType entityType, HashSet<IEntityType> visiting)
    {
        if (!visiting.Add(entityType)) return 0;
        var principals = entityType.GetForeignKeys().Select(fk => fk.PrincipalEntityType).Where(p => p != entityType).ToList();
        var depth = principals.Count == 0 ? 0 : principals.Max(p => Depth(p, visiting)) + 1;
        visiting.Remove(entityType);
        return depth;
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
    /// New rows of one SQLite table, written by statements of <see cref="RowsPerStatement"/> rows. One statement per row
    /// would cost more than twice as much where a search index follows the table: SQLite's full-text index writes what
    /// it gathered at the end of every statement of a transaction.
    /// </summary>
    private sealed class SqliteTable : IDisposable
    {
        private const int RowsPerStatement = 256;
        private readonly TableCommand _many;
        private readonly TableCommand _one;

        public SqliteTable(SqliteConnection connection, IEntityType entityType, string onConflict)
        {
            var properties = entityType.GetProperties().ToArray();
            var insert = $"INSERT INTO \"{entityType.GetTableName()}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""))}) VALUES ";
            var row = $"({string.Join(", ", properties.Select(_ => "?"))})";
            _many = new TableCommand(connection, properties, $"{insert}{string.Join(", ", Enumerable.Repeat(row, RowsPerStatement))} {onConflict}");
            _one = new TableCommand(connection, properties, $"{insert}{row} {onConflict}");
            Depth = BulkWriter.Depth(entityType);
            EntityClrType = entityType.ClrType;
            OnConflict = onConflict;
        }

        public int Depth { get; }
        public Type EntityClrType { get; }
        public string OnConflict { get; }
        public List<object> Rows { get; } = [];

        public void Write()
        {
            var written = 0;
            for (; written + RowsPerStatement <= Rows.Count; written += RowsPerStatement) _many.Execute(Rows, written, RowsPerStatement);
            for (; written < Rows.Count; written++) _one.Execute(Rows, written, 1);
            Rows.Clear();
        }

        public void Dispose()
        {
            _many.Dispose();
            _one.Dispose();
        }
    }

    /// <summary>
    /// A statement prepared on the connection's native handle whose parameters take, row after row, the given
    /// properties' values as EF stores them. Binding through SQLitePCL directly rather than through SqliteCommand roughly
    /// halves the cost of a row in a bulk load; values are bound as Microsoft.Data.Sqlite binds them.
    /// </summary>
    private sealed class TableCommand : IDisposable
    {
        private readonly sqlite3 _database;
        private readonly sqlite3_stmt _statement;
        private readonly Func<object, object?>[] _columns;

        public TableCommand(SqliteConnection connection, IProperty[] properties, string sql)
        {
            _database = connection.Handle ?? throw new InvalidOperationException("BulkWriter needs an open connection.");
            var prepared = raw.sqlite3_prepare_v2(_database, sql, out _statement);
            if (prepared != raw.SQLITE_OK) throw Error(prepared);
            _columns = properties.Select(ProviderValue).ToArray();
        }

        /// <summary>Runs the statement once for <paramref name="count"/> rows from <paramref name="start"/> on.</summary>
        public void Execute(IReadOnlyList<object> rows, int start, int count)
        {
            var index = 1;
            for (var row = start; row < start + count; row++)
            {
                foreach (var column in _columns)
                {
                    var bound = Bind(index++, column(rows[row]));
                    if (bound != raw.SQLITE_OK) throw Error(bound);
                }
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
