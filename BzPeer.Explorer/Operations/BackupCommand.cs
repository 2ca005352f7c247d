using System.Diagnostics;
using BzPeer.Explorer.Import;
using Microsoft.Data.Sqlite;

namespace BzPeer.Explorer.Operations;

/// <summary>
/// <c>backup --to FILE [--db FILE]</c>: a consistent copy of the database, taken with <c>VACUUM INTO</c> inside one
/// read transaction, so it can run while the app serves and writes (WAL lets both go on). The copy is written beside
/// the target under a temporary name, checked, and only then renamed, so a failed backup leaves no half file.
/// </summary>
public static class BackupCommand
{
    public const string Verb = "backup";

    public const string Help = """
        Usage: backup --to FILE [--db FILE]

        Writes a consistent copy of the database to FILE while the app may keep running. Restore by stopping the
        app and putting FILE in place of the database file (remove the old -wal and -shm files beside it). The copy
        runs at a lower CPU priority (nice 10), so the app keeps answering meanwhile.
          --to FILE   where the copy goes; must not exist yet
          --db FILE   the database to copy (default: the configured ConnectionStrings:Explorer)
        """;

    internal static async Task<int> RunAsync(string[] args, CommandOutput output, IConfiguration? configuration, CancellationToken cancellationToken)
    {
        var arguments = new CommandLine.Arguments(Verb, args, optionNames: ["--to", "--db"], switchNames: []);
        if (arguments.Has("--help"))
        {
            output.Line(Help);
            return CommandLine.Success;
        }
        if (arguments.Positional.Count > 0)
            throw new CommandLineException($"{Verb}: unexpected argument {arguments.Positional[0]} (see {Verb} --help)");
        var to = arguments.Option("--to") ?? throw new CommandLineException($"{Verb}: say where the copy goes with --to FILE (see {Verb} --help)");

        var (connectionString, source, what) = CommandLine.ResolveDatabase(arguments.Option("--db"), configuration);
        if (!File.Exists(source)) throw new CommandLineException($"{what}: there is no database file to back up");
        var target = Path.GetFullPath(to, CommandLine.InvocationDirectory());
        if (File.Exists(target) || Directory.Exists(target))
            throw new CommandLineException($"{Verb}: {target} already exists; give a new file name");
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder)) throw new CommandLineException($"{Verb}: the folder {folder} does not exist");

        var partial = Path.Combine(folder, $".{Path.GetFileName(target)}.{Environment.ProcessId}.partial");
        var clock = Stopwatch.StartNew();
        try
        {
            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString)
                         { Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString()))
            {
                await connection.OpenAsync(cancellationToken);
                await ExecuteAsync(connection, "PRAGMA busy_timeout = 10000;", cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "VACUUM INTO $target";
                command.Parameters.AddWithValue("$target", partial);
                command.CommandTimeout = 0;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            {
                await copy.OpenAsync(cancellationToken);
                await using var check = copy.CreateCommand();
                check.CommandText = "PRAGMA quick_check;";
                var verdict = (string?)await check.ExecuteScalarAsync(cancellationToken);
                if (verdict != "ok") throw new CommandLineException($"{Verb}: the copy failed its check ({verdict}); nothing was kept");
            }
            File.Move(partial, target);
        }
        catch (SqliteException e)
        {
            throw new CommandLineException($"{Verb}: {what}: {CommandLine.Describe(e)}; nothing was kept");
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }

        var size = new FileInfo(target).Length;
        output.Line($"backed up {source} to {target} ({size / 1024.0 / 1024.0:0.0} MB) in {clock.Elapsed.TotalSeconds:0.0} s");
        return CommandLine.Success;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
