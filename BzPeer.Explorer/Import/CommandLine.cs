using BzPeer.Explorer.Accounts.Claims;
using BzPeer.Explorer.Benchmarks;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Live;
using BzPeer.Explorer.Operations;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BzPeer.Explorer.Import;

/// <summary>
/// The app's command-line verbs: <c>import</c>, <c>fetch</c>, <c>generate</c>, <c>bench</c>, <c>add-reviewer</c> and <c>backup</c>. Each runs against the database, prints what it did
/// and exits: 0 when all went well, 2 when an import skipped bad records, 1 on bad arguments or a failure.
/// Without a verb the app starts as a web server.
/// </summary>
public static class CommandLine
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int SkippedBadInput = 2;

    public static bool IsVerb(string[] args) =>
        args.Length > 0 && args[0] is ImportCommand.Verb or FetchCommand.Verb or GenerateCommand.Verb or BenchCommand.Verb or AddReviewerCommand.Verb or BackupCommand.Verb;

    /// <summary>Runs the verb in <paramref name="args"/> on the console; Ctrl+C stops it, keeping what is committed.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupted.Cancel();
        };
        if (args[0] is ImportCommand.Verb or BackupCommand.Verb) BackgroundPriority.Lower();
        using var output = CommandOutput.ForConsole();
        return await RunAsync(args, output, configuration: null, interrupted.Token);
    }

    /// <param name="configuration">Where the database is configured when no --db is given; null reads it as the app does.</param>
    internal static async Task<int> RunAsync(string[] args, CommandOutput output, IConfiguration? configuration, CancellationToken cancellationToken)
    {
        try
        {
            return args[0] switch
            {
                ImportCommand.Verb => await ImportCommand.RunAsync(args[1..], output, configuration, cancellationToken),
                FetchCommand.Verb => await FetchCommand.RunAsync(args[1..], output, configuration, cancellationToken),
                GenerateCommand.Verb => await GenerateCommand.RunAsync(args[1..], output, configuration, cancellationToken),
                BenchCommand.Verb => await BenchCommand.RunAsync(args[1..], configuration, cancellationToken),
                AddReviewerCommand.Verb => await AddReviewerCommand.RunAsync(args),
                BackupCommand.Verb => await BackupCommand.RunAsync(args[1..], output, configuration, cancellationToken),
                _ => throw new ArgumentException($"Not a verb: {args[0]}", nameof(args)),
            };
        }
        catch (CommandLineException e)
        {
            output.Problem($"error: {e.Message}");
            return Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            output.Problem($"interrupted: {WhatStays(args[0])}");
            return Failure;
        }
        catch (SqliteException e)
        {
            output.Problem($"error: {args[0]} failed, database problem: {Describe(e)}; {WhatStays(args[0])}");
            return Failure;
        }
        catch (Exception e) when (e is DbException or IOException or InvalidOperationException)
        {
            output.Problem($"error: {args[0]} failed ({e.GetType().Name}: {e.Message}); {WhatStays(args[0])}");
            return Failure;
        }
    }

    private static string WhatStays(string verb) => verb == ImportCommand.Verb
        ? "batches committed before stay, the one in progress was not written (with --strict, nothing was)"
        : "nothing was written";

    /// <summary>
    /// Opens the database a verb works on, from --db (a SQLite file) or else the configured provider and connection
    /// string (resolved as the app resolves them), and applies the migrations. A path that is a folder, cannot be
    /// written, or holds something other than this app's database is refused with a one-line reason.
    /// </summary>
    internal static async Task<(IDbContextFactory<ExplorerDbContext> Factory, string Path)> OpenDatabaseAsync(
        string? dbOption, IConfiguration? configuration, CancellationToken cancellationToken) =>
        await OpenDatabaseAsync(dbOption, configuration, cancellationToken, out _);

    /// <inheritdoc cref="OpenDatabaseAsync(string?, IConfiguration?, CancellationToken)"/>
    internal static Task<(IDbContextFactory<ExplorerDbContext> Factory, string Path)> OpenDatabaseAsync(
        string? dbOption, IConfiguration? configuration, CancellationToken cancellationToken, out DatabaseLocation location)
    {
        configuration ??= AppConfiguration();
        if (dbOption is null)
        {
            try
            {
                location = ExplorerDatabase.Locate(configuration, Directory.GetCurrentDirectory());
            }
            catch (InvalidOperationException e)
            {
                throw new CommandLineException(e.Message);
            }
            if (location.Provider == DatabaseProvider.Postgres) return OpenPostgresAsync(location, cancellationToken);
        }
        var (connectionString, path, what) = ResolveDatabase(dbOption, configuration);
        location = new DatabaseLocation(DatabaseProvider.Sqlite, connectionString);
        return OpenSqliteAsync(connectionString, path, what, cancellationToken);
    }

    /// <summary>The provider the configuration names (Database:Provider), read as the app reads it.</summary>
    internal static DatabaseProvider ConfiguredProvider(IConfiguration? configuration)
    {
        try
        {
            return ExplorerDatabase.ConfiguredProvider(configuration ?? AppConfiguration());
        }
        catch (InvalidOperationException e)
        {
            throw new CommandLineException(e.Message);
        }
    }

    private static async Task<(IDbContextFactory<ExplorerDbContext> Factory, string Path)> OpenPostgresAsync(DatabaseLocation location, CancellationToken cancellationToken)
    {
        var what = $"{location.Describe()} (ConnectionStrings:{ExplorerDatabase.ConnectionStringName})";
        var factory = ExplorerDatabase.CreateFactory(location);
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            if (await HoldsOtherTablesAsync(db, cancellationToken))
                throw new CommandLineException($"{what}: a PostgreSQL database of something else (it has tables but no migrations of this app)");
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw new CommandLineException($"{what}: {e.Message}");
        }
        return (factory, location.Describe());
    }

    /// <summary>The connection string and file of the SQLite database a verb works on (from --db or the configuration), and how to name it in a message.</summary>
    internal static (string ConnectionString, string Path, string What) ResolveDatabase(string? dbOption, IConfiguration? configuration)
    {
        configuration ??= AppConfiguration();
        if (dbOption is null && ConfiguredProvider(configuration) == DatabaseProvider.Postgres)
            throw new CommandLineException("the configured database is PostgreSQL: this works on a SQLite file (for PostgreSQL use its own tools, such as pg_dump)");
        var connectionString = ResolveSqlite(dbOption, configuration);
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var what = dbOption is null ? $"{path} (ConnectionStrings:{ExplorerDatabase.ConnectionStringName})" : $"--db {dbOption}";
        return (connectionString, path, what);
    }

    private static string ResolveSqlite(string? dbOption, IConfiguration configuration)
    {
        var what = dbOption is null ? $"ConnectionStrings:{ExplorerDatabase.ConnectionStringName}" : $"--db {dbOption}";
        string connectionString;
        try
        {
            if (dbOption is not null)
            {
                connectionString = ExplorerDatabase.ResolveConnectionString(
                    new SqliteConnectionStringBuilder { DataSource = dbOption }.ToString(), InvocationDirectory());
            }
            else
            {
                connectionString = ExplorerDatabase.ResolveConnectionString(
                    configuration.GetConnectionString(ExplorerDatabase.ConnectionStringName), Directory.GetCurrentDirectory());
            }
        }
        catch (InvalidOperationException e)
        {
            throw new CommandLineException($"{what}: {e.Message}");
        }
        return connectionString;
    }

    private static async Task<(IDbContextFactory<ExplorerDbContext> Factory, string Path)> OpenSqliteAsync(
        string connectionString, string path, string what, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path)) throw new CommandLineException($"{what}: is a folder, not a database file");
        var factory = ExplorerDatabase.CreateFactory(connectionString);
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            if (await HoldsOtherTablesAsync(db, cancellationToken))
                throw new CommandLineException($"{what}: a SQLite database of something else (it has tables but no migrations of this app)");
            await db.Database.MigrateAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }
        catch (SqliteException e)
        {
            throw new CommandLineException($"{what}: {Describe(e)}");
        }
        return (factory, path);
    }

    /// <summary>
    /// The folder relative paths on the command line are taken from: the current one, except under <c>dotnet run</c>,
    /// which starts the app in its project folder; there the shell's PWD still names the folder the command was typed in.
    /// </summary>
    internal static string InvocationDirectory()
    {
        var current = Directory.GetCurrentDirectory();
        var shell = Environment.GetEnvironmentVariable("PWD");
        var startedInProjectFolder = File.Exists(Path.Combine(current, "BzPeer.Explorer.csproj"));
        return startedInProjectFolder && shell is not null && Path.IsPathFullyQualified(shell) && Directory.Exists(shell) ? shell : current;
    }

    /// <summary>Paths as given, made absolute when they are relative to a folder other than the current one.</summary>
    internal static List<string> FromInvocationDirectory(IEnumerable<string> paths)
    {
        var from = InvocationDirectory();
        return from == Directory.GetCurrentDirectory() ? paths.ToList() : paths.Select(p => Path.GetFullPath(p, from)).ToList();
    }

    /// <summary>The app's configuration as the web host reads it: appsettings(.{environment}).json under the content root, then the environment.</summary>
    internal static IConfiguration AppConfiguration()
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production;
        return new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
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

    internal static string Describe(SqliteException e) => e.SqliteErrorCode switch
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

    /// <summary>The arguments of a verb: --name value options, --flag switches, and the rest in order.</summary>
    internal sealed class Arguments
    {
        private readonly Dictionary<string, string> _options = [];
        private readonly HashSet<string> _switches = [];

        public Arguments(string verb, string[] args, string[] optionNames, string[] switchNames)
        {
            for (var i = 0; i < args.Length; i++)
            {
                var arg = args[i];
                if (arg is "--help" or "-h" or "-?") _switches.Add("--help");
                else if (optionNames.Contains(arg))
                {
                    if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                        throw new CommandLineException($"{verb}: {arg} needs a value (see {verb} --help)");
                    _options[arg] = args[++i];
                }
                else if (switchNames.Contains(arg)) _switches.Add(arg);
                else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
                    throw new CommandLineException($"{verb}: unknown option {arg} (see {verb} --help)");
                else Positional.Add(arg);
            }
        }

        public List<string> Positional { get; } = [];

        public bool Has(string name) => _switches.Contains(name);

        public string? Option(string name) => _options.GetValueOrDefault(name);
    }
}

/// <summary>Bad arguments or an unusable database: reported as one line, exit code 1.</summary>
internal sealed class CommandLineException(string message) : Exception(message);
