using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace BzPeer.Explorer.Tests;

/// <summary>
/// What a database holds, table by table: its row count and a checksum of every row's values (order-independent),
/// so two databases can be compared for "exactly the same content". The search index's own tables are left out: they
/// index the content tables, and their internal layout depends on the order rows were written in.
/// </summary>
public static class DatabaseChecksum
{
    public static SortedDictionary<string, (long Rows, string Checksum)> Read(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = """
                SELECT name FROM sqlite_master
                WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'
                  AND name NOT LIKE '%Search_data' AND name NOT LIKE '%Search_idx' AND name NOT LIKE '%Search_docsize'
                  AND name NOT LIKE '%Search_config' AND name NOT LIKE '%Search_content'
                ORDER BY name
                """;
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }

        var content = new SortedDictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var rows = new List<string>();
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    row.Append(value is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append('\u001f');
                }
                rows.Add(row.ToString());
            }
            rows.Sort(StringComparer.Ordinal);
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows))));
            content[table] = (rows.Count, hash);
        }
        return content;
    }

    /// <summary>"ok" when SQLite finds nothing wrong with the file.</summary>
    public static string IntegrityCheck(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        return (string)check.ExecuteScalar()!;
    }
}
