using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using System.Data.Common;

namespace BzPeer.Explorer.Data;

/// <summary>Which database engine holds the app's data (setting <c>Database:Provider</c>).</summary>
public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>The engine and resolved connection string of the app's database.</summary>
public sealed record DatabaseLocation(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>Where to show the database in messages: the SQLite file, or host/database for PostgreSQL (never the password).</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite) return new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var postgres = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {postgres.Host}:{postgres.Port}/{postgres.Database}";
    }
}

/// <summary>Where the database lives and how every connection to it is set up.</summary>
public static class ExplorerDatabase
{
    public const string ConnectionStringName = "Explorer";
    public const string ProviderSetting = "Database:Provider";
    public const string DefaultConnectionString = "Data Source=data/bzpeer.db";

    /// <summary>
    /// Registers a pooled context factory (one short-lived context per operation). The provider and connection string
    /// are read when first needed, so every configuration source, including a test host's, is in place by then.
    /// </summary>
    public static IServiceCollection AddExplorerDatabase(this IServiceCollection services)
    {
        services.AddSingleton(provider => Locate(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton(provider => CreateFactory(
            provider.GetRequiredService<DatabaseLocation>(), provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(provider => new DatabaseInitializer(
            provider.GetRequiredService<IDbContextFactory<ExplorerDbContext>>(), provider.GetRequiredService<ILogger<DatabaseInitializer>>(),
            provider.GetRequiredService<IConfiguration>().GetValue(DatabaseInitializer.MigrateSetting, defaultValue: true)));
        return services;
    }

    /// <summary>The configured provider and connection string, checked; a relative SQLite path is taken from <paramref name="contentRoot"/>.</summary>
    public static DatabaseLocation Locate(IConfiguration configuration, string contentRoot)
    {
        var provider = ParseProvider(configuration[ProviderSetting]);
        var configured = configuration.GetConnectionString(ConnectionStringName);
        return new DatabaseLocation(provider, provider == DatabaseProvider.Sqlite
            ? ResolveConnectionString(configured, contentRoot)
            : CheckPostgresConnectionString(configured));
    }

    /// <summary>The configured provider; an unknown name is an error naming the setting.</summary>
    public static DatabaseProvider ConfiguredProvider(IConfiguration configuration) => ParseProvider(configuration[ProviderSetting]);

    public static DatabaseProvider ParseProvider(string? configured) => configured?.Trim() switch
    {
        null or "" => DatabaseProvider.Sqlite,
        var text when text.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) => DatabaseProvider.Sqlite,
        var text when text.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || text.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"{ProviderSetting} is \"{configured}\"; expected Sqlite (the default) or Postgres."),
    };

    /// <summary>A context factory outside the web host (command-line verbs, tests).</summary>
    public static IDbContextFactory<ExplorerDbContext> CreateFactory(string connectionString) =>
        CreateFactory(new DatabaseLocation(DatabaseProvider.Sqlite, connectionString));

    /// <summary>
    /// A pooled factory for the provider. PostgreSQL has its own context type, which carries its own migrations; both
    /// share the model, so the app asks for <see cref="ExplorerDbContext"/> whichever it is.
    /// </summary>
    public static IDbContextFactory<ExplorerDbContext> CreateFactory(DatabaseLocation location, ILoggerFactory? loggerFactory = null)
    {
        if (location.Provider == DatabaseProvider.Sqlite)
        {
            var options = new DbContextOptionsBuilder<ExplorerDbContext>();
            Configure(options, location.ConnectionString);
            if (loggerFactory is not null) options.UseLoggerFactory(loggerFactory);
            return new PooledDbContextFactory<ExplorerDbContext>(options.Options);
        }
        var postgres = new DbContextOptionsBuilder<PostgresExplorerDbContext>();
        ConfigurePostgres(postgres, location.ConnectionString);
        if (loggerFactory is not null) postgres.UseLoggerFactory(loggerFactory);
        return new PostgresContextFactory(new PooledDbContextFactory<PostgresExplorerDbContext>(postgres.Options));
    }

    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(30))
            .AddInterceptors(ConnectionPragmas.Instance)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);

    public static void ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.CommandTimeout(300))
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);

    /// <summary>Checks a PostgreSQL connection string names a host and a database.</summary>
    public static string CheckPostgresConnectionString(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
            throw new InvalidOperationException(
                $"{ProviderSetting} is Postgres but ConnectionStrings:{ConnectionStringName} is not set. " +
                "Expected something like \"Host=db.example.org;Database=bzpeer;Username=bzpeer;Password=…\".");
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(configured);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not a valid PostgreSQL connection string ({e.Message}).", e);
        }
        if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} must name a Host and a Database for PostgreSQL.");
        return builder.ConnectionString;
    }

    private sealed class PostgresContextFactory(IDbContextFactory<PostgresExplorerDbContext> inner) : IDbContextFactory<ExplorerDbContext>
    {
        public ExplorerDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<ExplorerDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }

    /// <summary>
    /// Checks the configured connection string and makes a relative file path absolute under the content root,
    /// creating its folder, so the same setting works whatever the working directory.
    /// </summary>
    public static string ResolveConnectionString(string? configured, string contentRoot)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not a valid SQLite connection string ({e.Message}). " +
                $"Expected something like \"{DefaultConnectionString}\".", e);
        }

        var dataSource = builder.DataSource;
        if (string.IsNullOrWhiteSpace(dataSource))
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} names no database file (Data Source is empty).");

        var inMemory = dataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory;
        if (!inMemory && !dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var path = Path.GetFullPath(Path.IsPathRooted(dataSource) ? dataSource : Path.Combine(contentRoot, dataSource));
            var folder = Path.GetDirectoryName(path)!;
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"Cannot create the database folder {folder}: {e.Message}", e);
            }
            builder.DataSource = path;
        }
        return builder.ToString();
    }

    /// <summary>
    /// Per-connection settings SQLite does not keep in the file: wait for a busy writer instead of failing at once. Set
    /// once per SQLite connection: a pooled one keeps them, and a graph slice is only a dozen statements.
    /// </summary>
    private sealed class ConnectionPragmas : DbConnectionInterceptor
    {
        public static readonly ConnectionPragmas Instance = new();
        private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";
        private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            if (connection is SqliteConnection { Handle: { } handle } && !Configured.TryAdd(handle, Instance)) return;
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }
}
