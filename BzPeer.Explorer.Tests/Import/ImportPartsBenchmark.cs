using System.Diagnostics;
using System.Globalization;
using BzPeer.Explorer.Import.OpenAlex;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace BzPeer.Explorer.Tests.Import;

/// <summary>
/// The parts of the import throughput figure in docs/benchmarks.md, each alone on one thread: reading and parsing the
/// input (no database), and writing records parsed beforehand into a new database (no parsing), the way the import
/// verb writes them (batches of its size, a bulk load when the verb would choose one). Out of the default run:
///   BZPEER_IMPORT_BENCH_FILE=/tmp/imp-20k.jsonl dotnet test BzPeer.Explorer.Tests -c Release \
///     --settings BzPeer.Explorer.Tests/on-purpose.runsettings --filter "Category=Benchmark&amp;FullyQualifiedName~ImportPartsBenchmark"
/// Writing holds every parsed record in memory first: use it on 20,000 works, not 100,000.
/// </summary>
[Trait("Category", "Benchmark")]
public class ImportPartsBenchmark(ITestOutputHelper output)
{
    private static string Input => Environment.GetEnvironmentVariable("BZPEER_IMPORT_BENCH_FILE") is { Length: > 0 } path
        ? path : Path.Combine(Path.GetTempPath(), "bzpeer-import-bench.jsonl");

    [Fact]
    public void Parse_only()
    {
        var clock = Stopwatch.StartNew();
        var works = 0;
        foreach (var record in Parse(Input))
            if (record is WorkRecord) works++;
        Report("parse-only", works, clock.Elapsed);
    }

    /// <summary>
    /// The floor under any parser of this input: the file read and every record's JSON tokenized (System.Text.Json's
    /// reader, which every parser of it builds on), nothing kept. What a parser does beyond this is its own.
    /// </summary>
    [Fact]
    public void Tokenize_only()
    {
        var clock = Stopwatch.StartNew();
        var (records, tokens) = (0, 0L);
        var buffer = new byte[1 << 24];
        var held = 0;
        using var file = File.OpenRead(Input);
        for (var read = -1; read != 0;)
        {
            read = file.Read(buffer, held, buffer.Length - held);
            held += read;
            var start = 0;
            while (start < held)
            {
                var end = Array.IndexOf(buffer, (byte)'\n', start, held - start);
                if (end < 0 && read != 0) break;
                if (end < 0) end = held;
                var reader = new System.Text.Json.Utf8JsonReader(buffer.AsSpan(start, end - start));
                while (reader.Read()) tokens++;
                if (end > start) records++;
                start = end + 1;
            }
            start = Math.Min(start, held);
            Array.Copy(buffer, start, buffer, 0, held - start);
            held -= start;
        }
        Report($"tokenize-only tokens={tokens}", records, clock.Elapsed);
    }

    /// <summary>Reading the file into one JSON document per record, as the import does before its parser looks at it.</summary>
    [Fact]
    public void Documents_only()
    {
        var clock = Stopwatch.StartNew();
        var records = 0;
        using var file = File.OpenRead(Input);
        using var json = new JsonRecordReader(file);
        while (json.TryRead(out _)) records++;
        Report("documents-only", records, clock.Elapsed);
    }

    [Fact]
    public async Task Write_only()
    {
        var records = Parse(Input).ToList();
        using var database = new TemporaryDatabase();
        await using var db = database.CreateContext();
        // Migrated only, as the import verb leaves a new file (no demo data).
        await db.Database.MigrateAsync();
        db.Database.OpenConnection();
        OpenAlexImporter.PrepareConnection(db);

        var clock = Stopwatch.StartNew();
        var inputs = ImportInputs.Collect([Input]);
        if (BulkLoad.Applies(db, inputs, ImportMode.Auto)) BulkLoad.PrepareConnection(db);
        var bulkLoad = BulkLoad.Start(db, inputs, ImportMode.Auto);
        var writer = new ImportBatchWriter(db, deferDerived: bulkLoad is not null);
        var works = 0;
        foreach (var chunk in records.Chunk(OpenAlexImporter.DefaultBatchSize))
        {
            var batch = new ImportBatch();
            foreach (var record in chunk) batch.Add(new ImportEntry(record, Input));
            using var transaction = db.Database.BeginTransaction();
            works += writer.Write(batch).Works;
            transaction.Commit();
        }
        var batches = clock.Elapsed;
        if (bulkLoad is not null)
        {
            bulkLoad.Finish(db);
            BulkLoad.CopyLogIntoDatabase(db);
        }
        Report($"write-only ({(bulkLoad is null ? "batches" : $"bulk load; its end {(clock.Elapsed - batches).TotalSeconds:0.00} s")})", works, clock.Elapsed);
    }

    private static IEnumerable<object> Parse(string path)
    {
        using var file = File.OpenRead(path);
        using var json = new JsonRecordReader(file);
        while (json.TryRead(out var record))
        {
            var (_, parsed) = OpenAlexParser.Parse(record.Element);
            if (parsed is not null) yield return parsed;
        }
    }

    private void Report(string part, int works, TimeSpan elapsed) => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"import-bench: {part} works={works} seconds={elapsed.TotalSeconds:0.00} works_per_s={works / elapsed.TotalSeconds:0}"));
}
