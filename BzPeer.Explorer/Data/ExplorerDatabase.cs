using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using System.Data.Common;

namespace BzPeer.Explorer.Data;

/// <summary>The resolved connection string of the app's database.</summary>
public sealed record DatabaseLocation(string ConnectionString);

/// <summary>Where the database lives and how every connection to it is set up.</summary>
public static class ExplorerDatabase
{
    public const string ConnectionStringName = "Explorer";
    public const string DefaultConnectionString = "Data Source=data/bzpeer.db";

    /// <summary>
    /// Registers a pooled context factory (one short-lived context per operation). The connection string is read
    /// when first needed, so every configuration source, including a test host's, is in place by then.
    /// </summary>
    public static IServiceCollection AddExplorerDatabase(this IServiceCollection services)
    {
        services.AddSingleton(provider => new DatabaseLocation(ResolveConnectionString(
            provider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName),
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        services.AddPooledDbContextFactory<ExplorerDbContext>((provider, options) =>
            Configure(options, provider.GetRequiredService<DatabaseLocation>().ConnectionString));
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }

    /// <summary>A context factory outside the web host (command-line verbs, tests).</summary>
    public static IDbContextFactory<ExplorerDbContext> CreateFactory(string connectionString)
    {
        var options = new DbContextOptionsBuilder<ExplorerDbContext>();
        Configure(options, connectionString);
        return new PooledDbContextFactory<ExplorerDbContext>(options.Options);
    }

    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(30))
            .AddInterceptors(ConnectionPragmas.Instance)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);

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

    /// <summary>Per-connection settings SQLite does not keep in the file: wait for a busy writer instead of failing at once.</summary>
    private sealed class ConnectionPragmas : DbConnectionInterceptor
    {
        public static readonly ConnectionPragmas Instance = new();
        private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }
}
