using System.Globalization;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Profiles;
using BzPeer.Explorer.Profiles.Institutions;
using BzPeer.Explorer.Profiles.Researchers;
using BzPeer.Explorer.Profiles.Topics;
using BzPeer.Explorer.Profiles.Works;
using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Search;

public enum SearchKind { Researchers, Works, Topics, Institutions }

/// <summary>One result: what it is, its name, one line of context, and its page.</summary>
public sealed record SearchHit(SearchKind Kind, int Id, string Title, string? Context, string Link, string? Text = null);

public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, bool TotalIsAtLeast);

/// <summary>
/// Full-text search over researchers, works, topics and institutions. Ranked by relevance (bm25, names and
/// titles weighted far above abstracts and hierarchy), then by citations and works, so of two namesakes the
/// better-known comes first. User text only ever reaches the database as a bound parameter built by <see cref="SearchTerms"/>.
/// On SQLite the index is FTS5 (bm25); on PostgreSQL it is a weighted tsvector column per table (ts_rank), with the
/// same words, prefix rule, accent folding and ordering.
/// </summary>
public sealed class SearchService(IDbContextFactory<ExplorerDbContext> dbFactory)
{
    public const int PageSize = 20;

    /// <summary>Counts stop here; more matches read as "1,000+".</summary>
    public const int CountLimit = 1000;

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
            hits.AddRange(await QueryAsync(db, kind, terms, 0, perKind, null, null, cancellationToken, suggestion: true));
        return hits.DistinctBy(h => (h.Kind, h.Id)).ToList();
    }

    public async Task<SearchResults> SearchAsync(string? text, SearchKind kind, int page, int? fromYear, int? toYear, CancellationToken cancellationToken = default)
    {
        var terms = SearchTerms.Parse(text);
        if (terms.IsEmpty) return new SearchResults([], 0, false);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hits = await QueryAsync(db, kind, terms, Math.Max(0, page) * PageSize, PageSize, fromYear, toYear, cancellationToken);
        var total = await CountAsync(db, kind, terms, fromYear, toYear, cancellationToken);
        return new SearchResults(hits, total, total > CountLimit);
    }

    /// <summary>How many matches of each kind (up to <see cref="CountLimit"/> + 1), for the tabs of the results page.</summary>
    public async Task<IReadOnlyDictionary<SearchKind, int>> CountsAsync(string? text, int? fromYear, int? toYear, CancellationToken cancellationToken = default)
    {
        var terms = SearchTerms.Parse(text);
        var counts = Kinds.ToDictionary(k => k, _ => 0);
        if (terms.IsEmpty) return counts;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var kind in Kinds) counts[kind] = await CountAsync(db, kind, terms, fromYear, toYear, cancellationToken);
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
    /// Per kind: the index with its column weights, and the rows to show for its matches. The matches are ranked
    /// in an inner query; for suggestions that inner query stops after <see cref="SuggestionCandidates"/> matches, so
    /// a two-letter prefix matching half the database costs no more than a precise name.
    /// </summary>
    private sealed record KindQuery(string Index, string Weights, string Select, string From, string Filter, string TieBreak);

    private static readonly Dictionary<SearchKind, KindQuery> Queries = new()
    {
        [SearchKind.Researchers] = new("ResearcherSearch", "10.0, 4.0",
            "r.Id, r.DisplayName, coalesce(i.DisplayName, r.WorksCount || CASE r.WorksCount WHEN 1 THEN ' work' ELSE ' works' END), r.Slug, NULL",
            "Researchers r ON r.Id = m.Id LEFT JOIN Institutions i ON i.Id = r.LastKnownInstitutionId", "",
            "r.CitedByCount DESC, r.WorksCount DESC, r.Id"),
        [SearchKind.Works] = new("WorkSearch", "10.0, 1.0",
            "w.Id, w.Title, trim(coalesce(w.Year, '') || ' · ' || coalesce(v.DisplayName, ''), ' ·'), NULL, w.Abstract",
            "Works w ON w.Id = m.Id LEFT JOIN Venues v ON v.Id = w.VenueId",
            "WHERE ($from IS NULL OR w.Year >= $from) AND ($to IS NULL OR w.Year <= $to)",
            "w.CitedByCount DESC, w.Id"),
        [SearchKind.Topics] = new("TopicSearch", "10.0, 2.0, 1.0, 1.0",
            "t.Id, t.DisplayName, t.FieldName || ' › ' || t.SubfieldName, NULL, t.Description",
            "Topics t ON t.Id = m.Id", "", "t.WorksCount DESC, t.Id"),
        [SearchKind.Institutions] = new("InstitutionSearch", "10.0, 6.0, 2.0, 1.0",
            "i.Id, i.DisplayName, trim(coalesce(i.City, '') || ', ' || coalesce(i.CountryCode, ''), ', '), NULL, NULL",
            "Institutions i ON i.Id = m.Id", "", "i.WorksCount DESC, i.Id"),
    };

    /// <summary>The same per kind on PostgreSQL: the table whose SearchVector column is searched, and its rows to show.</summary>
    private sealed record PostgresKindQuery(string Table, string Select, string From, string Filter, string TieBreak);

    private static readonly Dictionary<SearchKind, PostgresKindQuery> PostgresQueries = new()
    {
        [SearchKind.Researchers] = new("Researchers",
            "r.\"Id\", r.\"DisplayName\", coalesce(i.\"DisplayName\", r.\"WorksCount\" || CASE r.\"WorksCount\" WHEN 1 THEN ' work' ELSE ' works' END), r.\"Slug\", NULL",
            "\"Researchers\" r ON r.\"Id\" = m.\"Id\" LEFT JOIN \"Institutions\" i ON i.\"Id\" = r.\"LastKnownInstitutionId\"", "",
            "r.\"CitedByCount\" DESC, r.\"WorksCount\" DESC, r.\"Id\""),
        [SearchKind.Works] = new("Works",
            "w.\"Id\", w.\"Title\", trim(coalesce(w.\"Year\"::text, '') || ' · ' || coalesce(v.\"DisplayName\", ''), ' ·'), NULL, w.\"Abstract\"",
            "\"Works\" w ON w.\"Id\" = m.\"Id\" LEFT JOIN \"Venues\" v ON v.\"Id\" = w.\"VenueId\"",
            "WHERE (@from IS NULL OR w.\"Year\" >= @from) AND (@to IS NULL OR w.\"Year\" <= @to)",
            "w.\"CitedByCount\" DESC, w.\"Id\""),
        [SearchKind.Topics] = new("Topics",
            "t.\"Id\", t.\"DisplayName\", t.\"FieldName\" || ' › ' || t.\"SubfieldName\", NULL, t.\"Description\"",
            "\"Topics\" t ON t.\"Id\" = m.\"Id\"", "", "t.\"WorksCount\" DESC, t.\"Id\""),
        [SearchKind.Institutions] = new("Institutions",
            "i.\"Id\", i.\"DisplayName\", trim(coalesce(i.\"City\", '') || ', ' || coalesce(i.\"CountryCode\", ''), ', '), NULL, NULL",
            "\"Institutions\" i ON i.\"Id\" = m.\"Id\"", "", "i.\"WorksCount\" DESC, i.\"Id\""),
    };

    /// <summary>The typed words as a tsquery, folded as the indexed text is (search_fold is defined by the SearchIndex migration).</summary>
    private const string PostgresQuery = "to_tsquery('simple'::regconfig, search_fold(@match))";

    /// <summary>How many matches suggestions rank at most, per kind.</summary>
    private const int SuggestionCandidates = 400;

    private static string SelectSql(SearchKind kind, bool suggestion)
    {
        var q = Queries[kind];
        var candidates = suggestion ? $"LIMIT {SuggestionCandidates}" : "";
        return $"""
            SELECT {q.Select}
            FROM (SELECT rowid AS Id, bm25({q.Index}, {q.Weights}) AS Score FROM {q.Index} WHERE {q.Index} MATCH $match {candidates}) m
            JOIN {q.From}
            {q.Filter}
            ORDER BY round(m.Score, 3), {q.TieBreak}
            LIMIT $take OFFSET $skip
            """;
    }

    private static string PostgresSelectSql(SearchKind kind, bool suggestion)
    {
        var q = PostgresQueries[kind];
        var candidates = suggestion ? $"LIMIT {SuggestionCandidates}" : "";
        return $"""
            SELECT {q.Select}
            FROM (SELECT s."Id", ts_rank(s."SearchVector", {PostgresQuery}) AS "Score" FROM "{q.Table}" s WHERE s."SearchVector" @@ {PostgresQuery} {candidates}) m
            JOIN {q.From}
            {q.Filter}
            ORDER BY round(m."Score"::numeric, 3) DESC, {q.TieBreak}
            LIMIT @take OFFSET @skip
            """;
    }

    private static string PostgresCountSql(SearchKind kind) => kind == SearchKind.Works
        ? $"""
            SELECT count(*) FROM (SELECT 1 FROM "Works" w
            WHERE w."SearchVector" @@ {PostgresQuery} AND (@from IS NULL OR w."Year" >= @from) AND (@to IS NULL OR w."Year" <= @to) LIMIT @limit) m
            """
        : $"SELECT count(*) FROM (SELECT 1 FROM \"{PostgresQueries[kind].Table}\" s WHERE s.\"SearchVector\" @@ {PostgresQuery} LIMIT @limit) m";

    private static readonly Dictionary<SearchKind, string> CountSql = new()
    {
        [SearchKind.Researchers] = "SELECT count(*) FROM (SELECT 1 FROM ResearcherSearch WHERE ResearcherSearch MATCH $match LIMIT $limit)",
        [SearchKind.Works] = """
            SELECT count(*) FROM (SELECT 1 FROM WorkSearch JOIN Works w ON w.Id = WorkSearch.rowid
            WHERE WorkSearch MATCH $match AND ($from IS NULL OR w.Year >= $from) AND ($to IS NULL OR w.Year <= $to) LIMIT $limit)
            """,
        [SearchKind.Topics] = "SELECT count(*) FROM (SELECT 1 FROM TopicSearch WHERE TopicSearch MATCH $match LIMIT $limit)",
        [SearchKind.Institutions] = "SELECT count(*) FROM (SELECT 1 FROM InstitutionSearch WHERE InstitutionSearch MATCH $match LIMIT $limit)",
    };

    private static async Task<List<SearchHit>> QueryAsync(
        ExplorerDbContext db, SearchKind kind, SearchTerms terms, int skip, int take, int? fromYear, int? toYear, CancellationToken cancellationToken, bool suggestion = false)
    {
        var sql = db.IsPostgres ? PostgresSelectSql(kind, suggestion) : SelectSql(kind, suggestion);
        await using var command = await CommandAsync(db, sql, terms, fromYear, toYear, cancellationToken);
        AddParameter(command, db, "take", take);
        AddParameter(command, db, "skip", skip);
        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
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
            hits.Add(new SearchHit(kind, id, reader.GetString(1), string.IsNullOrEmpty(context) ? null : context, link, reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return hits;
    }

    private static async Task<int> CountAsync(ExplorerDbContext db, SearchKind kind, SearchTerms terms, int? fromYear, int? toYear, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(db, db.IsPostgres ? PostgresCountSql(kind) : CountSql[kind], terms, fromYear, toYear, cancellationToken);
        AddParameter(command, db, "limit", CountLimit + 1);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task<DbCommand> CommandAsync(ExplorerDbContext db, string sql, SearchTerms terms, int? fromYear, int? toYear, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open) await db.Database.OpenConnectionAsync(cancellationToken);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        AddParameter(command, db, "match", db.IsPostgres ? terms.ToTsQuery() : terms.ToMatchExpression());
        if (sql.Contains("from IS NULL", StringComparison.Ordinal))
        {
            AddParameter(command, db, "from", fromYear);
            AddParameter(command, db, "to", toYear);
        }
        return command;
    }

    /// <summary>Binds $name on SQLite and @name on PostgreSQL; a null year is typed, as PostgreSQL needs to know what it is.</summary>
    private static void AddParameter(DbCommand command, ExplorerDbContext db, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = (db.IsPostgres ? "@" : "$") + name;
        parameter.Value = value ?? DBNull.Value;
        parameter.DbType = value is string ? DbType.String : DbType.Int32;
        command.Parameters.Add(parameter);
    }
}
