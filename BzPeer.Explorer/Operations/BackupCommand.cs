using System.CommandLine;
using System.Diagnostics;
using BzPeer.Explorer.Cli;
using Microsoft.Data.Sqlite;

namespace BzPeer.Explorer.Operations;

/// <summary>
/// <c>backup --to FILE [--db FILE]</c>: a consistent copy of the database, taken with <c>VACUUM INTO</c> inside one
/// read transaction, so it can run while the app serves and writes (WAL lets both go on). The copy is written beside
/// the target under a temporary name, checked, and only then renamed, so a failed backup leaves no half file.
/// </summary>
public sealed class BackupCommand : IVerb
{
    public const string Verb = "backup";

    public string Details => """
        Writes a consistent copy of the database to FILE while the app may keep running. Restore by stopping the
        app and putting FILE in place of the database file (remove the old -wal and -shm files beside it). The copy
        runs at a lower CPU priority (nice 10), so the app keeps answering meanwhile.

        Exit code: 0 when the copy was written and checked; 64 for bad arguments; 1 when there is nothing to copy,
        the target exists, or the copy failed (nothing is then kept).
        """;

    private readonly Option<string> _to = new("--to") { HelpName = "FILE", Description = "where the copy goes; must not exist yet" };
    private readonly Option<string> _db = VerbDatabase.CreateOption("the database to copy (default: the configured ConnectionStrings:Explorer)");

    public BackupCommand()
    {
        Command = new Command(Verb, "Writes a consistent copy of the SQLite database while the app may keep running.") { _to, _db };
        Command.Require(_to, "say where the copy goes with --to FILE");
    }

    public Command Command { get; }

    public bool RunsInBackground => true;

    public async Task<int> RunAsync(ParseResult parse, VerbRun run, CancellationToken cancellationToken)
    {
        var output = run.Output;
        var to = parse.GetValue(_to)!;
        var (connectionString, source, what) = run.Database.SqliteFile();
        if (!File.Exists(source)) throw new VerbFailure($"{what}: there is no database file to back up");
        var target = InvocationDirectory.Full(to);
        if (File.Exists(target) || Directory.Exists(target))
            throw new VerbFailure($"{Verb}: {target} already exists; give a new file name");
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder)) throw new VerbFailure($"{Verb}: the folder {folder} does not exist");

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
                if (verdict != "ok") throw new VerbFailure($"{Verb}: the copy failed its check ({verdict}); nothing was kept");
            }
            File.Move(partial, target);
        }
        catch (SqliteException e)
        {
            throw new VerbFailure($"{Verb}: {what}: {VerbDatabase.Describe(e)}; nothing was kept");
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }

        var size = new FileInfo(target).Length;
        output.Line($"backed up {source} to {target} ({size / 1024.0 / 1024.0:0.0} MB) in {clock.Elapsed.TotalSeconds:0.0} s");
        return ExitCodes.Success;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
