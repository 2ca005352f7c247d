using BzPeer.Explorer.Cli;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BzPeer.Explorer.Import.OpenAlex;

/// <param name="Counts">Records stored or updated, as committed (all zero when a strict run was rolled back).</param>
/// <param name="RolledBack">A strict run that met bad input: nothing it wrote was kept.</param>
/// <param name="BadRecords">Records refused and skipped (and unreadable input).</param>
/// <param name="Ignored">Records of kinds the app does not store.</param>
/// <param name="RecordsRead">Records and merged-id rows read from the input, good ones only.</param>
internal sealed record ImportResult(ImportCounts Counts, int BadRecords, int Ignored, bool RolledBack, TimeSpan Elapsed, long RecordsRead);

/// <summary>
/// Imports OpenAlex files. One thread reads and parses the input while the calling thread writes batches, so memory
/// holds a bounded queue of parsed records, never a whole file. Each batch is one transaction (the whole run, with
/// <c>strict</c>), so the database never holds part of a batch.
/// </summary>
internal static class OpenAlexImporter
{
    public const int DefaultBatchSize = 2_000;
    private const int RecordsPerHandOver = 256;
    private const int HandOversQueued = 8;

    public static ImportResult Run(
        IDbContextFactory<ExplorerDbContext> dbFactory, ImportInputs inputs, bool strict, ImportReport report, CommandOutput output,
        CancellationToken cancellationToken, int batchSize = DefaultBatchSize, ImportMode mode = ImportMode.Auto)
    {
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<HandOver>(HandOversQueued);
        var reader = new InputReader(inputs, report, strict, queue, stop.Token);
        var readerThread = new Thread(reader.Run) { Name = "OpenAlex reader", IsBackground = true };

        using var db = dbFactory.CreateDbContext();
        db.Database.OpenConnection();
        PrepareConnection(db);
        var committed = new ImportCounts();
        var uncommitted = new ImportCounts();
        var batch = new ImportBatch();
        var bulkConnection = BulkLoad.Applies(db, inputs, mode);
        if (bulkConnection) BulkLoad.PrepareConnection(db);
        using var wholeRun = strict ? db.Database.BeginTransaction() : null;
        var bulkLoad = BulkLoad.Start(db, inputs, mode);
        var writer = new ImportBatchWriter(db, deferDerived: bulkLoad is not null);

        var progress = new WriteProgress(inputs.TotalBytes, clock);
        output.StartProgress(progress.Describe);
        readerThread.Start();
        try
        {
            var bytesRead = 0L;
            foreach (var handOver in queue.GetConsumingEnumerable(stop.Token))
            {
                foreach (var record in handOver.Records) batch.Add(record);
                bytesRead = handOver.BytesRead;
                if (batch.Count >= batchSize) WriteBatch(bytesRead);
                if (strict && report.BadRecords > 0) break;
            }
            if (!(strict && report.BadRecords > 0)) WriteBatch(bytesRead);
            var failedStrictly = strict && report.BadRecords > 0;
            if (!failedStrictly && bulkLoad is not null)
            {
                progress.Stage = "indexing and deriving co-authors, topics and counts";
                var finishing = Stopwatch.StartNew();
                bulkLoad.Finish(db);
                output.Line(string.Create(CultureInfo.InvariantCulture,
                    $"bulk load: batches written in {clock.Elapsed.TotalSeconds - finishing.Elapsed.TotalSeconds:0.00} s, then indexes, citations, derived tables and the search index in {finishing.Elapsed.TotalSeconds:0.00} s"));
            }
            if (wholeRun is not null)
            {
                if (failedStrictly) wholeRun.Rollback();
                else
                {
                    wholeRun.Commit();
                    committed.Add(uncommitted);
                }
            }
            if (bulkLoad is not null && !failedStrictly) BulkLoad.CopyLogIntoDatabase(db);
            return new ImportResult(failedStrictly ? new ImportCounts() : committed, report.BadRecords, report.Ignored, failedStrictly, clock.Elapsed, reader.Records);
        }
        finally
        {
            stop.Cancel();
            readerThread.Join();
            // A strict run that failed is rolled back first: pragmas do nothing inside a transaction.
            wholeRun?.Dispose();
            if (bulkConnection) BulkLoad.RestoreConnection(db);
            output.StopProgress();
            reader.Failure?.Throw();
        }

        void WriteBatch(long bytesRead)
        {
            if (batch.Count == 0) return;
            if (!TryWrite(batch, out _))
            {
                // A record of the batch cannot be stored: its records go one at a time, so only that one is left out.
                var single = new ImportBatch();
                foreach (var entry in batch.Entries.OrderBy(e => ImportBatch.WriteOrder(e.Record)))
                {
                    single.Clear();
                    single.Add(entry);
                    if (TryWrite(single, out var problem)) continue;
                    report.Bad(entry.Where, ImportBatch.IdOf(entry.Record), problem!);
                    if (strict) break;
                }
            }
            progress.Written(batch.Count, bytesRead);
            batch.Clear();
        }

        // Writes records in a transaction of their own (a savepoint of the whole run's, with strict). When the database
        // refuses them for what they hold, undoes their writing and says why; any other failure of the database is thrown.
        bool TryWrite(ImportBatch records, out string? problem)
        {
            using var transaction = wholeRun is null ? db.Database.BeginTransaction() : null;
            wholeRun?.CreateSavepoint(BatchSavepoint);
            try
            {
                var counts = writer.Write(records);
                if (transaction is not null)
                {
                    transaction.Commit();
                    committed.Add(counts);
                }
                else
                {
                    wholeRun!.ReleaseSavepoint(BatchSavepoint);
                    uncommitted.Add(counts);
                }
                problem = null;
                return true;
            }
            catch (Exception e) when (StoreFailure.IsTheRecords(e))
            {
                try
                {
                    if (transaction is not null) transaction.Rollback();
                    else wholeRun!.RollbackToSavepoint(BatchSavepoint);
                }
                catch (Exception)
                {
                    // The database cannot even undo: it is the database that failed, not the records.
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e);
                }
                writer = writer.AfterRollback();
                problem = StoreFailure.Describe(e);
                return false;
            }
        }
    }

    private const string BatchSavepoint = "import_batch";

    /// <summary>Settings of the import's own connection: a page cache that holds the indexes being written.</summary>
    internal static void PrepareConnection(ExplorerDbContext db)
    {
        if (!db.IsPostgres) db.Database.ExecuteSqlRaw("PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");
    }

    /// <param name="BytesRead">How far into the input (all files, compressed sizes) the reader was after these records.</param>
    private sealed record HandOver(List<ImportEntry> Records, long BytesRead);

    /// <summary>What the progress line shows: records written so far, and the share of the input they cover.</summary>
    private sealed class WriteProgress(long totalBytes, Stopwatch clock)
    {
        private long _records;
        private long _bytes;

        /// <summary>What the import does after the last batch, when it does more than commit it.</summary>
        public volatile string? Stage;

        public void Written(int records, long bytesRead)
        {
            Interlocked.Add(ref _records, records);
            Interlocked.Exchange(ref _bytes, bytesRead);
        }

        public string Describe()
        {
            if (Stage is { } stage) return $"importing: {stage}";
            var records = Interlocked.Read(ref _records);
            return $"importing: {records:N0} records written ({records / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0}/s)"
                + CommandOutput.Rate(Interlocked.Read(ref _bytes), totalBytes, clock);
        }
    }

    /// <summary>Reads and parses the input files on its own thread, handing records over in small lists.</summary>
    private sealed class InputReader(ImportInputs inputs, ImportReport report, bool strict, BlockingCollection<HandOver> queue, CancellationToken stop)
    {
        private long _bytesBefore;
        private long _bytesRead;
        private long _records;
        private List<ImportEntry> _pending = new(RecordsPerHandOver);

        public System.Runtime.ExceptionServices.ExceptionDispatchInfo? Failure { get; private set; }

        public long Records => Interlocked.Read(ref _records);

        public void Run()
        {
            try
            {
                foreach (var file in inputs.Files)
                {
                    if (stop.IsCancellationRequested || StoppedByStrict) break;
                    ReadFile(file);
                    _bytesBefore += file.Length;
                    _bytesRead = _bytesBefore;
                }
                HandOver(force: true);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                Failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                queue.CompleteAdding();
            }
        }

        private bool StoppedByStrict => strict && report.BadRecords > 0;

        private void ReadFile(InputFile file)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                report.Bad(file.Path, $"cannot be read ({e.Message})");
                return;
            }
            using (stream)
            {
                var line = 0L;
                try
                {
                    using var data = IsGzip(stream) ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : (Stream)stream;
                    if (file.Kind == InputKind.MergedIds) ReadMergedIds(file, data, stream, ref line);
                    else ReadRecords(file, data, stream, ref line);
                }
                catch (InvalidDataException e)
                {
                    report.Bad($"{file.Path}: after line {line}", $"the rest of the file cannot be read ({e.Message})");
                }
                catch (IOException e)
                {
                    report.Bad($"{file.Path}: after line {line}", $"reading failed ({e.Message})");
                }
            }
        }

        private void ReadRecords(InputFile file, Stream data, FileStream underlying, ref long line)
        {
            using var json = new JsonRecordReader(data);
            while (!StoppedByStrict && json.TryRead(out var record))
            {
                line = record.Line;
                _bytesRead = _bytesBefore + underlying.Position;
                var where = record.Number == record.Line ? $"{file.Path}: line {record.Line}" : $"{file.Path}: line {record.Line} (record {record.Number})";
                if (record.IsBad)
                {
                    report.Bad(where, record.Problem!);
                    continue;
                }
                OpenAlexKind kind;
                OpenAlexRecord? parsed;
                try
                {
                    (kind, parsed) = OpenAlexParser.Parse(record.Element);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Whatever goes wrong with one record leaves it out, and the run goes on.
                    report.Bad(where, OpenAlexParser.IdOf(record.Element),
                        e is RecordFormatException ? e.Message : $"cannot be read ({e.GetType().Name}: {e.Message})");
                    continue;
                }
                if (parsed is null) report.Unused(kind);
                else Add(new ImportEntry(parsed, where));
            }
            line = json.Line;
        }

        /// <summary>A merged_ids CSV file: merge_date,id,merge_into_id.</summary>
        private void ReadMergedIds(InputFile file, Stream data, FileStream underlying, ref long line)
        {
            using var text = new StreamReader(data);
            var header = text.ReadLine()?.Split(',');
            line = 1;
            var idColumn = header is null ? -1 : Array.IndexOf(header, "id");
            var intoColumn = header is null ? -1 : Array.IndexOf(header, "merge_into_id");
            var dateColumn = header is null ? -1 : Array.IndexOf(header, "merge_date");
            if (idColumn < 0 || intoColumn < 0)
            {
                report.Bad($"{file.Path}: line 1", "not a merged_ids file (expected the columns merge_date,id,merge_into_id)");
                return;
            }
            var folderKind = OpenAlexId.KindOfFolder(Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file.Path))) ?? "");
            while (!StoppedByStrict && text.ReadLine() is { } row)
            {
                line++;
                if (row.Length == 0) continue;
                var cells = row.Split(',');
                var where = $"{file.Path}: line {line}";
                if (cells.Length != header!.Length)
                {
                    report.Bad(where, $"expected {header.Length} columns, found {cells.Length}");
                    continue;
                }
                var oldId = OpenAlexId.Normalize(cells[idColumn]);
                var intoId = OpenAlexId.Normalize(cells[intoColumn]);
                if (oldId is null || intoId is null || OpenAlexId.KindOf(oldId) != OpenAlexId.KindOf(intoId))
                {
                    report.Bad(where, $"\"{OpenAlexParser.Shorten(row)}\" does not merge one OpenAlex id into another of the same kind");
                    continue;
                }
                DateOnly? date = dateColumn >= 0 && DateOnly.TryParseExact(cells[dateColumn], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? parsed : null;
                Add(new ImportEntry(new MergedIdRecord(folderKind ?? OpenAlexId.KindOf(oldId), oldId, intoId, date), where));
                _bytesRead = _bytesBefore + underlying.Position;
            }
        }

        private void Add(ImportEntry record)
        {
            _pending.Add(record);
            Interlocked.Increment(ref _records);
            HandOver(force: false);
        }

        private void HandOver(bool force)
        {
            if (_pending.Count == 0 || (!force && _pending.Count < RecordsPerHandOver)) return;
            queue.Add(new HandOver(_pending, _bytesRead), stop);
            _pending = new List<ImportEntry>(RecordsPerHandOver);
        }

        private static bool IsGzip(FileStream stream)
        {
            Span<byte> magic = stackalloc byte[2];
            var read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            stream.Position = 0;
            return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        }
    }
}
