using System.Globalization;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Data.Bulk;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Import.OpenAlex;

/// <summary>
/// Writes batches of OpenAlex records into the database, inside the transaction the caller has open. Records are
/// keyed on their OpenAlex ids: a missing record is inserted, a stored one is replaced only by a record with a newer
/// updated_date, and a mention (an author on a work) only creates a record that is missing. Ids that OpenAlex merged
/// are redirected to the surviving record. Derived tables are brought up to date for what each batch changed.
/// </summary>
internal sealed partial class ImportBatchWriter
{
    private readonly ExplorerDbContext _db;
    private readonly FirstKeys _runStart;
    private readonly SlugAllocator _slugs = new();
    // Institutions, sources and topics are few next to works and authors (OpenAlex has about 110,000, 250,000 and
    // 4,500), so the ids of those seen are kept for the run; authors and works are looked up per batch.
    private readonly KnownRecords _institutions = new("Institutions", keepForRun: true);
    private readonly KnownRecords _sources = new("Venues", keepForRun: true);
    private readonly KnownRecords _topics = new("Topics", keepForRun: true);
    private readonly KnownRecords _researchers = new("Researchers", keepForRun: false);
    private readonly KnownRecords _works = new("Works", keepForRun: false);
    private readonly Dictionary<string, string> _redirects = [];
    private readonly AffectedRecords _affected = new();
    private readonly List<(int WorkId, List<long> CitedNumbers)> _references = [];
    private readonly List<string> _addedWorkIds = [];
    // In a bulk load, the authors of each work the batch added, for their co-author pairs.
    private readonly List<(int? Year, int[] Authors)> _addedWorkAuthors = [];
    private bool _hasMergedIds;
    // Whether the batch deleted rows others may depend on (in a bulk load foreign keys do not cascade).
    private bool _deletedRows;
    // In a bulk load (BulkLoad) derived tables and citations are left for its end.
    private readonly bool _deferDerived;
    // Whether any venue is stored under a 2022 venue id, which a source with the same ISSN-L takes over.
    private bool _hasVenueIds;

    private BulkWriter _bulk = null!;
    private PreparedStatements _sql = null!;
    private NextKeys _next = null!;
    private ImportCounts _counts = null!;

    /// <param name="deferDerived">
    /// Part of a bulk load: references all go to pending citations and derived tables are not refreshed, since
    /// <see cref="BulkLoad.Finish"/> does both for everything at the end.
    /// </param>
    public ImportBatchWriter(ExplorerDbContext db, bool deferDerived = false) : this(db, new FirstKeys(db), deferDerived)
    {
    }

    private ImportBatchWriter(ExplorerDbContext db, FirstKeys runStart, bool deferDerived)
    {
        _db = db;
        _runStart = runStart;
        _deferDerived = deferDerived;
        _hasMergedIds = db.MergedIds.Any();
        _hasVenueIds = db.Venues.Any(v => string.Compare(v.OpenAlexId, "V") >= 0 && string.Compare(v.OpenAlexId, "W") < 0);
    }

    /// <summary>
    /// A writer for the rest of the run after a batch was rolled back: what this one remembered of stored records
    /// may name rows the rollback took away, so only where the run started is kept.
    /// </summary>
    public ImportBatchWriter AfterRollback() => new(_db, _runStart, _deferDerived);

    /// <summary>Writes one batch; returns how many records of each kind it stored or updated.</summary>
    public ImportCounts Write(ImportBatch batch)
    {
        _counts = new ImportCounts();
        _affected.Clear();
        foreach (var known in new[] { _institutions, _sources, _topics, _researchers, _works }) known.Forget();
        _redirects.Clear();
        _references.Clear();
        _addedWorkIds.Clear();
        _addedWorkAuthors.Clear();
        _deletedRows = false;
        using var bulk = new BulkWriter(_db);
        using var sql = new PreparedStatements(_db, bulk);
        _bulk = bulk;
        _sql = sql;
        _next = new NextKeys(bulk);

        foreach (var merge in batch.MergedIds) ApplyMerge(merge);
        if (!_hasMergedIds) FindStoredRecords(batch);
        foreach (var institution in batch.Institutions) StoreInstitution(institution);
        foreach (var source in batch.Sources) StoreSource(source);
        foreach (var topic in batch.Topics) StoreTopic(topic);
        foreach (var author in batch.Authors) StoreAuthor(author);
        foreach (var work in batch.Works) StoreWork(work);
        WriteCitations();
        if (_deferDerived && !_db.IsPostgres) WriteCoAuthorPairs();
        if (_deferDerived && _deletedRows) BulkLoad.ApplyForeignKeyActionsAtEnd(_sql);
        bulk.Flush();
        if (!_deferDerived) DerivedData.Refresh(_db, _affected);
        return _counts;
    }

    /// <summary>
    /// Looks up the batch's works and authors in a few queries rather than one each, and reads the slugs taken for the
    /// names of the new ones. (With merged ids in the database, ids are redirected first, one by one.)
    /// </summary>
    private void FindStoredRecords(ImportBatch batch)
    {
        _works.FindAll(_sql, batch.Works.Select(w => w.OpenAlexId));
        var authorships = batch.Works.SelectMany(w => w.Authorships).ToList();
        var authors = batch.Authors.Concat(authorships.Select(a => a.Author).OfType<AuthorRecord>()).ToList();
        _researchers.FindAll(_sql, authors.Select(a => a.OpenAlexId));
        _slugs.FindTaken(authors.Where(a => _researchers.Find(_sql, a.OpenAlexId) is null).Select(a => a.DisplayName)
            .Concat(authorships.Where(a => a.Author is null).Select(a => a.DisplayName)), _sql);
    }

    private int StoreInstitution(InstitutionRecord record)
    {
        var id = Redirect(record.OpenAlexId);
        var stored = _institutions.Find(_sql, id);
        var change = Decide(record, stored);
        if (change == Change.None) return stored!.Value.Id;

        var institution = new Institution
        {
            Id = stored?.Id ?? 0, OpenAlexId = id, DisplayName = record.DisplayName, Ror = record.Ror, Acronyms = record.Acronyms,
            CountryCode = record.CountryCode, Type = record.Type, HomepageUrl = record.HomepageUrl, City = record.City,
            WorksCount = record.WorksCount, CitedByCount = record.CitedByCount, UpdatedDate = record.UpdatedDate, Origin = RecordOrigin.OpenAlex,
        };
        // ROR ids are unique. A stored institution from another source with this ROR is the same institution: it gets
        // the OpenAlex id. A different OpenAlex institution claiming the same ROR is stored without it.
        if (record.Ror is { } ror && RorOwner(ror) is { } owner && owner.Id != stored?.Id)
        {
            if (owner.OpenAlexId is null && stored is null)
            {
                institution.Id = owner.Id;
                if (record.IsMention) _sql.Execute("UPDATE \"Institutions\" SET \"OpenAlexId\" = @id WHERE \"Id\" = @row", id, owner.Id);
                else _bulk.Update(institution, InstitutionFields);
                _institutions.Remember(id, new StoredRecord(owner.Id, record.UpdatedDate));
                _counts.Institutions++;
                return owner.Id;
            }
            institution.Ror = null;
        }

        if (change == Change.Insert)
        {
            institution.Id = _next.Institution++;
            _bulk.Add(institution);
        }
        else
        {
            _bulk.Update(institution, InstitutionFields);
        }
        if (IsNewToRun(change, stored, _runStart.Institution)) _counts.Institutions++;
        _institutions.Remember(id, new StoredRecord(institution.Id, record.UpdatedDate));
        return institution.Id;
    }

    /// <summary>
    /// Stores a source. A venue of the 2022 schema ("V…") and a source ("S…") with the same ISSN-L are one venue: a
    /// venue id leads to the stored source, and a source takes over a stored venue as its own record.
    /// </summary>
    private int StoreSource(SourceRecord record)
    {
        if (record.IssnL is { } issnL && _sources.Find(_sql, Redirect(record.OpenAlexId)) is null)
        {
            var isVenueId = OpenAlexId.IsVenueId(record.OpenAlexId);
            if ((isVenueId || _hasVenueIds) && SameIssnL(issnL, lookForVenueId: !isVenueId) is { } shared)
            {
                if (isVenueId)
                {
                    _sources.Remember(record.OpenAlexId, shared.Stored);
                    return shared.Stored.Id;
                }
                _sql.Execute("UPDATE \"Venues\" SET \"OpenAlexId\" = @id WHERE \"Id\" = @row", record.OpenAlexId, shared.Stored.Id);
                _sources.Forget(shared.OpenAlexId);
                _sources.Remember(record.OpenAlexId, shared.Stored);
            }
        }
        if (OpenAlexId.IsVenueId(record.OpenAlexId)) _hasVenueIds = true;
        return StoreAsSource(record);
    }

    /// <summary>The stored venue with this ISSN-L keyed on a venue id ("V…"), or on a source id ("S…").</summary>
    private (StoredRecord Stored, string OpenAlexId)? SameIssnL(string issnL, bool lookForVenueId)
    {
        using var reader = _sql.Query("""
            SELECT "Id", "UpdatedDate", "OpenAlexId" FROM "Venues" WHERE "IssnL" = @issn AND "OpenAlexId" >= @from AND "OpenAlexId" < @to
            ORDER BY "Id" LIMIT 1
            """, issnL, lookForVenueId ? "V" : "S", lookForVenueId ? "W" : "T");
        return reader.Read()
            ? (new StoredRecord(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateOnly>(1)), reader.GetString(2))
            : null;
    }

    private int StoreAsSource(SourceRecord record) => Store(record, _sources, VenueFields, () => _next.Venue++, _runStart.Venue, () => _counts.Sources++,
        (key, id, _) => new Venue
        {
            Id = key, OpenAlexId = id, DisplayName = record.DisplayName, IssnL = record.IssnL, Type = record.Type,
            HostOrganization = record.HostOrganization, HomepageUrl = record.HomepageUrl, WorksCount = record.WorksCount,
            UpdatedDate = record.UpdatedDate, Origin = RecordOrigin.OpenAlex,
        });

    private int StoreTopic(TopicRecord record) => Store(record, _topics, TopicFields, () => _next.Topic++, _runStart.Topic, () => _counts.Topics++,
        (key, id, _) => new Topic
        {
            Id = key, OpenAlexId = id, DisplayName = record.DisplayName, Description = record.Description, Keywords = record.Keywords,
            SubfieldName = record.SubfieldName, FieldName = record.FieldName, DomainName = record.DomainName,
            SubfieldNumber = record.SubfieldNumber, FieldNumber = record.FieldNumber, DomainNumber = record.DomainNumber,
            WorksCount = record.WorksCount, UpdatedDate = record.UpdatedDate, Origin = RecordOrigin.OpenAlex,
        });

    private int StoreAuthor(AuthorRecord record) =>
        Store(record, _researchers, ResearcherFields, () => _next.Researcher++, _runStart.Researcher, () => _counts.Researchers++,
            (key, id, inserting) => new Researcher
            {
                Id = key, Slug = inserting ? _slugs.Allocate(record.DisplayName, _sql) : "", OpenAlexId = id,
                DisplayName = record.DisplayName, AlternativeNames = record.AlternativeNames, Orcid = record.Orcid,
                WorksCount = record.WorksCount, CitedByCount = record.CitedByCount, HIndex = record.HIndex, I10Index = record.I10Index,
                LastKnownInstitutionId = record.LastKnownInstitution is { } lastKnown ? StoreInstitution(lastKnown) : null,
                UpdatedDate = record.UpdatedDate, Origin = RecordOrigin.OpenAlex,
            },
            written: key =>
            {
                StoreAffiliations(key, record.Affiliations);
                foreach (var concept in record.Concepts) StoreTopic(concept);
            });

    /// <summary>
    /// Stores a record under its (redirected) id: inserts it when missing, replaces the stored row when the record is
    /// newer, and otherwise leaves it. Returns the row's key.
    /// </summary>
    /// <param name="toEntity">The row for a key and OpenAlex id; told whether it is a new row.</param>
    /// <param name="written">Called after the row was inserted or replaced.</param>
    private int Store<T>(OpenAlexRecord record, KnownRecords known, string[] updatedFields, Func<int> nextKey, int firstKeyOfRun,
        Action counted, Func<int, string, bool, T> toEntity, Action<int>? written = null) where T : class
    {
        var id = Redirect(record.OpenAlexId);
        var stored = known.Find(_sql, id);
        var change = Decide(record, stored);
        if (change == Change.None) return stored!.Value.Id;

        var key = change == Change.Insert ? nextKey() : stored!.Value.Id;
        var entity = toEntity(key, id, change == Change.Insert);
        if (change == Change.Insert) _bulk.Add(entity);
        else _bulk.Update(entity, updatedFields);
        if (IsNewToRun(change, stored, firstKeyOfRun)) counted();
        known.Remember(id, new StoredRecord(key, record.UpdatedDate));
        if (!record.IsMention) written?.Invoke(key);
        return key;
    }

    /// <summary>The author record's affiliations replace the stored ones; those the researcher's authorships show are added back after.</summary>
    private void StoreAffiliations(int researcherId, List<AffiliationRecord> affiliations)
    {
        if (affiliations.Count == 0) return;
        var byInstitution = new Dictionary<int, (int? First, int? Last)>();
        foreach (var affiliation in affiliations)
        {
            var institutionId = StoreInstitution(affiliation.Institution);
            byInstitution[institutionId] = byInstitution.TryGetValue(institutionId, out var years)
                ? (Min(years.First, affiliation.FirstYear), Max(years.Last, affiliation.LastYear))
                : (affiliation.FirstYear, affiliation.LastYear);
        }
        _sql.Execute("DELETE FROM \"Affiliations\" WHERE \"ResearcherId\" = @researcher", researcherId);
        foreach (var (institutionId, years) in byInstitution)
            _bulk.Add(new Affiliation { ResearcherId = researcherId, InstitutionId = institutionId, FirstYear = years.First, LastYear = years.Last });
        _affected.ReaffiliatedResearchers.Add(researcherId);
    }

    private void StoreWork(WorkRecord record)
    {
        var id = Redirect(record.OpenAlexId);
        var stored = _works.Find(_sql, id);
        var change = Decide(record, stored);
        if (change == Change.None) return;

        var work = new Work
        {
            Id = change == Change.Insert ? _next.Work++ : stored!.Value.Id, OpenAlexId = id, Doi = record.Doi, ArxivId = record.ArxivId,
            Title = record.Title, Abstract = record.Abstract, Type = record.Type, Year = record.Year, PublicationDate = record.PublicationDate,
            VenueId = record.Venue is { } venue ? StoreSource(venue) : null,
            CitedByCount = record.CitedByCount, IsOpenAccess = record.IsOpenAccess, Language = record.Language,
            UpdatedDate = record.UpdatedDate, Origin = RecordOrigin.OpenAlex,
        };
        var nameOnlyAuthors = new Dictionary<string, Queue<int>>();
        if (change == Change.Insert)
        {
            _bulk.Add(work);
            _affected.AddedWorks.Add(work.Id);
            _addedWorkIds.Add(id);
        }
        else
        {
            nameOnlyAuthors = ForgetLinks(work.Id);
            _references.RemoveAll(r => r.WorkId == work.Id);
            _bulk.Update(work, WorkFields);
            if (work.VenueId is { } venueId) _affected.RecountVenues.Add(venueId);
        }

        var authors = new HashSet<int>();
        foreach (var authorship in record.Authorships)
        {
            var researcherId = authorship.Author is { } author
                ? StoreAuthor(author)
                : nameOnlyAuthors.TryGetValue(authorship.DisplayName, out var reused) && reused.Count > 0 ? reused.Dequeue() : StoreNameOnlyAuthor(authorship.DisplayName);
            // Two ids OpenAlex merged into one are one author, named once.
            if (!authors.Add(researcherId)) continue;
            var authorshipId = _next.Authorship++;
            _bulk.Add(new Authorship
            {
                Id = authorshipId, WorkId = work.Id, ResearcherId = researcherId, AuthorOrder = authorship.Order,
                Position = authorship.Position, IsCorresponding = authorship.IsCorresponding,
            });
            foreach (var institution in authorship.Institutions)
            {
                var institutionId = StoreInstitution(institution);
                _bulk.Add(new AuthorshipInstitution { AuthorshipId = authorshipId, InstitutionId = institutionId });
                if (change == Change.Update) _affected.RecountInstitutions.Add(institutionId);
            }
            if (change == Change.Update) _affected.RecountResearchers.Add(researcherId);
        }
        if (_deferDerived && change == Change.Insert && authors.Count > 1) _addedWorkAuthors.Add((work.Year, [.. authors]));
        foreach (var topic in record.Topics)
        {
            var topicId = StoreTopic(topic.Topic);
            _bulk.Add(new WorkTopic { WorkId = work.Id, TopicId = topicId, Score = topic.Score, IsPrimary = topic.IsPrimary, WorkYear = work.Year });
            if (change == Change.Update) _affected.RecountTopics.Add(topicId);
        }
        foreach (var unused in nameOnlyAuthors.Values.SelectMany(ids => ids))
        {
            _sql.Execute(DeleteUnusedNameOnlyResearcher, unused);
            _deletedRows = true;
        }

        if (record.ReferencedWorkNumbers.Count > 0) _references.Add((work.Id, record.ReferencedWorkNumbers));
        if (IsNewToRun(change, stored, _runStart.Work)) _counts.Works++;
        _works.Remember(id, new StoredRecord(work.Id, record.UpdatedDate));
    }

    /// <summary>
    /// Before a stored work is replaced: removes its authorships, topics and references, marking what they touched for
    /// recounting. Returns its authors known by name only, so the new version can keep the same researcher records.
    /// </summary>
    private Dictionary<string, Queue<int>> ForgetLinks(int workId)
    {
        _affected.RecountResearchers.UnionWith(_sql.Ids("SELECT \"ResearcherId\" FROM \"Authorships\" WHERE \"WorkId\" = @work", workId));
        _affected.RecountInstitutions.UnionWith(_sql.Ids(
            "SELECT DISTINCT ai.\"InstitutionId\" FROM \"Authorships\" a JOIN \"AuthorshipInstitutions\" ai ON ai.\"AuthorshipId\" = a.\"Id\" WHERE a.\"WorkId\" = @work", workId));
        _affected.RecountTopics.UnionWith(_sql.Ids("SELECT \"TopicId\" FROM \"WorkTopics\" WHERE \"WorkId\" = @work", workId));
        _affected.RecountVenues.UnionWith(_sql.Ids("SELECT \"VenueId\" FROM \"Works\" WHERE \"Id\" = @work AND \"VenueId\" IS NOT NULL", workId));

        var nameOnly = new Dictionary<string, Queue<int>>();
        using (var reader = _sql.Query("""
            SELECT r."Id", r."DisplayName" FROM "Authorships" a JOIN "Researchers" r ON r."Id" = a."ResearcherId"
            WHERE a."WorkId" = @work AND r."OpenAlexId" IS NULL AND r."Origin" = 'OpenAlex' ORDER BY a."AuthorOrder"
            """, workId))
        {
            while (reader.Read())
            {
                if (!nameOnly.TryGetValue(reader.GetString(1), out var ids)) nameOnly.Add(reader.GetString(1), ids = new Queue<int>());
                ids.Enqueue(reader.GetInt32(0));
            }
        }
        _deletedRows = true;
        _sql.Execute("DELETE FROM \"Authorships\" WHERE \"WorkId\" = @work", workId);
        _sql.Execute("DELETE FROM \"WorkTopics\" WHERE \"WorkId\" = @work", workId);
        _sql.Execute("DELETE FROM \"Citations\" WHERE \"CitingWorkId\" = @work", workId);
        _sql.Execute("DELETE FROM \"PendingCitations\" WHERE \"CitingWorkId\" = @work", workId);
        return nameOnly;
    }

    /// <summary>An author the work names without an OpenAlex id: a researcher of its own, with no id invented for it.</summary>
    private int StoreNameOnlyAuthor(string name)
    {
        var researcher = new Researcher
        {
            Id = _next.Researcher++, Slug = _slugs.Allocate(name, _sql), DisplayName = name, Origin = RecordOrigin.OpenAlex,
        };
        _bulk.Add(researcher);
        _counts.Researchers++;
        return researcher.Id;
    }

    /// <summary>
    /// In a bulk load: adds the co-author pairs of the works this batch added to those stored, in the order of the
    /// table's key, as the batches' refresh would (cheaper than deriving them from all authorships at the end, which has
    /// to join and sort them all). When the batch changed stored works' authors, pairs must be recounted: the load's end
    /// is told to derive them all again.
    /// </summary>
    private void WriteCoAuthorPairs()
    {
        if (_affected.RecountResearchers.Count > 0) BulkLoad.DeriveCoAuthorPairsAtEnd(_sql);
        // Keyed by both ids in one number (researcher in the high half), which also sorts into the table's key order.
        var pairs = new Dictionary<long, (int SharedWorks, int? LastYear)>(PairKeys.Instance);
        foreach (var (year, authors) in _addedWorkAuthors)
        {
            foreach (var researcher in authors)
            {
                foreach (var coAuthor in authors)
                {
                    if (coAuthor == researcher) continue;
                    ref var pair = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(pairs, (long)researcher << 32 | (uint)coAuthor, out _);
                    pair = (pair.SharedWorks + 1, Max(pair.LastYear, year));
                }
            }
        }
        var keys = pairs.Keys.ToArray();
        Array.Sort(keys);
        foreach (var key in keys)
        {
            var (sharedWorks, lastYear) = pairs[key];
            _bulk.AddOrMerge(new CoAuthorPair { ResearcherId = (int)(key >> 32), CoAuthorId = (int)key, SharedWorks = sharedWorks, LastYear = lastYear },
                MergeCoAuthorPair);
        }
    }

    /// <summary>
    /// Hashes a pair's key from all its bits: a long's own hash folds its halves together, which gives a pair and its
    /// reverse, and pairs of nearby ids, the same few hashes.
    /// </summary>
    private sealed class PairKeys : IEqualityComparer<long>
    {
        public static readonly PairKeys Instance = new();

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> 32);
    }

    private static readonly string MergeCoAuthorPair = $"""
        ON CONFLICT ("ResearcherId", "CoAuthorId") DO UPDATE SET
            "SharedWorks" = "SharedWorks" + excluded."SharedWorks",
            "LastYear" = {SqlDialect.Sqlite.Greatest("\"LastYear\"", "excluded.\"LastYear\"")}
        """;

    /// <summary>
    /// References become citations when the cited work is stored, and pending citations otherwise; pending citations
    /// to the works this batch added are resolved first. A work that lists itself among its references (OpenAlex has
    /// a few) cites itself, as the source says.
    /// </summary>
    private void WriteCitations()
    {
        if (_deferDerived)
        {
            if (_references.Count == 0) return;
            if (_hasMergedIds)
            {
                var (all, json) = BatchReferences();
                WritePending(all, json, unresolvedOnly: false);
            }
            else WriteAllPending();
            return;
        }
        if (_addedWorkIds.Count > 0)
        {
            var added = $"[{string.Join(',', _addedWorkIds.Select(id => $"\"{id}\""))}]";
            _sql.Execute($"""
                INSERT INTO "Citations" ("CitingWorkId", "CitedWorkId")
                SELECT p."CitingWorkId", w."Id"
                FROM {_sql.Dialect.JsonTexts("@added")} n
                JOIN "Works" w ON w."OpenAlexId" = n.value
                JOIN "PendingCitations" p ON p."CitedWorkNumber" = {WorkNumberSql("n.value")}
                WHERE true
                ON CONFLICT DO NOTHING
                """, added);
            _sql.Execute($"DELETE FROM \"PendingCitations\" WHERE \"CitedWorkNumber\" IN (SELECT {WorkNumberSql("value")} FROM {_sql.Dialect.JsonTexts("@added")})", added);
        }

        if (_references.Count == 0) return;
        var (batchReferences, references) = BatchReferences();
        _sql.Execute($"""
            {batchReferences}
            INSERT INTO "Citations" ("CitingWorkId", "CitedWorkId")
            SELECT refs.Citing, w."Id" FROM refs JOIN "Works" w ON w."OpenAlexId" = refs.Cited
            WHERE true
            ON CONFLICT DO NOTHING
            """, references);
        WritePending(batchReferences, references, unresolvedOnly: true);
    }

    /// <summary>
    /// Keeps the batch's references as pending citations: those to works not stored, or (in a bulk load, whose end
    /// resolves them) all of them. In the order of the table's key, cited works first, which is where most of the
    /// writing goes.
    /// </summary>
    private void WritePending(string batchReferences, string references, bool unresolvedOnly) =>
        _sql.Execute($"""
            {batchReferences}
            INSERT INTO "PendingCitations" ("CitedWorkNumber", "CitingWorkId")
            SELECT refs.CitedNumber, refs.Citing FROM refs
            {(unresolvedOnly ? "WHERE NOT EXISTS (SELECT 1 FROM \"Works\" w WHERE w.\"OpenAlexId\" = refs.Cited)" : "")}
            ORDER BY refs.CitedNumber, refs.Citing
            ON CONFLICT DO NOTHING
            """, references);

    /// <summary>
    /// In a bulk load with no merged ids to follow: keeps every reference of the batch as a pending citation, sorted
    /// here into the order of the table's key and written as rows, which costs less than handing SQLite the references
    /// as JSON to take apart and sort.
    /// </summary>
    private void WriteAllPending()
    {
        var pending = new List<(long CitedNumber, int Citing)>();
        foreach (var (workId, citedNumbers) in _references)
            foreach (var cited in citedNumbers) pending.Add((cited, workId));
        pending.Sort();
        foreach (var (citedNumber, citing) in pending)
        {
            var row = new PendingCitation { CitedWorkNumber = citedNumber, CitingWorkId = citing };
            // A work's references come without repeats, and a work's are written once: PostgreSQL copies them as they are.
            if (_db.IsPostgres) _bulk.Add(row);
            else _bulk.AddOrMerge(row, "ON CONFLICT DO NOTHING");
        }
    }

    /// <summary>
    /// All references of the batch as one JSON object (citing work key → cited ids), and the SQL that reads it as rows
    /// (Citing, Cited), with merged ids leading to their survivors.
    /// </summary>
    private (string Sql, string Json) BatchReferences()
    {
        var references = new System.Text.StringBuilder("{");
        foreach (var (workId, referenced) in _references)
        {
            if (references.Length > 1) references.Append(',');
            references.Append('"').Append(workId).Append("\":[");
            for (var i = 0; i < referenced.Count; i++) references.Append(i == 0 ? "\"W" : ",\"W").Append(referenced[i]).Append('"');
            references.Append(']');
        }
        references.Append('}');
        var cited = _hasMergedIds ? "COALESCE((SELECT m.\"MergedIntoId\" FROM \"MergedIds\" m WHERE m.\"OpenAlexId\" = r.value), r.value)" : "r.value";
        return ($"""
            WITH listed AS (SELECT CAST(o.key AS INTEGER) AS Citing, {cited} AS Cited FROM {_sql.Dialect.JsonObjectOfArrays("@references")}),
            refs AS (SELECT Citing, Cited, {WorkNumberSql("Cited")} AS CitedNumber FROM listed)
            """, references.ToString());
    }

    /// <summary>SQL for the number of a work's OpenAlex id (W2741809807 → 2741809807), as pending citations key it.</summary>
    internal static string WorkNumberSql(string openAlexId) => $"CAST(substr({openAlexId}, 2) AS BIGINT)";

    /// <summary>The number of a work's OpenAlex id (W2741809807 → 2741809807), as pending citations key it.</summary>
    internal static long WorkNumberOf(string openAlexId) => long.Parse(openAlexId.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);

    private enum Change { None, Insert, Update }

    /// <summary>Missing records are inserted; an entity record replaces a stored one it is newer than; mentions never replace.</summary>
    private Change Decide(OpenAlexRecord record, StoredRecord? stored)
    {
        if (stored is not { } existing) return Change.Insert;
        if (record.IsMention) return Change.None;
        var newer = record.UpdatedDate is { } incoming ? existing.UpdatedDate is not { } current || incoming > current : existing.UpdatedDate is null;
        if (!newer) _counts.Unchanged++;
        return newer ? Change.Update : Change.None;
    }

    /// <summary>A record counts once per run: when inserted, or when updated if an earlier run had stored it.</summary>
    private static bool IsNewToRun(Change change, StoredRecord? stored, int firstKeyOfRun) =>
        change == Change.Insert || stored!.Value.Id < firstKeyOfRun;

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
    private static int? Max(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private (int Id, string? OpenAlexId)? RorOwner(string ror)
    {
        using var reader = _sql.Query("SELECT \"Id\", \"OpenAlexId\" FROM \"Institutions\" WHERE \"Ror\" = @ror", ror);
        return reader.Read() ? (reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : null;
    }

    private const string DeleteUnusedNameOnlyResearcher = """
        DELETE FROM "Researchers" WHERE "Id" = @id AND "OpenAlexId" IS NULL
        AND NOT EXISTS (SELECT 1 FROM "Authorships" WHERE "ResearcherId" = @id)
        AND NOT EXISTS (SELECT 1 FROM "Follows" WHERE "ResearcherId" = @id)
        AND NOT EXISTS (SELECT 1 FROM "AuthorClaims" WHERE "ResearcherId" = @id)
        AND NOT EXISTS (SELECT 1 FROM "Conversations" WHERE "ResearcherId" = @id)
        """;

    // The columns an import sets on update; app-owned ones (slug, summary, open-to-collaborate) are left alone.
    private static readonly string[] InstitutionFields =
    [
        nameof(Institution.OpenAlexId), nameof(Institution.DisplayName), nameof(Institution.Ror), nameof(Institution.Acronyms),
        nameof(Institution.CountryCode), nameof(Institution.Type), nameof(Institution.HomepageUrl), nameof(Institution.City),
        nameof(Institution.WorksCount), nameof(Institution.CitedByCount), nameof(Institution.UpdatedDate),
    ];
    private static readonly string[] VenueFields =
    [
        nameof(Venue.DisplayName), nameof(Venue.IssnL), nameof(Venue.Type), nameof(Venue.HostOrganization), nameof(Venue.HomepageUrl),
        nameof(Venue.WorksCount), nameof(Venue.UpdatedDate),
    ];
    private static readonly string[] TopicFields =
    [
        nameof(Topic.DisplayName), nameof(Topic.Description), nameof(Topic.Keywords), nameof(Topic.SubfieldName), nameof(Topic.FieldName),
        nameof(Topic.DomainName), nameof(Topic.SubfieldNumber), nameof(Topic.FieldNumber), nameof(Topic.DomainNumber),
        nameof(Topic.WorksCount), nameof(Topic.UpdatedDate),
    ];
    private static readonly string[] ResearcherFields =
    [
        nameof(Researcher.DisplayName), nameof(Researcher.AlternativeNames), nameof(Researcher.Orcid), nameof(Researcher.WorksCount),
        nameof(Researcher.CitedByCount), nameof(Researcher.HIndex), nameof(Researcher.I10Index), nameof(Researcher.LastKnownInstitutionId),
        nameof(Researcher.UpdatedDate),
    ];
    private static readonly string[] WorkFields =
    [
        nameof(Work.Doi), nameof(Work.ArxivId), nameof(Work.Title), nameof(Work.Abstract), nameof(Work.Type), nameof(Work.Year),
        nameof(Work.PublicationDate), nameof(Work.VenueId), nameof(Work.CitedByCount), nameof(Work.IsOpenAccess), nameof(Work.Language),
        nameof(Work.UpdatedDate),
    ];

    private readonly record struct StoredRecord(int Id, DateOnly? UpdatedDate);

    /// <summary>Stored records of one table found by OpenAlex id, remembered for the batch or the run.</summary>
    private sealed class KnownRecords(string table, bool keepForRun)
    {
        private const int MostRemembered = 500_000;
        private readonly Dictionary<string, StoredRecord> _known = [];
        private readonly HashSet<string> _missing = [];
        private readonly string _find = $"SELECT \"Id\", \"UpdatedDate\" FROM \"{table}\" WHERE \"OpenAlexId\" = @id";

        private static string FindMany(SqlDialect dialect, string table) =>
            $"SELECT j.value, t.\"Id\", t.\"UpdatedDate\" FROM {dialect.JsonTexts("@ids")} j JOIN \"{table}\" t ON t.\"OpenAlexId\" = j.value";

        public string Table => table;

        public StoredRecord? Find(PreparedStatements sql, string openAlexId)
        {
            if (_known.TryGetValue(openAlexId, out var known)) return known;
            if (_missing.Contains(openAlexId)) return null;
            using var reader = sql.Query(_find, openAlexId);
            if (!reader.Read()) return null;
            var stored = Read(reader, 0);
            Remember(openAlexId, stored);
            return stored;
        }

        /// <summary>Looks up many ids in one query, so that <see cref="Find"/> needs none for them.</summary>
        public void FindAll(PreparedStatements sql, IEnumerable<string> openAlexIds)
        {
            var wanted = openAlexIds.Where(id => !_known.ContainsKey(id)).ToHashSet();
            if (wanted.Count == 0) return;
            using (var reader = sql.Query(FindMany(sql.Dialect, table), $"[{string.Join(',', wanted.Select(id => $"\"{id}\""))}]"))
            {
                while (reader.Read())
                {
                    var id = reader.GetString(0);
                    Remember(id, Read(reader, 1));
                    wanted.Remove(id);
                }
            }
            _missing.UnionWith(wanted);
        }

        public void Remember(string openAlexId, StoredRecord stored)
        {
            if (_known.Count >= MostRemembered) _known.Clear();
            _known[openAlexId] = stored;
            _missing.Remove(openAlexId);
        }

        public void Forget(string openAlexId)
        {
            _known.Remove(openAlexId);
            _missing.Remove(openAlexId);
        }

        /// <summary>At the start of a batch: what is known only for the batch goes, and so does what was missing.</summary>
        public void Forget()
        {
            if (!keepForRun) _known.Clear();
            _missing.Clear();
        }

        private static StoredRecord Read(System.Data.Common.DbDataReader reader, int first) => new(reader.GetInt32(first),
            reader.IsDBNull(first + 1) ? null : reader.GetFieldValue<DateOnly>(first + 1));
    }

    /// <summary>The first key of each table at the start of the run: rows from there on were stored by this run.</summary>
    private sealed class FirstKeys
    {
        public FirstKeys(ExplorerDbContext db)
        {
            Researcher = (db.Researchers.Max(r => (int?)r.Id) ?? 0) + 1;
            Work = (db.Works.Max(w => (int?)w.Id) ?? 0) + 1;
            Institution = (db.Institutions.Max(i => (int?)i.Id) ?? 0) + 1;
            Venue = (db.Venues.Max(v => (int?)v.Id) ?? 0) + 1;
            Topic = (db.Topics.Max(t => (int?)t.Id) ?? 0) + 1;
        }

        public int Researcher { get; }
        public int Work { get; }
        public int Institution { get; }
        public int Venue { get; }
        public int Topic { get; }
    }

    /// <summary>The next free key of each table the batch inserts into, read once at its start.</summary>
    private sealed class NextKeys(BulkWriter writer)
    {
        public int Researcher = writer.NextId<Researcher>();
        public int Work = writer.NextId<Work>();
        public int Authorship = writer.NextId<Authorship>();
        public int Institution = writer.NextId<Institution>();
        public int Venue = writer.NextId<Venue>();
        public int Topic = writer.NextId<Topic>();
    }
}
