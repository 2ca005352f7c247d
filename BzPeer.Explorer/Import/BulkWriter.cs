using BzPeer.Explorer.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace BzPeer.Explorer.Import;

/// <summary>
/// Inserts entities with prepared statements inside the context's open transaction, bypassing change tracking.
/// The SQL and the value conversions come from the EF model, so rows are stored exactly as EF would store them.
/// Keys are set by the caller, which is what lets a generator link rows without reading ids back.
/// </summary>
internal sealed class BulkWriter : IDisposable
{
    private readonly ExplorerDbContext _db;
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly Dictionary<Type, TableInserter> _inserters = [];

    public BulkWriter(ExplorerDbContext db)
    {
        _db = db;
        _connection = (SqliteConnection)db.Database.GetDbConnection();
        _transaction = (SqliteTransaction)(db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("BulkWriter needs an open transaction."));
    }

    public long RowsWritten { get; private set; }

    public void Add<T>(T entity) where T : class
    {
        if (!_inserters.TryGetValue(typeof(T), out var inserter))
        {
            inserter = new TableInserter(_db.Model.FindEntityType(typeof(T))
                ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model."), _connection, _transaction);
            _inserters.Add(typeof(T), inserter);
        }
        inserter.Insert(entity);
        RowsWritten++;
    }

    /// <summary>The next free value of an integer key, for callers that assign keys themselves.</summary>
    public int NextId<T>() where T : class
    {
        var entityType = _db.Model.FindEntityType(typeof(T))!;
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = $"SELECT COALESCE(MAX(\"{entityType.FindPrimaryKey()!.Properties[0].GetColumnName()}\"), 0) + 1 FROM \"{entityType.GetTableName()}\"";
        return Convert.ToInt32(command.ExecuteScalar());
    }

    public void Dispose()
    {
        foreach (var inserter in _inserters.Values) inserter.Dispose();
    }

    private sealed class TableInserter : IDisposable
    {
        private readonly SqliteCommand _command;
        private readonly (SqliteParameter Parameter, IProperty Property, Func<object?, object?>? ToProvider)[] _columns;

        public TableInserter(IEntityType entityType, SqliteConnection connection, SqliteTransaction transaction)
        {
            var properties = entityType.GetProperties().ToArray();
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            _command.CommandText =
                $"INSERT INTO \"{entityType.GetTableName()}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""))}) " +
                $"VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})";
            _columns = properties.Select((property, i) =>
            {
                var parameter = _command.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                _command.Parameters.Add(parameter);
                var converter = property.GetTypeMapping().Converter;
                return (parameter, property, converter is null ? null : converter.ConvertToProvider);
            }).ToArray();
            _command.Prepare();
        }

        public void Insert(object entity)
        {
            foreach (var (parameter, property, toProvider) in _columns)
            {
                var value = property.GetGetter().GetClrValueUsingContainingEntity(entity);
                if (value is not null && toProvider is not null) value = toProvider(value);
                parameter.Value = value ?? DBNull.Value;
            }
            _command.ExecuteNonQuery();
        }

        public void Dispose() => _command.Dispose();
    }
}
