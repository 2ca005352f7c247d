using System.Reflection;
using BzPeer.Explorer.Data;
using Npgsql;
using Xunit.Sdk;

namespace BzPeer.Explorer.Tests;

/// <summary>Where the tests find a PostgreSQL server, and whether its absence skips the PostgreSQL cases or fails them.</summary>
public static class Postgres
{
    /// <summary>
    /// Environment variable with a connection string to a PostgreSQL server whose user may create databases; each test
    /// database is created from it under a name of its own and dropped afterwards. Unset, the PostgreSQL cases are skipped.
    /// </summary>
    public const string ServerVariable = "BZPEER_POSTGRES";

    /// <summary>Set to 1 (CI does) to make a missing server fail the PostgreSQL cases instead of skipping them.</summary>
    public const string RequireVariable = "BZPEER_REQUIRE_POSTGRES";

    /// <summary>Set to Postgres to run the app the hosting and browser tests start on PostgreSQL (CI runs the browser tests so too).</summary>
    public const string AppProviderVariable = "BZPEER_TEST_APP_PROVIDER";

    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } configured ? configured : null;

    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public static string? MissingReason => ServerConnectionString is null
        ? $"no PostgreSQL server configured (set {ServerVariable} to a connection string; .ci/run starts one)"
        : null;

    /// <summary>The provider of the app started by the hosting and browser tests.</summary>
    public static DatabaseProvider AppProvider => ExplorerDatabase.ParseProvider(Environment.GetEnvironmentVariable(AppProviderVariable));

    /// <summary>Creates an empty database of its own on the configured server and returns its connection string.</summary>
    public static string CreateDatabase(string name)
    {
        var server = ServerConnectionString ?? throw new InvalidOperationException(MissingReason);
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static void DropDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}

/// <summary>A case of a provider theory on SQLite; always runs.</summary>
public sealed class SqliteDataAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProvider.Sqlite]];
}

/// <summary>A case of a provider theory on PostgreSQL: skipped, with the reason, where no server is configured, unless one is required.</summary>
public sealed class PostgresDataAttribute : DataAttribute
{
    public PostgresDataAttribute()
    {
        if (Postgres.MissingReason is { } reason && !Postgres.IsRequired) Skip = reason;
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProvider.Postgres]];
}
