using System.Net;
using BzPeer.Explorer.Cli;
using BzPeer.Explorer.Import;
using BzPeer.Explorer.Tests.Hosting;
using BzPeer.Explorer.Tests.Import;
using Microsoft.Data.Sqlite;

namespace BzPeer.Explorer.Tests.Operations;

/// <summary><c>backup --to FILE</c> on a database the running app is serving and another program is writing.</summary>
public class BackupCommandTests
{
    [Fact]
    public async Task A_backup_taken_while_the_app_serves_and_a_writer_writes_is_consistent_and_restores_to_a_working_app()
    {
        using var app = new ExplorerApp();
        app.Start();
        using var client = app.CreateHttpClient();
        using var files = new TemporaryFiles();
        var backup = Path.Combine(files.Folder, "copy.db");

        // A writer that keeps adding pairs of rows, n and -n, each pair in its own transaction: a consistent copy
        // holds whole pairs only.
        await using (var setup = new SqliteConnection(app.Database.ConnectionString))
        {
            await setup.OpenAsync();
            await using var create = setup.CreateCommand();
            create.CommandText = "CREATE TABLE BackupProbe (N INTEGER NOT NULL)";
            await create.ExecuteNonQueryAsync();
        }
        using var stop = new CancellationTokenSource();
        var (pairsWritten, pagesRead) = (0, 0);
        var writer = Task.Run(async () =>
        {
            await using var connection = new SqliteConnection(app.Database.ConnectionString + ";Default Timeout=30");
            await connection.OpenAsync();
            for (var n = 1; !stop.IsCancellationRequested; n++)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO BackupProbe VALUES ($n); INSERT INTO BackupProbe VALUES (-$n);";
                insert.Parameters.AddWithValue("$n", n);
                await insert.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                Interlocked.Increment(ref pairsWritten);
            }
        });
        var reader = Task.Run(async () =>
        {
            var failures = 0;
            while (!stop.IsCancellationRequested)
            {
                if ((await client.GetAsync("/researchers/meihao-kong")).StatusCode != HttpStatusCode.OK) failures++;
                Interlocked.Increment(ref pagesRead);
            }
            return failures;
        });
        // The backup runs while both are busy: started once each has done some work, ended only after each did more.
        await UntilAsync(() => Volatile.Read(ref pairsWritten) >= 20 && Volatile.Read(ref pagesRead) >= 3);

        var result = await Verbs.RunAsync("backup", "--db", app.Database.FilePath, "--to", backup);
        var (writtenThen, readThen) = (Volatile.Read(ref pairsWritten), Volatile.Read(ref pagesRead));
        await UntilAsync(() => Volatile.Read(ref pairsWritten) >= writtenThen + 20 && Volatile.Read(ref pagesRead) >= readThen + 3);
        await stop.CancelAsync();
        await writer;
        Assert.Equal(0, await reader);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Matches(@"^backed up .*explorer\.db to .*copy\.db \(\d+\.\d MB\) in \d+\.\d s$", result.LastLine);
        Assert.Equal("ok", DatabaseChecksum.IntegrityCheck(backup));
        await using (var copy = new SqliteConnection($"Data Source={backup};Pooling=False"))
        {
            await copy.OpenAsync();
            await using var pairs = copy.CreateCommand();
            pairs.CommandText = "SELECT COUNT(*), COALESCE(SUM(N), -1), COALESCE(SUM(N > 0), 0) FROM BackupProbe";
            await using var row = await pairs.ExecuteReaderAsync();
            await row.ReadAsync();
            Assert.True(row.GetInt64(0) > 0, "the writer had written before the backup started");
            Assert.Equal(0, row.GetInt64(1));
            Assert.Equal(row.GetInt64(0), 2 * row.GetInt64(2));
        }
        var live = DatabaseChecksum.Read(app.Database.FilePath);
        var copied = DatabaseChecksum.Read(backup);
        live.Remove("BackupProbe");
        copied.Remove("BackupProbe");
        Assert.Equal(live, copied);

        // Restore: the copy is the database of a new app.
        using var restoredFolder = new TemporaryFiles();
        var restored = Path.Combine(restoredFolder.Folder, "restored.db");
        File.Copy(backup, restored);
        using var restoredApp = new ExplorerApp(new Dictionary<string, string?> { ["ConnectionStrings:Explorer"] = $"Data Source={restored}" });
        restoredApp.Start();
        using var restoredClient = restoredApp.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await restoredClient.GetAsync("/healthz")).StatusCode);
        var page = await restoredClient.GetStringAsync("/researchers/meihao-kong");
        Assert.Contains("Meihao Kong", page);
        Assert.Contains("Playing Lottery Tickets in Style Transfer Models", page);
    }

    [Fact]
    public async Task Bad_arguments_and_an_existing_target_are_refused_and_change_nothing()
    {
        using var database = new TemporaryDatabase();
        await database.InitializeAsync();
        using var files = new TemporaryFiles();
        var existing = files.Write("taken.db", "keep me");

        var noTarget = await Verbs.RunAsync("backup", "--db", database.FilePath);
        var taken = await Verbs.RunAsync("backup", "--db", database.FilePath, "--to", existing);
        var noSource = await Verbs.RunAsync("backup", "--db", Path.Combine(files.Folder, "missing.db"), "--to", Path.Combine(files.Folder, "new.db"));
        var noFolder = await Verbs.RunAsync("backup", "--db", database.FilePath, "--to", Path.Combine(files.Folder, "no", "such", "folder", "x.db"));

        Assert.Equal(["error: backup: say where the copy goes with --to FILE (see backup --help)"], noTarget.Errors);
        Assert.Equal([$"error: backup: {existing} already exists; give a new file name"], taken.Errors);
        Assert.Equal("keep me", await File.ReadAllTextAsync(existing));
        Assert.Single(noSource.Errors);
        Assert.Contains("there is no database file to back up", noSource.Errors[0]);
        Assert.False(File.Exists(Path.Combine(files.Folder, "missing.db")));
        Assert.Contains("does not exist", Assert.Single(noFolder.Errors));
        Assert.Equal(ExitCodes.Usage, noTarget.ExitCode);
        Assert.All([taken, noSource, noFolder], r => Assert.Equal(ExitCodes.Failure, r.ExitCode));
        Assert.Equal(["taken.db"], Directory.GetFiles(files.Folder).Select(Path.GetFileName));
    }

    /// <summary>Waits, polling, until <paramref name="done"/> holds; fails after a minute.</summary>
    private static async Task UntilAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "the writer and the reader made no progress within a minute");
            await Task.Delay(20);
        }
    }
}
