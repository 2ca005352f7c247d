using System.Text.RegularExpressions;
using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace BzPeer.Explorer.Data.Bulk;

/// <summary>
/// Rows for PostgreSQL, gathered per table and written with binary COPY, the bulk path: one COPY per table per
/// <see cref="RowsPerFlush"/> rows rather than one INSERT per row. A flush writes every table, parents before the
/// tables whose foreign keys point at them, so rows that refer to rows added earlier always find them. After a flush
/// the tables' identity sequences are moved past the keys written, so later inserts by EF get fresh keys.
/// COPY runs in the connection's open transaction.
/// </summary>
internal sealed partial class PostgresCopy(ExplorerDbContext db, NpgsqlConnection connection)
{
    private const int RowsPerFlush = 50_000;
    private readonly Dictionary<Type, Table> _tables = [];
    private readonly HashSet<Table> _written = [];
    private readonly Dictionary<(Type, string[]), (string Sql, Column[] Columns)> _updates = [];
    private int _gathered;

    public void Add(object entity)
    {
        var type = entity.GetType();
        if (!_tables.TryGetValue(type, out var table)) _tables.Add(type, table = new Table(EntityType(type)));
        table.Rows.Add(entity);
        if (++_gathered >= RowsPerFlush) Flush();
    }

    public void Flush()
    {
        if (_gathered == 0) return;
        foreach (var table in _tables.Values.OrderBy(t => t.Depth))
        {
            if (table.Rows.Count == 0) continue;
            using (var importer = connection.BeginBinaryImport(table.CopyCommand))
            {
                foreach (var row in table.Rows)
                {
                    importer.StartRow();
                    foreach (var column in table.Columns)
                    {
                        if (column.Value(row) is { } value) importer.Write(value, column.DataTypeName);
                        else importer.WriteNull();
                    }
                }
                importer.Complete();
            }
            table.Rows.Clear();
            _written.Add(table);
        }
        _gathered = 0;
        foreach (var table in _written.Where(t => t.IdentityColumn is not null)) MoveSequencePastKeys(table);
        _written.Clear();
    }

    /// <summary>Sets the named properties of the stored row with the entity's key, after writing what is gathered.</summary>
    public void Update(object entity, string[] propertyNames)
    {
        Flush();
        var entityType = EntityType(entity.GetType());
        if (!_updates.TryGetValue((entity.GetType(), propertyNames), out var update))
        {
            var set = propertyNames.Select(name => entityType.FindProperty(name)
                ?? throw new InvalidOperationException($"{entityType.ClrType.Name} has no property {name}.")).ToArray();
            IProperty[] columns = [.. set, .. entityType.FindPrimaryKey()!.Properties];
            var key = entityType.FindPrimaryKey()!.Properties;
            var sql = $"UPDATE \"{entityType.GetTableName()}\" SET {string.Join(", ", set.Select((p, i) => $"\"{p.GetColumnName()}\" = @p{i}"))} " +
                      $"WHERE {string.Join(" AND ", key.Select((p, i) => $"\"{p.GetColumnName()}\" = @p{set.Length + i}"))}";
            update = (sql, columns.Select(p => new Column(BulkWriter.ProviderValue(p), Table.TypeName(p.GetColumnType()))).ToArray());
            _updates.Add((entity.GetType(), propertyNames), update);
        }
        using var command = connection.CreateCommand();
        command.CommandText = update.Sql;
        for (var i = 0; i < update.Columns.Length; i++)
            command.Parameters.Add(new NpgsqlParameter($"p{i}", update.Columns[i].Value(entity) ?? DBNull.Value) { DataTypeName = update.Columns[i].DataTypeName });
        command.ExecuteNonQuery();
    }

    private void MoveSequencePastKeys(Table table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT setval(pg_get_serial_sequence('"{table.Name}"', '{table.IdentityColumn}'),
                          (SELECT COALESCE(MAX("{table.IdentityColumn}"), 0) + 1 FROM "{table.Name}"), false)
            """;
        command.ExecuteNonQuery();
    }

    private IEntityType EntityType(Type type) => db.Model.FindEntityType(type)
        ?? throw new InvalidOperationException($"{type.Name} is not in the model.");

    private sealed record Column(Func<object, object?> Value, string DataTypeName);

    private sealed class Table
    {
        public Table(IEntityType entityType)
        {
            Name = entityType.GetTableName()!;
            var properties = entityType.GetProperties().ToArray();
            Columns = properties.Select(p => new Column(BulkWriter.ProviderValue(p), TypeName(p.GetColumnType()))).ToArray();
            CopyCommand = $"COPY \"{Name}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""))}) FROM STDIN (FORMAT BINARY)";
            IdentityColumn = entityType.FindPrimaryKey() is { Properties: [{ ValueGenerated: ValueGenerated.OnAdd, ClrType: var keyType } key] } && keyType == typeof(int)
                ? key.GetColumnName() : null;
            Depth = BulkWriter.Depth(entityType);
        }

        public string Name { get; }
        public Column[] Columns { get; }
        public string CopyCommand { get; }
        public string? IdentityColumn { get; }
        public int Depth { get; }
        public List<object> Rows { get; } = [];

        /// <summary>The type name COPY is told, without a length: "character varying(300)" is written as "character varying".</summary>
        public static string TypeName(string columnType) => Facets().Replace(columnType, "");
    }

    [GeneratedRegex(@"\(\d+(,\s*\d+)?\)")]
    private static partial Regex Facets();
}
