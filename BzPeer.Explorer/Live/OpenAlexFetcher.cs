using System.Collections.Concurrent;
using System.Text.Json;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Import.OpenAlex;
using BzPeer.Explorer.Profiles.Institutions;
using BzPeer.Explorer.Profiles.Researchers;
using BzPeer.Explorer.Profiles.Topics;
using BzPeer.Explorer.Profiles.Works;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BzPeer.Explorer.Live;

/// <summary>
/// Reads records the database lacks from the OpenAlex API and stores them through the import's own parser and writer
/// (<see cref="OpenAlexParser"/>, <see cref="ImportBatchWriter"/>), so a record fetched live is stored exactly as the
/// same record imported from a file. A researcher comes with their works, an institution or topic with its most cited
/// works. Records read within the freshness window are not asked for again; concurrent asks for one record share one
/// fetch; an answer that cannot be read is refused whole, and nothing of it is stored.
/// </summary>
internal sealed class OpenAlexFetcher(
    IHttpClientFactory httpClients, IOptions<OpenAlexOptions> options, ListCallBudget budget, IDbContextFactory<ExplorerDbContext> dbFactory,
    TimeProvider time, ILogger<OpenAlexFetcher> logger) : Graph.INeighbourhoodSource
{
    /// <summary>Works a researcher is fetched with at most (pages of a hundred).</summary>
    public const int MostWorkPages = 5;
    public const int PerPage = 100;

    /// <summary>The work fields the app stores, asked for with select= so that lists carry nothing else.</summary>
    public const string WorkFields = "id,doi,ids,title,display_name,publication_year,publication_date,type,cited_by_count,open_access,language,"
        + "primary_location,locations,authorships,topics,primary_topic,referenced_works,abstract_inverted_index,updated_date";

    private readonly ConcurrentDictionary<string, Lazy<Task<LiveOutcome>>> _inFlight = new();
    // The import writer reads the next free keys at the start of a batch: writes of this instance go one at a time.
    private readonly SemaphoreSlim _writing = new(1, 1);

    public bool Enabled => options.Value.Enabled;

    /// <summary>
    /// The record <paramref name="key"/> names, stored (and with its neighbourhood when asked): from the database when
    /// it was read within the freshness window, else from OpenAlex. Never throws for OpenAlex's failings: they are
    /// in the outcome. <paramref name="cancellationToken"/> stops the waiting, not the fetch, which others may share.
    /// </summary>
    public async Task<LiveOutcome> FetchAsync(LiveKey key, bool withNeighbourhood, CancellationToken cancellationToken = default)
    {
        if (!Enabled) return LiveOutcome.Failed(LiveStatus.Disabled, "reading from OpenAlex is switched off here (OpenAlex:Enabled)");
        var shared = $"{key.Entity}/{key.ApiId.ToLowerInvariant()}/{withNeighbourhood}";
        var fetch = _inFlight.GetOrAdd(shared, _ => new Lazy<Task<LiveOutcome>>(() => RunAsync(key, withNeighbourhood)));
        // Forgotten once done, so the next ask reads the database again: at once by whoever awaited it, and by a
        // continuation when every waiter gave up first.
        _ = fetch.Value.ContinueWith(_ => _inFlight.TryRemove(KeyValuePair.Create(shared, fetch)), TaskScheduler.Default);
        try
        {
            return await fetch.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            if (fetch.Value.IsCompleted) _inFlight.TryRemove(KeyValuePair.Create(shared, fetch));
        }
    }

    public async Task<Func<CancellationToken, Task<Graph.NeighbourhoodRead>>?> MissingAsync(string nodeId)
    {
        LiveKey? key;
        await using (var db = await dbFactory.CreateDbContextAsync())
            key = await IncompleteNeighbourhoodAsync(db, nodeId);
        if (key is null) return null;
        return async cancellationToken =>
        {
            var outcome = await FetchAsync(key, withNeighbourhood: true, cancellationToken);
            return new Graph.NeighbourhoodRead(outcome.HasRecord, outcome.Complete, outcome.Message);
        };
    }

    /// <summary>
    /// The key to read a stored researcher's works by, when the database holds the researcher only as a work's mention
    /// (a co-author never fetched), or holds their record without their works (the budget ran out): null otherwise,
    /// and when reading from OpenAlex is off.
    /// </summary>
    public Task<LiveKey?> IncompleteResearcherAsync(ExplorerDbContext db, int researcherId) =>
        IncompleteAsync(db, LiveKind.Researcher, db.Researchers.Where(r => r.Id == researcherId && r.Origin == RecordOrigin.OpenAlex)
            .Select(r => new StoredRecord(r.OpenAlexId, r.UpdatedDate)));

    /// <summary>
    /// For a graph node (a researcher, institution or topic): the key to read its neighbourhood by when that was never
    /// read (see <see cref="NeighbourhoodRule"/>), else null (other kinds of node, records from files, reading off).
    /// </summary>
    public async Task<LiveKey?> IncompleteNeighbourhoodAsync(ExplorerDbContext db, string nodeId)
    {
        if (!Enabled) return null;
        if (nodeId.StartsWith("person:", StringComparison.Ordinal))
        {
            var slug = nodeId["person:".Length..];
            return await db.Researchers.Where(r => r.Slug == slug).Select(r => (int?)r.Id).FirstOrDefaultAsync() is { } researcherId
                ? await IncompleteResearcherAsync(db, researcherId) : null;
        }
        if (!Graph.NodeIds.TryParse(nodeId, out var kind, out var key)
            || !int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)) return null;
        if (kind == Graph.NodeKind.Institution)
            return await IncompleteAsync(db, LiveKind.Institution, db.Institutions.Where(i => i.Id == id && i.Origin == RecordOrigin.OpenAlex)
                .Select(i => new StoredRecord(i.OpenAlexId, i.UpdatedDate)));
        if (kind == Graph.NodeKind.Topic)
            return await IncompleteAsync(db, LiveKind.Topic, db.Topics.Where(t => t.Id == id && t.Origin == RecordOrigin.OpenAlex)
                .Select(t => new StoredRecord(t.OpenAlexId, t.UpdatedDate)));
        return null;
    }

    private sealed record StoredRecord(string? OpenAlexId, DateOnly? UpdatedDate);

    private async Task<LiveKey?> IncompleteAsync(ExplorerDbContext db, LiveKind kind, IQueryable<StoredRecord> stored)
    {
        if (!Enabled) return null;
        var record = await stored.FirstOrDefaultAsync();
        if (record?.OpenAlexId is null) return null;
        var fetched = await db.LiveFetches.AsNoTracking().FirstOrDefaultAsync(f => f.OpenAlexId == record.OpenAlexId);
        return Graph.NeighbourhoodRule.StateOf(fromOpenAlex: true, record.UpdatedDate is not null, fetched is not null, fetched?.NeighbourhoodFetched ?? false)
            == Graph.NeighbourhoodState.Complete ? null : new LiveKey(kind, record.OpenAlexId!, record.OpenAlexId);
    }

    /// <summary>
    /// <see cref="FetchAsync"/> for a page, which waits no longer than about OpenAlex:Timeout: a slower fetch goes on
    /// and stores the record for later, and the page says OpenAlex is slow.
    /// </summary>
    public async Task<LiveOutcome> FetchForPageAsync(LiveKey key, bool withNeighbourhood)
    {
        using var wait = new CancellationTokenSource(options.Value.Timeout + TimeSpan.FromSeconds(1));
        try
        {
            return await FetchAsync(key, withNeighbourhood, wait.Token);
        }
        catch (OperationCanceledException) when (wait.IsCancellationRequested)
        {
            return LiveOutcome.Failed(LiveStatus.Unavailable, "OpenAlex is slow to answer; the record will be here once it arrives.");
        }
    }

    private async Task<LiveOutcome> RunAsync(LiveKey key, bool withNeighbourhood)
    {
        await Task.Yield();
        try
        {
            if (await FreshAsync(key, withNeighbourhood) is { } fresh) return fresh;
            return await ReadAndStoreAsync(key, withNeighbourhood);
        }
        catch (OpenAlexProblem problem)
        {
            logger.LogWarning("OpenAlex {Key}: {Problem}", key, problem.Message);
            return LiveOutcome.Failed(problem.Kind switch
            {
                OpenAlexProblemKind.BudgetSpent => LiveStatus.BudgetSpent,
                OpenAlexProblemKind.BadAnswer => LiveStatus.BadAnswer,
                _ => LiveStatus.Unavailable,
            }, problem.Message);
        }
    }

    /// <summary>The stored record, when it was read from OpenAlex within the freshness window (with its neighbourhood if wanted).</summary>
    private async Task<LiveOutcome?> FreshAsync(LiveKey key, bool withNeighbourhood)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var openAlexId = await StoredOpenAlexIdAsync(db, key);
        if (openAlexId is null) return null;
        var fetched = await db.LiveFetches.AsNoTracking().FirstOrDefaultAsync(f => f.OpenAlexId == openAlexId);
        if (fetched is null || time.GetUtcNow().UtcDateTime - fetched.FetchedAt >= options.Value.RefreshAfter) return null;
        if (withNeighbourhood && !fetched.NeighbourhoodFetched) return null;
        return new LiveOutcome(LiveStatus.Fresh, openAlexId, fetched.NeighbourhoodFetched, "", new ImportCounts());
    }

    /// <summary>The OpenAlex id of the stored record the key names (following merged ids), or null when none is stored.</summary>
    internal static async Task<string?> StoredOpenAlexIdAsync(ExplorerDbContext db, LiveKey key)
    {
        var local = key.ApiId.StartsWith("ror:", StringComparison.Ordinal) ? key.ApiId[4..] : key.ApiId;
        if (key.OpenAlexId is { } asked)
        {
            var survivor = await db.MergedIds.Where(m => m.OpenAlexId == asked).Select(m => m.MergedIntoId).FirstOrDefaultAsync();
            if (survivor is not null) local = survivor;
        }
        return key.Kind switch
        {
            LiveKind.Researcher => await (ResearcherQueries.ByIdentifier(db, local)?.Select(r => r.OpenAlexId).FirstOrDefaultAsync() ?? Task.FromResult<string?>(null)),
            LiveKind.Work => await (WorkQueries.ByIdentifier(db, local)?.OrderBy(w => w.Id).Select(w => w.OpenAlexId).FirstOrDefaultAsync() ?? Task.FromResult<string?>(null)),
            LiveKind.Institution => await (InstitutionQueries.ByIdentifier(db, local)?.Select(i => i.OpenAlexId).FirstOrDefaultAsync() ?? Task.FromResult<string?>(null)),
            _ => await (TopicQueries.ByIdentifier(db, local)?.Select(t => t.OpenAlexId).FirstOrDefaultAsync() ?? Task.FromResult<string?>(null)),
        };
    }

    private async Task<LiveOutcome> ReadAndStoreAsync(LiveKey key, bool withNeighbourhood)
    {
        var client = new OpenAlexClient(httpClients.CreateClient(OpenAlexClient.Name), options.Value, budget);
        OpenAlexRecord record;
        using (var document = await client.GetRecordAsync(key.Entity, key.ApiId, CancellationToken.None))
        {
            if (document is null) return LiveOutcome.Failed(LiveStatus.NotFound, $"OpenAlex has no record {key.ApiId}");
            record = Read(document.RootElement, key, $"{key}");
        }
        var records = new List<object> { record };
        // OpenAlex answers a merged id with the survivor's record: the old id is kept as leading to it.
        if (key.OpenAlexId is { } asked && asked != record.OpenAlexId)
            records.Add(new MergedIdRecord(OpenAlexId.KindOf(asked), asked, record.OpenAlexId, null));

        var complete = true;
        var message = "";
        if (withNeighbourhood && NeighbourhoodFilter(key.Kind, record) is { } filter)
        {
            try
            {
                records.AddRange(await ReadWorksAsync(client, filter, WorkPages(record)));
            }
            catch (OpenAlexProblem problem) when (problem.Kind == OpenAlexProblemKind.BudgetSpent)
            {
                complete = false;
                message = $"Shown without all of its works: {problem.Message}.";
            }
        }
        var counts = await StoreAsync(records, record.OpenAlexId, withNeighbourhood && complete);
        return new LiveOutcome(LiveStatus.Stored, record.OpenAlexId, complete, message, counts);
    }

    /// <summary>The filter that lists a record's works: a researcher's own, an institution's or topic's most cited.</summary>
    private static (string Filter, string? Sort)? NeighbourhoodFilter(LiveKind kind, OpenAlexRecord record) => kind switch
    {
        LiveKind.Researcher => ($"author.id:{record.OpenAlexId}", null),
        LiveKind.Institution => ($"authorships.institutions.id:{record.OpenAlexId}", "cited_by_count:desc"),
        LiveKind.Topic => ($"topics.id:{record.OpenAlexId}", "cited_by_count:desc"),
        _ => null,
    };

    private static int WorkPages(OpenAlexRecord record) => record is AuthorRecord author
        ? Math.Clamp((author.WorksCount + PerPage - 1) / PerPage, 1, MostWorkPages) : 1;

    /// <summary>
    /// Works of a list call, up to <paramref name="pages"/> pages: by cursor with a key, by page number without one
    /// (OpenAlex keeps cursor paging for keys).
    /// </summary>
    internal async Task<List<WorkRecord>> ReadWorksAsync(OpenAlexClient client, (string Filter, string? Sort) filter, int pages)
    {
        var works = new List<WorkRecord>();
        var useCursor = !string.IsNullOrWhiteSpace(options.Value.ApiKey);
        string? cursor = "*";
        for (var page = 1; page <= pages; page++)
        {
            var query = new List<KeyValuePair<string, string>>
            {
                new("filter", filter.Filter), new("per_page", PerPage.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("select", WorkFields),
            };
            if (filter.Sort is { } sort) query.Add(new("sort", sort));
            query.Add(useCursor ? new("cursor", cursor!) : new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            using var document = await client.GetListAsync("works", query, CancellationToken.None);
            var results = document.RootElement.GetProperty("results");
            var index = 0;
            foreach (var result in results.EnumerateArray())
            {
                if (Read(result, null, $"works?filter={filter.Filter} result {index++}") is not WorkRecord work)
                    throw new OpenAlexProblem(OpenAlexProblemKind.BadAnswer, $"a result of works?filter={filter.Filter} is not a work");
                works.Add(work);
            }
            cursor = document.RootElement.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
                && meta.TryGetProperty("next_cursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            if (results.GetArrayLength() < PerPage || (useCursor && cursor is null)) break;
        }
        return works;
    }

    /// <summary>A record of the API read by the import's parser; one that cannot be read makes the whole answer bad.</summary>
    private static OpenAlexRecord Read(JsonElement element, LiveKey? expected, string where)
    {
        OpenAlexKind kind;
        OpenAlexRecord? record;
        try
        {
            (kind, record) = OpenAlexParser.Parse(element);
        }
        catch (RecordFormatException e)
        {
            throw new OpenAlexProblem(OpenAlexProblemKind.BadAnswer, $"OpenAlex's answer ({where}) cannot be read: {e.Message}", e);
        }
        var expectedKind = expected?.Kind switch
        {
            LiveKind.Researcher => OpenAlexKind.Author,
            LiveKind.Work => OpenAlexKind.Work,
            LiveKind.Institution => OpenAlexKind.Institution,
            LiveKind.Topic => OpenAlexKind.Topic,
            _ => (OpenAlexKind?)null,
        };
        if (record is null || (expectedKind is { } wanted && kind != wanted))
            throw new OpenAlexProblem(OpenAlexProblemKind.BadAnswer, $"OpenAlex's answer ({where}) is a {kind.ToString().ToLowerInvariant()}, not the record asked for");
        return record;
    }

    /// <summary>Stores the records in one transaction with the import's writer, and notes when the record was read.</summary>
    private async Task<ImportCounts> StoreAsync(List<object> records, string openAlexId, bool neighbourhoodFetched)
    {
        var batch = new ImportBatch();
        foreach (var record in records) batch.Add(new ImportEntry(record, "OpenAlex API"));
        await _writing.WaitAsync();
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            ImportCounts counts;
            try
            {
                counts = new ImportBatchWriter(db).Write(batch);
            }
            catch (Exception e) when (StoreFailure.IsTheRecords(e))
            {
                await transaction.RollbackAsync();
                throw new OpenAlexProblem(OpenAlexProblemKind.BadAnswer, $"OpenAlex's answer {StoreFailure.Describe(e)}", e);
            }
            // (The import writer leaves the context without change tracking: the row is written by statement.)
            var now = time.GetUtcNow().UtcDateTime;
            var updated = await db.LiveFetches.Where(f => f.OpenAlexId == openAlexId).ExecuteUpdateAsync(f => f
                .SetProperty(x => x.FetchedAt, now).SetProperty(x => x.NeighbourhoodFetched, x => x.NeighbourhoodFetched || neighbourhoodFetched));
            if (updated == 0)
            {
                db.LiveFetches.Add(new LiveFetch { OpenAlexId = openAlexId, FetchedAt = now, NeighbourhoodFetched = neighbourhoodFetched });
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync();
            }
            await transaction.CommitAsync();
            return counts;
        }
        finally
        {
            _writing.Release();
        }
    }
}
