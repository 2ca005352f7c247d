using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BzPeer.Explorer.Cli;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Data.Bulk;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace BzPeer.Explorer.Tests.Import;

/// <summary>The real OpenAlex records in ../shared/openalex/ beside the repository (CC0; see SOURCES.md there).</summary>
public static class SharedOpenAlex
{
    public static string Folder { get; } = Locate();

    public static string SampleWorks => Path.Combine(Folder, "api-works", "sample_works.json");
    public static string Snapshot => Path.Combine(Folder, "snapshot");

    /// <summary>The sample works, each as its own JSON object.</summary>
    public static List<JsonObject> SampleWorkRecords() =>
        JsonNode.Parse(File.ReadAllText(SampleWorks))!.AsArray().Select(w => w!.AsObject()).ToList();

    private static string Locate()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (!File.Exists(Path.Combine(folder.FullName, "BzPeer.sln"))) continue;
            var shared = Path.GetFullPath(Path.Combine(folder.FullName, "..", "shared", "openalex"));
            return Directory.Exists(shared)
                ? shared
                : throw new DirectoryNotFoundException($"The shared OpenAlex records are expected at {shared} (the repository is checked out beside shared/).");
        }
        throw new DirectoryNotFoundException($"No BzPeer.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>What a verb printed and returned.</summary>
public sealed record VerbResult(int ExitCode, IReadOnlyList<string> Output, IReadOnlyList<string> Errors)
{
    public string LastLine => Output.Count > 0 ? Output[^1] : "";

    /// <summary>The numbers of the closing summary line, by name.</summary>
    public Dictionary<string, int> Summary() => LastLine.Split(' ').Skip(1)
        .Select(part => part.Split('=')).ToDictionary(pair => pair[0], pair => int.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture));

    public override string ToString() => $"exit {ExitCode}\n{string.Join('\n', Output)}\n-- errors --\n{string.Join('\n', Errors)}";
}

public static class Verbs
{
    /// <summary>Runs a verb in this process, as the app's entry point would, without a console or a progress line.</summary>
    public static async Task<VerbResult> RunAsync(params string[] args) => await RunAsync(new ConfigurationBuilder().Build(), args);

    public static async Task<VerbResult> RunAsync(IConfiguration configuration, params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        int exitCode;
        using (var console = new CommandOutput(output, errors, showProgress: false))
            exitCode = await ExplorerHost.RunVerbAsync(args, console, configuration, CancellationToken.None);
        return new VerbResult(exitCode, Lines(output), Lines(errors));
    }

    /// <summary>Imports into the database: with --db for a SQLite file, through the configuration for PostgreSQL.</summary>
    public static Task<VerbResult> ImportAsync(TemporaryDatabase database, params string[] paths) =>
        database.Provider == DatabaseProvider.Sqlite
            ? RunAsync(["import", .. paths, "--db", database.FilePath])
            : RunAsync(ConfigurationOf(database), ["import", .. paths]);

    /// <summary>The app's settings that point at <paramref name="database"/>.</summary>
    public static IConfiguration ConfigurationOf(TemporaryDatabase database) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(), ["ConnectionStrings:Explorer"] = database.ConnectionString,
        })
        .Build();

    private static List<string> Lines(StringWriter writer) =>
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
}

/// <summary>Input files written by a test into its own temporary folder.</summary>
public sealed class TemporaryFiles : IDisposable
{
    public TemporaryFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "bzpeer-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string WriteGzip(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(text));
        return path;
    }

    /// <summary>One record per line.</summary>
    public string WriteJsonLines(string name, IEnumerable<JsonNode> records) =>
        Write(name, string.Join('\n', records.Select(r => r.ToJsonString())) + "\n");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Small OpenAlex-shaped records for tests; their ids are made up and used only in test databases.</summary>
public static class TestRecords
{
    public static JsonObject Work(string id, string title, string updated = "2024-01-01", IEnumerable<JsonObject>? authors = null,
        IEnumerable<string>? references = null, int year = 2020) => new()
    {
        ["id"] = $"https://openalex.org/{id}",
        ["title"] = title,
        ["type"] = "article",
        ["publication_year"] = year,
        ["updated_date"] = updated,
        ["cited_by_count"] = 3,
        ["authorships"] = new JsonArray((authors ?? []).Select((a, i) => (JsonNode)new JsonObject
        {
            ["author_position"] = i == 0 ? "first" : "middle",
            ["author"] = a.DeepClone(),
            ["institutions"] = new JsonArray(),
        }).ToArray()),
        ["referenced_works"] = new JsonArray((references ?? []).Select(r => (JsonNode)JsonValue.Create($"https://openalex.org/{r}")).ToArray()),
    };

    public static JsonObject Author(string id, string name) => new() { ["id"] = $"https://openalex.org/{id}", ["display_name"] = name };

    public static JsonObject WithInstitution(JsonObject work, int authorIndex, string institutionId, string name)
    {
        work["authorships"]![authorIndex]!["institutions"] = new JsonArray(new JsonObject
        {
            ["id"] = $"https://openalex.org/{institutionId}", ["display_name"] = name,
        });
        return work;
    }
}

/// <summary>Every row of every table, in a stable order: two equal dumps mean two databases with the same content.</summary>
public static class DatabaseContent
{
    public static async Task<string> DumpAsync(TemporaryDatabase database)
    {
        await using var connection = Open(database);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = database.Provider == DatabaseProvider.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add(string.Join('|', values.Select(v => v is string[] items ? string.Join(';', items)
                    : v is NpgsqlTypes.NpgsqlTsVector vector ? vector.ToString()
                    : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
            }
            rows.Sort(StringComparer.Ordinal);
            dump.Append(table).Append(" (").Append(rows.Count).Append(")\n");
            foreach (var row in rows) dump.Append(row).Append('\n');
        }
        return dump.ToString();
    }

    /// <summary>Derived tables kept up to date incrementally must equal what a full rebuild computes from the same rows.</summary>
    public static async Task AssertDerivedDataMatchesARebuildAsync(TemporaryDatabase database)
    {
        var incremental = await DumpAsync(database);
        await using (var db = database.CreateContext())
            await DerivedData.RebuildAsync(db, CancellationToken.None);
        Assert.Equal(await DumpAsync(database), incremental);
    }

    public static async Task<long> CountAsync(TemporaryDatabase database, string sql)
    {
        await using var connection = Open(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static System.Data.Common.DbConnection Open(TemporaryDatabase database) => database.Provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(database.ConnectionString)
        : new Npgsql.NpgsqlConnection(database.ConnectionString);
}
