using System.Net;
using BzPeer.Explorer.Cli;
using BzPeer.Explorer.Import;
using BzPeer.Explorer.Import.OpenAlex;
using BzPeer.Explorer.Tests.Hosting;
using BzPeer.Explorer.Tests.Import;
using Microsoft.Data.Sqlite;

namespace BzPeer.Explorer.Tests.Faults;

/// <summary>The input every test here imports, and the database a clean, uninterrupted import of it gives.</summary>
public sealed class CleanImport : IAsyncLifetime
{
    public const int Copies = 120;
    public const int Works = 100 + Copies * 100;
    private readonly TemporaryFiles _files = new();
    private readonly TemporaryDatabase _database = new();

    public string[] Inputs { get; private set; } = [];

    public SortedDictionary<string, (long Rows, string Checksum)> Content { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Inputs = [SharedOpenAlex.SampleWorks, LargeImportInput.Write(_files, Copies)];
        var result = await Verbs.ImportAsync(_database, Inputs);
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Content = DatabaseChecksum.Read(_database.FilePath);
        Assert.Equal(Works, Content["Works"].Rows);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        _files.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Imports that meet a crash, a full disk, a read-only file or another writer.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class ImportFaultTests(CleanImport clean) : IClassFixture<CleanImport>
{
    [Fact]
    public async Task An_import_killed_half_way_and_run_again_leaves_exactly_the_database_a_clean_import_gives()
    {
        using var database = new TemporaryDatabase();
        using (var import = ImportProcess.Start(database.FilePath, clean.Inputs))
        {
            await WaitForWorksAsync(database, import, atLeast: 2 * OpenAlexImporter.DefaultBatchSize);
            import.Kill();
            await import.WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal("ok", DatabaseChecksum.IntegrityCheck(database.FilePath));
        var left = DatabaseChecksum.Read(database.FilePath)["Works"].Rows;
        Assert.True(left >= 2 * OpenAlexImporter.DefaultBatchSize && left < CleanImport.Works, $"the kill came half-way: {left} of {CleanImport.Works} works");

        var rerun = await Verbs.ImportAsync(database, clean.Inputs);

        Assert.True(rerun.ExitCode == ExitCodes.Success, rerun.ToString());
        Assert.Equal(clean.Content, DatabaseChecksum.Read(database.FilePath));
    }

    [Fact]
    public async Task A_full_disk_stops_the_import_with_a_clear_error_and_after_room_is_made_a_rerun_completes_it()
    {
        using var database = new TemporaryDatabase();
        // Small enough that the disk fills while batches are written, in the bulk mode too (this input into an empty
        // database is loaded in bulk, whose rows take less room until its indexes are built at the end).
        using (var import = ImportProcess.Start(database.FilePath, clean.Inputs, fileSizeLimitKb: 3 * 1024))
        {
            var exitCode = await import.WaitAsync(TimeSpan.FromMinutes(3));
            Assert.True(exitCode == ExitCodes.Failure, import.Output);
            Assert.True(import.Output.Contains("error: import failed, database problem: could not write to the disk (no room left, or over the file size limit); batches committed before stay", StringComparison.Ordinal), import.Output);
            Assert.DoesNotContain("Unhandled exception", import.Output);
        }

        Assert.Equal("ok", DatabaseChecksum.IntegrityCheck(database.FilePath));
        Assert.True(DatabaseChecksum.Read(database.FilePath)["Works"].Rows < CleanImport.Works);

        var rerun = await Verbs.ImportAsync(database, clean.Inputs);

        Assert.True(rerun.ExitCode == ExitCodes.Success, rerun.ToString());
        Assert.Equal(clean.Content, DatabaseChecksum.Read(database.FilePath));
    }

    [Fact]
    public async Task An_import_into_a_database_another_program_is_writing_fails_clearly_changes_nothing_and_the_app_keeps_serving()
    {
        using var app = new ExplorerApp();
        app.Start();
        using var client = app.CreateHttpClient();
        var before = DatabaseChecksum.Read(app.Database.FilePath);

        await using var otherWriter = new SqliteConnection(app.Database.ConnectionString);
        await otherWriter.OpenAsync();
        await using (var begin = otherWriter.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        var import = Verbs.ImportAsync(app.Database, SharedOpenAlex.SampleWorks);
        while (!import.IsCompleted)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/researchers/meihao-kong")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/search?q=lottery")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
            await Task.Delay(200);
        }
        var result = await import;
        await using (var rollback = otherWriter.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("locked by another program", Assert.Single(result.Errors));
        Assert.Equal(before, DatabaseChecksum.Read(app.Database.FilePath));
    }

    [Fact]
    public async Task An_import_into_a_read_only_database_fails_clearly_changes_nothing_and_the_app_still_serves_it()
    {
        using var database = new TemporaryDatabase();
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Explorer"] = database.ConnectionString };
        // The app has served from the file before it became read-only (so its sign-in keys are already stored there).
        using (var writable = new ExplorerApp(settings))
        {
            writable.Start();
            using var client = writable.CreateHttpClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/researchers/meihao-kong")).StatusCode);
        }
        SqliteConnection.ClearAllPools();
        var before = DatabaseChecksum.Read(database.FilePath);

        using (ReadOnlyFile.Make(database.FilePath))
        {
            var result = await Verbs.ImportAsync(database, SharedOpenAlex.SampleWorks);

            Assert.Equal(ExitCodes.Failure, result.ExitCode);
            Assert.Contains("read-only: the database cannot be written", Assert.Single(result.Errors));

            using var app = new ExplorerApp(settings);
            app.Start();
            using var client = app.CreateHttpClient();
            var page = await client.GetAsync("/researchers/meihao-kong");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Playing Lottery Tickets in Style Transfer Models", await page.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/search?q=lottery")).StatusCode);
            SqliteConnection.ClearAllPools();
        }
        Assert.Equal(before, DatabaseChecksum.Read(database.FilePath));
    }

    /// <summary>Waits until the import has committed at least <paramref name="atLeast"/> works, reading as another program would.</summary>
    [Fact]
    public async Task An_import_runs_at_a_lower_cpu_priority_so_the_app_beside_it_keeps_answering()
    {
        using var database = new TemporaryDatabase();
        using var import = ImportProcess.Start(database.FilePath, clean.Inputs);
        await WaitForWorksAsync(database, import, atLeast: OpenAlexImporter.DefaultBatchSize);

        var threads = Directory.GetDirectories($"/proc/{import.Id}/task");
        var nice = threads.Select(thread => File.ReadAllText(Path.Combine(thread, "stat")))
            .Select(stat => int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(nice, value => Assert.Equal(BackgroundPriority.Nice, value));
        Assert.True(threads.Length > 1);
        Assert.Equal(ExitCodes.Success, await import.WaitAsync(TimeSpan.FromMinutes(3)));
    }

    private static async Task WaitForWorksAsync(TemporaryDatabase database, ImportProcess import, int atLeast)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(import.HasExited, $"the import ended before it could be killed:\n{import.Output}");
            try
            {
                await using var connection = new SqliteConnection($"Data Source={database.FilePath};Mode=ReadOnly;Pooling=False");
                await connection.OpenAsync();
                await using var count = connection.CreateCommand();
                count.CommandText = "SELECT COUNT(*) FROM Works";
                if (Convert.ToInt64(await count.ExecuteScalarAsync()) >= atLeast) return;
            }
            catch (SqliteException)
            {
                // Not created or migrated yet.
            }
            await Task.Delay(15);
        }
        throw new TimeoutException($"the import did not reach {atLeast} works:\n{import.Output}");
    }
}

/// <summary>A file made read-only for the duration: by its mode, and, for root (whom modes do not stop), by chattr +i.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ReadOnlyFile : IDisposable
{
    private readonly string _path;
    private readonly UnixFileMode _mode;
    private readonly bool _immutable;

    private ReadOnlyFile(string path)
    {
        _path = path;
        _mode = File.GetUnixFileMode(path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        if (Environment.UserName == "root")
        {
            Chattr("+i");
            _immutable = true;
        }
    }

    public static ReadOnlyFile Make(string path) => new(path);

    public void Dispose()
    {
        if (_immutable) Chattr("-i");
        File.SetUnixFileMode(_path, _mode);
    }

    private void Chattr(string flag)
    {
        using var chattr = System.Diagnostics.Process.Start("chattr", [flag, _path])!;
        chattr.WaitForExit();
        if (chattr.ExitCode != 0) throw new InvalidOperationException($"chattr {flag} {_path} failed with exit code {chattr.ExitCode}");
    }
}
