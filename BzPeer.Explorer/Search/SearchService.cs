using System.Globalization;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Profiles;
using BzPeer.Explorer.Profiles.Institutions;
using BzPeer.Explorer.Profiles.Researchers;
using BzPeer.Explorer.Profiles.Shared;
using BzPeer.Explorer.Profiles.Topics;
using BzPeer.Explorer.Profiles.Works;
using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Search;

public enum SearchKind { Researchers, Works, Topics, Institutions }

/// <summary>One result: what it is, its name, one line of context, and its page; on the results page also its facts.</summary>
public sealed record SearchHit(SearchKind Kind, int Id, string Title, string? Context, string Link, string? Text = null, SearchHitFacts? Facts = null);

/// <summary>
/// What a researcher weighs a result by. Papers: authors (the first few, and how many there are), year, venue,
/// citations, open access. People: last known institution, works, citations. Topics: field, works. Institutions:
/// place, works, citations. Each field is set only for the kind it belongs to.
/// </summary>
public sealed record SearchHitFacts(
    int? Year = null, string? Venue = null, string? Institution = null, string? Field = null, string? Place = null,
    int? CitedByCount = null, int? WorksCount = null, bool IsOpenAccess = false, IReadOnlyList<string>? Authors = null, int AuthorCount = 0);

public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, bool TotalIsAtLeast);

/// <summary>
/// Full-text search over researchers, works, topics and institutions. User text only ever reaches the database as a
/// bound parameter built by <see cref="SearchTerms"/>. On SQLite the index is FTS5; on PostgreSQL a weighted tsvector
/// column per table; both match the same words with the same prefix rule and accent folding.
/// <para>
/// Ranking, the same on both engines (no engine's own relevance score is used, as bm25 and ts_rank do not agree):
/// first the text tier, then a score, then a fixed tie-break.
/// Tier 0: the name or title is the query itself (same words in the same order, case, accents and punctuation
/// aside). Tier 1: every word is in the name or title (for people also other names, for institutions acronyms).
/// Tier 2: the words are found elsewhere (abstract, field, city). Score: for papers ln(1 + citations) + recency, where
/// recency is 2 for this year's papers falling by 0.2 a year to 0 at ten years old; for people and institutions
/// citations, for topics works. Tie-break: works (people, institutions), then id.
/// </para>
/// </summary>
public sealed class SearchService(IDbContextFactory<ExplorerDbContext> dbFactory)
{
    private readonly SuggestionLeaders _leaders = new(dbFactory);

    public const int PageSize = 20;

    /// <summary>Counts stop here; more matches read as "1,000+".</summary>
    public const int CountLimit = 1000;

    /// <summary>Authors shown per paper; more read as "et al.".</summary>
    public const int AuthorsShown = 3;

    public static readonly SearchKind[] Kinds = [SearchKind.Researchers, SearchKind.Works, SearchKind.Topics, SearchKind.Institutions];

    /// <summary>A few of the best matches of each kind, for the suggestions under the search box.</summary>
    public async Task<IReadOnlyList<SearchHit>> SuggestAsync(string? text, int perKind = 4, CancellationToken cancellationToken = default)
    {
        var terms = SearchTerms.Parse(text);
        if (terms.IsEmpty) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hits = new List<SearchHit>();
        if (await IdentifierHitAsync(db, text!, cancellationToken) is { } identified) hits.Add(identified);
        foreach (var kind in Kinds)
        {
            var leaders = await _leaders.MatchingAsync(db, kind, terms, SuggestionLeaderCandidates, cancellationToken);
            hits.AddRange(await QueryAsync(db, kind, text!, terms, 0, perKind, SearchFilter.None, cancellationToken, suggestion: leaders));
        }
        return hits.DistinctBy(h => (h.Kind, h.Id)).ToList();
    }

    /// <summary>One page of results of one kind, with each result's facts (a paper's authors read in one more query for the whole page).</summary>
    public async Task<SearchResults> SearchAsync(string? text, SearchKind kind, int page, SearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var terms = SearchTerms.Parse(text);
        if (terms.IsEmpty) return new SearchResults([], 0, false);
        filter ??= SearchFilter.None;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hits = await QueryAsync(db, kind, text!, terms, Paging.Offset(page, PageSize), PageSize, filter, cancellationToken);
        if (kind == SearchKind.Works) hits = await WithAuthorsAsync(db, hits, cancellationToken);
        var total = await CountAsync(db, kind, terms, filter, cancellationToken);
        return new SearchResults(hits, total, total > CountLimit);
    }

    /// <summary>How many matches of each kind (up to <see cref="CountLimit"/> + 1), for the tabs of the results page.</summary>
    public async Task<IReadOnlyDictionary<SearchKind, int>> CountsAsync(string? text, SearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var terms = SearchTerms.Parse(text);
        var counts = Kinds.ToDictionary(k => k, _ => 0);
        if (terms.IsEmpty) return counts;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var kind in Kinds) counts[kind] = await CountAsync(db, kind, terms, filter ?? SearchFilter.None, cancellationToken);
        return counts;
    }

    /// <summary>The page of a record whose identifier was typed (ORCID iD, DOI, arXiv id, ROR or OpenAlex id), if any.</summary>
    public async Task<string?> IdentifierLinkAsync(string? text, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 300) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await IdentifierHitAsync(db, text, cancellationToken))?.Link;
    }

    private static async Task<SearchHit?> IdentifierHitAsync(ExplorerDbContext db, string text, CancellationToken cancellationToken)
    {
        var key = text.Trim();
        if (ResearcherQueries.ByIdentifier(db, key) is { } researchers) return await ResearcherHit(researchers);
        if (WorkQueries.ByIdentifier(db, key) is { } works) return await WorkHit(works);
        if (TopicQueries.ByIdentifier(db, key) is { } topics)
            return await topics.Select(t => new SearchHit(SearchKind.Topics, t.Id, t.DisplayName, t.FieldName, Links.Topic(t.Id), null)).FirstOrDefaultAsync(cancellationToken);
        if (InstitutionQueries.ByIdentifier(db, key) is { } institutions)
            return await institutions.Select(i => new SearchHit(SearchKind.Institutions, i.Id, i.DisplayName, i.CountryCode, Links.Institution(i.Id), null)).FirstOrDefaultAsync(cancellationToken);
        return null;

        Task<SearchHit?> ResearcherHit(IQueryable<Researcher> researchers) =>
            researchers.OrderByDescending(r => r.WorksCount)
                .Select(r => new SearchHit(SearchKind.Researchers, r.Id, r.DisplayName, r.LastKnownInstitution != null ? r.LastKnownInstitution.DisplayName : null, Links.Researcher(r.Slug), null))
                .FirstOrDefaultAsync(cancellationToken);

        Task<SearchHit?> WorkHit(IQueryable<Work> works) =>
            works.OrderBy(w => w.Id)
                .Select(w => new SearchHit(SearchKind.Works, w.Id, w.Title, w.Year.ToString(), Links.Work(w.Id), null))
                .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Per kind on SQLite: the FTS5 index, the index of names (the same but for works, whose titles have their own),
    /// its name column (exact matches), its name columns (tier 1), the rows to show
    /// for its matches (id, title, context, slug, text, then the facts: year, venue/institution/field, citations, works,
    /// open access), their join and filter, the score and the tie-break. The matches are ranked in an outer query; for
    /// suggestions only a bounded set of candidates (<see cref="SuggestionCandidatesSql"/>).
    /// </summary>
    private sealed record KindQuery(string Index, string NameIndex, string NameColumn, string NameColumns, string Select, string From, string Filter, string Score, string TieBreak);

    private const string SqliteWorkFilter = "WHERE (@from IS NULL OR w.Year >= @from) AND (@to IS NULL OR w.Year <= @to) AND (@oa = 0 OR w.IsOpenAccess)";

    private static readonly Dictionary<SearchKind, KindQuery> Queries = new()
    {
        [SearchKind.Researchers] = new("ResearcherSearch", "ResearcherSearch", "DisplayName", "DisplayName AlternativeNames",
            "r.Id, r.DisplayName, coalesce(i.DisplayName, r.WorksCount || CASE r.WorksCount WHEN 1 THEN ' work' ELSE ' works' END), r.Slug, NULL, " +
            "NULL, i.DisplayName, r.CitedByCount, r.WorksCount, NULL",
            "Researchers r ON r.Id = m.Id LEFT JOIN Institutions i ON i.Id = r.LastKnownInstitutionId", "",
            "r.CitedByCount", "r.WorksCount DESC, r.Id"),
        [SearchKind.Works] = new("WorkSearch", "WorkTitleSearch", "Title", "Title",
            "w.Id, w.Title, trim(coalesce(w.Year, '') || ' · ' || coalesce(v.DisplayName, ''), ' ·'), NULL, w.Abstract, " +
            "w.Year, v.DisplayName, w.CitedByCount, NULL, w.IsOpenAccess",
            "Works w ON w.Id = m.Id LEFT JOIN Venues v ON v.Id = w.VenueId", SqliteWorkFilter,
            "ln(1 + w.CitedByCount) + max(0, min(10, 10 - (@year - coalesce(w.Year, 0)))) / 5.0", "w.Id"),
        [SearchKind.Topics] = new("TopicSearch", "TopicSearch", "DisplayName", "DisplayName",
            "t.Id, t.DisplayName, t.FieldName || ' › ' || t.SubfieldName, NULL, t.Description, " +
            "NULL, t.FieldName || ' › ' || t.SubfieldName, NULL, t.WorksCount, NULL",
            "Topics t ON t.Id = m.Id", "", "t.WorksCount", "t.Id"),
        [SearchKind.Institutions] = new("InstitutionSearch", "InstitutionSearch", "DisplayName", "DisplayName Acronyms",
            "i.Id, i.DisplayName, trim(coalesce(i.City, '') || ', ' || coalesce(i.CountryCode, ''), ', '), NULL, NULL, " +
            "NULL, trim(coalesce(i.City, '') || ', ' || coalesce(i.CountryCode, ''), ', '), i.CitedByCount, i.WorksCount, NULL",
            "Institutions i ON i.Id = m.Id", "", "i.CitedByCount", "i.WorksCount DESC, i.Id"),
    };

    /// <summary>
    /// The same per kind on PostgreSQL: the table whose SearchVector column is searched, its name column, the weights
    /// its name columns were indexed with (tier 1), and the rest as on SQLite.
    /// </summary>
    private sealed record PostgresKindQuery(string Table, string NameColumn, string NameWeights, string Select, string From, string Filter, string Score, string TieBreak);

    private const string PostgresWorkFilter =
        "WHERE (@from IS NULL OR w.\"Year\" >= @from) AND (@to IS NULL OR w.\"Year\" <= @to) AND (@oa = 0 OR w.\"IsOpenAccess\")";

    private static readonly Dictionary<SearchKind, PostgresKindQuery> PostgresQueries = new()
    {
        [SearchKind.Researchers] = new("Researchers", "DisplayName", "AB",
            "r.\"Id\", r.\"DisplayName\", coalesce(i.\"DisplayName\", r.\"WorksCount\" || CASE r.\"WorksCount\" WHEN 1 THEN ' work' ELSE ' works' END), r.\"Slug\", NULL, " +
            "NULL, i.\"DisplayName\", r.\"CitedByCount\", r.\"WorksCount\", NULL",
            "\"Researchers\" r ON r.\"Id\" = m.\"Id\" LEFT JOIN \"Institutions\" i ON i.\"Id\" = r.\"LastKnownInstitutionId\"", "",
            "r.\"CitedByCount\"", "r.\"WorksCount\" DESC, r.\"Id\""),
        [SearchKind.Works] = new("Works", "Title", "A",
            "w.\"Id\", w.\"Title\", trim(coalesce(w.\"Year\"::text, '') || ' · ' || coalesce(v.\"DisplayName\", ''), ' ·'), NULL, w.\"Abstract\", " +
            "w.\"Year\", v.\"DisplayName\", w.\"CitedByCount\", NULL, w.\"IsOpenAccess\"",
            "\"Works\" w ON w.\"Id\" = m.\"Id\" LEFT JOIN \"Venues\" v ON v.\"Id\" = w.\"VenueId\"", PostgresWorkFilter,
            "ln(1 + w.\"CitedByCount\"::float8) + greatest(0, least(10, 10 - (@year - coalesce(w.\"Year\", 0))))::float8 / 5.0", "w.\"Id\""),
        [SearchKind.Topics] = new("Topics", "DisplayName", "A",
            "t.\"Id\", t.\"DisplayName\", t.\"FieldName\" || ' › ' || t.\"SubfieldName\", NULL, t.\"Description\", " +
            "NULL, t.\"FieldName\" || ' › ' || t.\"SubfieldName\", NULL, t.\"WorksCount\", NULL",
            "\"Topics\" t ON t.\"Id\" = m.\"Id\"", "", "t.\"WorksCount\"", "t.\"Id\""),
        [SearchKind.Institutions] = new("Institutions", "DisplayName", "AB",
            "i.\"Id\", i.\"DisplayName\", trim(coalesce(i.\"City\", '') || ', ' || coalesce(i.\"CountryCode\", ''), ', '), NULL, NULL, " +
            "NULL, trim(coalesce(i.\"City\", '') || ', ' || coalesce(i.\"CountryCode\", ''), ', '), i.\"CitedByCount\", i.\"WorksCount\", NULL",
            "\"Institutions\" i ON i.\"Id\" = m.\"Id\"", "", "i.\"CitedByCount\"", "i.\"WorksCount\" DESC, i.\"Id\""),
    };

    /// <summary>Typed words as a tsquery, folded as the indexed text is (search_fold is defined by the SearchIndex migration).</summary>
    private static string PostgresQuery(string parameter) => $"to_tsquery('simple'::regconfig, search_fold(@{parameter}))";

    /// <summary>How many held best-known records that match a suggestion ranks at most, per kind.</summary>
    private const int SuggestionLeaderCandidates = 40;

    /// <summary>
    /// How many matches of each part (names, anywhere) suggestions rank at most, per kind. The index gives them in id
    /// order, so past the best-known (<see cref="SuggestionLeaders"/>) they are a sample, not the best; each costs a
    /// row read, which at ten million records is the suggestion's main cost.
    /// </summary>
    private const int SuggestionCandidates = 100;

    /// <summary>
    /// Names or titles holding the query as a phrase, shortest first, that are checked for being the query itself:
    /// an exact match is among the shortest, so a few suffice however common the words are.
    /// </summary>
    private const int ExactCandidates = 20;

    /// <summary>
    /// For suggestions, how many names holding the query as a phrase are read to find the shortest: a common first
    /// name alone is held by tens of thousands, and a name that is exactly one word is rare among them.
    /// </summary>
    private const int SuggestionPhraseMatches = 100;

    private static string SelectSql(SearchKind kind, IReadOnlyList<int>? suggestion, IReadOnlyCollection<int> exactIds)
    {
        var q = Queries[kind];
        var matches = suggestion is null
            ? $"""
              SELECT rowid AS Id,
                  CASE {ExactCase("rowid", exactIds)} WHEN rowid IN (SELECT rowid FROM {q.NameIndex} WHERE {q.NameIndex} MATCH @name) THEN 1 ELSE 2 END AS Tier
              FROM {q.Index} WHERE {q.Index} MATCH @match
              """
            : SuggestionCandidatesSql(
                $"SELECT rowid AS Id, 1 AS Tier FROM {q.NameIndex} WHERE {q.NameIndex} MATCH @name LIMIT {SuggestionCandidates}",
                NamesAreAllIndexed(kind) ? null : $"SELECT rowid, 2 FROM {q.Index} WHERE {q.Index} MATCH @match LIMIT {SuggestionCandidates}",
                suggestion, exactIds);
        return $"""
            SELECT {q.Select}
            FROM ({matches}) m
            JOIN {q.From}
            {q.Filter}
            ORDER BY m.Tier, {q.Score} DESC, {q.TieBreak}
            LIMIT @take OFFSET @skip
            """;
    }

    private static string PostgresSelectSql(SearchKind kind, IReadOnlyList<int>? suggestion, IReadOnlyCollection<int> exactIds)
    {
        var q = PostgresQueries[kind];
        var matches = suggestion is null
            ? $"""
              SELECT s."Id",
                  CASE {ExactCase("s.\"Id\"", exactIds)} WHEN s."SearchVector" @@ {PostgresQuery("name")} THEN 1 ELSE 2 END AS "Tier"
              FROM "{q.Table}" s WHERE s."SearchVector" @@ {PostgresQuery("match")}
              """
            : SuggestionCandidatesSql(
                $"SELECT s.\"Id\", 1 AS \"Tier\" FROM \"{q.Table}\" s WHERE s.\"SearchVector\" @@ {PostgresQuery("name")} LIMIT {SuggestionCandidates}",
                NamesAreAllIndexed(kind) ? null : $"SELECT s.\"Id\", 2 FROM \"{q.Table}\" s WHERE s.\"SearchVector\" @@ {PostgresQuery("match")} LIMIT {SuggestionCandidates}",
                suggestion, exactIds);
        return $"""
            SELECT {q.Select}
            FROM ({matches}) m
            JOIN {q.From}
            {q.Filter}
            ORDER BY m."Tier", {q.Score} DESC, {q.TieBreak}
            LIMIT @take OFFSET @skip
            """;
    }

    /// <summary>
    /// The candidates a suggestion ranks, each with its tier: the first matches in the names (tier 1), the first
    /// matches anywhere (tier 2; left out where the names are all that is indexed), the held best-known records that
    /// match (tier 1, see <see cref="SuggestionLeaders"/>) and the exact matches (tier 0). Each part stops early, so a
    /// prefix matching half the database costs no more than a precise name. Ids are numbers read from the database.
    /// </summary>
    private static string SuggestionCandidatesSql(string nameMatches, string? otherMatches, IReadOnlyList<int> leaders, IReadOnlyCollection<int> exactIds)
    {
        static string Listed(IEnumerable<int> ids, int tier) =>
            $"SELECT column1, {tier} FROM (VALUES {string.Join(", ", ids.Select(id => $"({id.ToString(CultureInfo.InvariantCulture)})"))}) AS v";
        var parts = new List<string> { $"SELECT * FROM ({nameMatches}) n" };
        if (otherMatches is not null) parts.Add($"SELECT * FROM ({otherMatches}) o");
        if (leaders.Count > 0) parts.Add(Listed(leaders, 1));
        if (exactIds.Count > 0) parts.Add(Listed(exactIds, 0));
        return $"SELECT c.\"Id\", min(c.\"Tier\") AS \"Tier\" FROM ({string.Join(" UNION ALL ", parts)}) AS c GROUP BY c.\"Id\"";
    }

    /// <summary>A person's index holds only names, so every match is a match in the names.</summary>
    private static bool NamesAreAllIndexed(SearchKind kind) => kind == SearchKind.Researchers;

    /// <summary>Ids are numbers read from the database, so they may be written into the SQL.</summary>
    private static string ExactCase(string column, IReadOnlyCollection<int> exactIds) =>
        exactIds.Count == 0 ? "" : $"WHEN {column} IN ({string.Join(", ", exactIds.Select(id => id.ToString(CultureInfo.InvariantCulture)))}) THEN 0";

    private static string ExactCandidatesSql(SearchKind kind, bool postgres, bool suggestion)
    {
        var bound = suggestion ? $"LIMIT {SuggestionPhraseMatches}" : "";
        if (postgres)
        {
            var q = PostgresQueries[kind];
            return $"""
                SELECT p."Id", p."{q.NameColumn}" FROM (
                    SELECT s."Id", s."{q.NameColumn}" FROM "{q.Table}" s WHERE s."SearchVector" @@ {PostgresQuery("phrase")} {bound}) p
                ORDER BY length(p."{q.NameColumn}"), p."Id" LIMIT {ExactCandidates}
                """;
        }
        var k = Queries[kind];
        return $"""
            SELECT p.rowid, p.{k.NameColumn} FROM (SELECT rowid, {k.NameColumn} FROM {k.NameIndex} WHERE {k.NameIndex} MATCH @phrase {bound}) p
            ORDER BY length(p.{k.NameColumn}), p.rowid LIMIT {ExactCandidates}
            """;
    }

    private static string PostgresCountSql(SearchKind kind) => kind == SearchKind.Works
        ? $"""
            SELECT count(*) FROM (SELECT 1 FROM "Works" w
            WHERE w."SearchVector" @@ {PostgresQuery("match")} AND (@from IS NULL OR w."Year" >= @from) AND (@to IS NULL OR w."Year" <= @to)
            AND (@oa = 0 OR w."IsOpenAccess") LIMIT @limit) m
            """
        : $"SELECT count(*) FROM (SELECT 1 FROM \"{PostgresQueries[kind].Table}\" s WHERE s.\"SearchVector\" @@ {PostgresQuery("match")} LIMIT @limit) m";

    private static readonly Dictionary<SearchKind, string> CountSql = new()
    {
        [SearchKind.Researchers] = "SELECT count(*) FROM (SELECT 1 FROM ResearcherSearch WHERE ResearcherSearch MATCH @match LIMIT @limit)",
        [SearchKind.Works] = """
            SELECT count(*) FROM (SELECT 1 FROM WorkSearch JOIN Works w ON w.Id = WorkSearch.rowid
            WHERE WorkSearch MATCH @match AND (@from IS NULL OR w.Year >= @from) AND (@to IS NULL OR w.Year <= @to)
            AND (@oa = 0 OR w.IsOpenAccess) LIMIT @limit)
            """,
        [SearchKind.Topics] = "SELECT count(*) FROM (SELECT 1 FROM TopicSearch WHERE TopicSearch MATCH @match LIMIT @limit)",
        [SearchKind.Institutions] = "SELECT count(*) FROM (SELECT 1 FROM InstitutionSearch WHERE InstitutionSearch MATCH @match LIMIT @limit)",
    };

    /// <summary>The records of a kind whose name or title is the typed text itself, case, accents and punctuation aside.</summary>
    private static async Task<List<int>> ExactIdsAsync(ExplorerDbContext db, SearchKind kind, string text, SearchTerms terms, bool suggestion, CancellationToken cancellationToken)
    {
        var key = SearchTerms.Key(text);
        var phrase = db.IsPostgres ? terms.ToTsPhrase(PostgresQueries[kind].NameWeights[..1]) : terms.ToMatchPhrase(Queries[kind].NameColumn);
        var candidates = await db.ReadAsync(ExactCandidatesSql(kind, db.IsPostgres, suggestion),
            reader => (Id: reader.GetInt32(0), Name: reader.IsDBNull(1) ? null : reader.GetString(1)), cancellationToken, ("@phrase", phrase));
        return candidates.Where(c => c.Name is not null && SearchTerms.Key(c.Name) == key).Select(c => c.Id).ToList();
    }

    private static async Task<List<SearchHit>> QueryAsync(
        ExplorerDbContext db, SearchKind kind, string text, SearchTerms terms, int skip, int take, SearchFilter filter, CancellationToken cancellationToken, IReadOnlyList<int>? suggestion = null)
    {
        var exactIds = await ExactIdsAsync(db, kind, text, terms, suggestion is not null, cancellationToken);
        var sql = db.IsPostgres ? PostgresSelectSql(kind, suggestion, exactIds) : SelectSql(kind, suggestion, exactIds);
        var name = db.IsPostgres ? terms.ToTsQuery(weights: PostgresQueries[kind].NameWeights) : terms.ToMatchExpression(columns: Queries[kind].NameColumns);
        SqlValue[] values = [.. TermsAndFilter(db, kind, terms, filter, suggestion is not null), ("@name", name), ("@take", take), ("@skip", skip)];
        return await db.ReadAsync(sql, reader => Hit(kind, reader), cancellationToken, values);
    }

    private static SearchHit Hit(SearchKind kind, DbDataReader reader)
    {
        var id = reader.GetInt32(0);
        var context = reader.IsDBNull(2) ? null : reader.GetString(2);
        var link = kind switch
        {
            SearchKind.Researchers => Links.Researcher(reader.GetString(3)),
            SearchKind.Works => Links.Work(id),
            SearchKind.Topics => Links.Topic(id),
            _ => Links.Institution(id),
        };
        return new SearchHit(kind, id, reader.GetString(1), string.IsNullOrEmpty(context) ? null : context, link,
            reader.IsDBNull(4) ? null : reader.GetString(4), Facts(kind, reader));
    }

    private static SearchHitFacts Facts(SearchKind kind, DbDataReader reader)
    {
        int? Number(int column) => reader.IsDBNull(column) ? null : reader.GetInt32(column);
        var detail = reader.IsDBNull(6) ? null : reader.GetString(6);
        if (string.IsNullOrEmpty(detail)) detail = null;
        var facts = new SearchHitFacts(Year: Number(5), CitedByCount: Number(7), WorksCount: Number(8), IsOpenAccess: !reader.IsDBNull(9) && reader.GetBoolean(9));
        return kind switch
        {
            SearchKind.Works => facts with { Venue = detail },
            SearchKind.Researchers => facts with { Institution = detail },
            SearchKind.Topics => facts with { Field = detail },
            _ => facts with { Place = detail },
        };
    }

    /// <summary>
    /// The first authors of every paper on the page and how many each has, in one query for the page (a window over
    /// each paper's authorships, in their order on the paper). Ids are numbers read from the database.
    /// </summary>
    private static async Task<List<SearchHit>> WithAuthorsAsync(ExplorerDbContext db, List<SearchHit> hits, CancellationToken cancellationToken)
    {
        if (hits.Count == 0) return hits;
        var ids = string.Join(", ", hits.Select(h => h.Id.ToString(CultureInfo.InvariantCulture)));
        var rows = await db.ReadAsync($"""
            SELECT x."WorkId", x."Total", x."Name" FROM (
                SELECT a."WorkId", r."DisplayName" AS "Name", count(*) OVER (PARTITION BY a."WorkId") AS "Total",
                       row_number() OVER (PARTITION BY a."WorkId" ORDER BY a."AuthorOrder", a."Id") AS "Position"
                FROM "Authorships" a JOIN "Researchers" r ON r."Id" = a."ResearcherId"
                WHERE a."WorkId" IN ({ids})) x
            WHERE x."Position" <= {AuthorsShown}
            ORDER BY x."WorkId", x."Position"
            """, reader => (WorkId: reader.GetInt32(0), Total: Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), Name: reader.GetString(2)), cancellationToken);
        var authors = new Dictionary<int, (List<string> Names, int Total)>();
        foreach (var row in rows)
        {
            if (!authors.TryGetValue(row.WorkId, out var entry)) authors[row.WorkId] = entry = ([], row.Total);
            entry.Names.Add(row.Name);
        }
        return hits.Select(h => authors.TryGetValue(h.Id, out var a)
            ? h with { Facts = (h.Facts ?? new SearchHitFacts()) with { Authors = a.Names, AuthorCount = a.Total } }
            : h).ToList();
    }

    private static async Task<int> CountAsync(ExplorerDbContext db, SearchKind kind, SearchTerms terms, SearchFilter filter, CancellationToken cancellationToken) =>
        Convert.ToInt32(await db.ScalarAsync(db.IsPostgres ? PostgresCountSql(kind) : CountSql[kind], cancellationToken,
            [.. TermsAndFilter(db, kind, terms, filter), ("@limit", CountLimit + 1)]), CultureInfo.InvariantCulture);

    /// <summary>
    /// The typed words and, for papers (the only kind with a filter and a recency score), the filter and this year.
    /// Suggested papers match the last word as a prefix in their titles only (the name tier): abstracts match whole
    /// words, which spares SQLite's index of abstracts the prefix indexes that would cost every load several times over.
    /// </summary>
    private static IEnumerable<SqlValue> TermsAndFilter(ExplorerDbContext db, SearchKind kind, SearchTerms terms, SearchFilter filter, bool suggestion = false)
    {
        var prefix = !(suggestion && kind == SearchKind.Works);
        yield return ("@match", db.IsPostgres ? terms.ToTsQuery(prefix) : terms.ToMatchExpression(prefix));
        if (kind != SearchKind.Works) yield break;
        yield return ("@from", filter.FromYear);
        yield return ("@to", filter.ToYear);
        yield return ("@oa", filter.OpenAccessOnly ? 1 : 0);
        yield return ("@year", DateTime.UtcNow.Year);
    }
}
