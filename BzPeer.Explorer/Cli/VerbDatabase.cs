using System.CommandLine;
using BzPeer.Explorer.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BzPeer.Explorer.Cli;

/// <summary>
/// The database a verb works on: the SQLite file named by its <c>--db FILE</c>, or else the configured provider and
/// connection string, resolved as the app resolves them (the host's <see cref="DatabaseLocation"/>). A path that is a
/// folder, cannot be written, or holds something other than this app's database is refused with a one-line reason.
/// </summary>
public sealed class VerbDatabase(IServiceProvider services, string? dbOption)
{
    public const string OptionName = "--db";

    /// <summary>The <c>--db FILE</c> option; every verb that works on a database takes it.</summary>
    public static Option<string> CreateOption(string description) => new(OptionName) { HelpName = "FILE", Description = description };

    /// <summary>The settings that point a verb's host at the --db file (taken from the folder the command was run in).</summary>
    public static IReadOnlyDictionary<string, string?> SettingsFor(string? dbOption) => dbOption is null
        ? new Dictionary<string, string?>()
        : new Dictionary<string, string?>
        {
            [ExplorerDatabase.ProviderSetting] = nameof(DatabaseProvider.Sqlite),
            [$"ConnectionStrings:{ExplorerDatabase.ConnectionStringName}"] =
                new SqliteConnectionStringBuilder { DataSource = InvocationDirectory.Full(dbOption) }.ToString(),
        };

    /// <summary>The --db value as given, or null for the configured database.</summary>
    public string? Option => dbOption;

    /// <summary>The provider and connection string; a setting that makes no sense stops the verb with its reason.</summary>
    public DatabaseLocation Location
    {
        get
        {
            try
            {
                return services.GetRequiredService<DatabaseLocation>();
            }
            catch (InvalidOperationException e)
            {
                throw new VerbFailure(dbOption is null ? e.Message : $"--db {dbOption}: {e.Message}");
            }
        }
    }

    /// <summary>How to name the database in a message.</summary>
    public string Describe() => dbOption is null ? $"{Location.Describe()} (ConnectionStrings:{ExplorerDatabase.ConnectionStringName})" : $"--db {dbOption}";

    /// <summary>The SQLite file a verb that works on files works on (backup, bench's size); PostgreSQL is refused with the tool to use.</summary>
    public (string ConnectionString, string Path, string What) SqliteFile()
    {
        var location = Location;
        if (location.Provider == DatabaseProvider.Postgres)
            throw new VerbFailure("the configured database is PostgreSQL: this works on a SQLite file (for PostgreSQL use its own tools, such as pg_dump)");
        return (location.ConnectionString, location.Describe(), Describe());
    }

    /// <summary>Opens the database, refuses one of something else, and applies the migrations; returns its factory and how to name it.</summary>
    public async Task<(IDbContextFactory<ExplorerDbContext> Factory, string Path)> OpenAsync(CancellationToken cancellationToken)
    {
        var location = Location;
        var what = Describe();
        var factory = services.GetRequiredService<IDbContextFactory<ExplorerDbContext>>();
        if (location.Provider == DatabaseProvider.Sqlite && Directory.Exists(location.Describe()))
            throw new VerbFailure($"{what}: is a folder, not a database file");
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            if (await HoldsOtherTablesAsync(db, cancellationToken))
                throw new VerbFailure($"{what}: a {(db.IsPostgres ? "PostgreSQL" : "SQLite")} database of something else (it has tables but no migrations of this app)");
            await db.Database.MigrateAsync(cancellationToken);
            if (!db.IsPostgres) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }
        catch (SqliteException e)
        {
            throw new VerbFailure($"{what}: {Describe(e)}");
        }
        catch (NpgsqlException e)
        {
            throw new VerbFailure($"{what}: {e.Message}");
        }
        return (factory, location.Describe());
    }

    private static async Task<bool> HoldsOtherTablesAsync(ExplorerDbContext db, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = db.IsPostgres
            ? """
              SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema())
                 AND NOT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '__EFMigrationsHistory')
              """
            : """
              SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%')
                 AND NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory')
              """;
        return Convert.ToBoolean(await command.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>A SQLite error in words a person acting on it understands.</summary>
    public static string Describe(SqliteException e) => e.SqliteErrorCode switch
    {
        26 => "not a SQLite database",
        14 => "cannot be opened or created here",
        8 => "read-only: the database cannot be written",
        5 or 6 => "locked by another program",
        13 => "full: no room left on the disk",
        10 when e.SqliteExtendedErrorCode == 778 => "could not write to the disk (no room left, or over the file size limit)",
        10 => "disk I/O error while reading or writing it",
        _ => e.Message.Replace("SQLite Error " + e.SqliteErrorCode + ": ", "", StringComparison.Ordinal),
    };
}
