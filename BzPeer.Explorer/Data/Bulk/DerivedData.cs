using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BzPeer.Explorer.Data.Bulk;

/// <summary>
/// Tables and counts computed from authorships, topics and citations, which pages and the graph read instead of
/// recounting. <see cref="RebuildAsync"/> recomputes everything set-wise after a bulk load; <see cref="Refresh"/> brings
/// them up to date for what one import batch changed.
/// Counts a source supplies for its own records are kept as the source gave them: an OpenAlex record imported from its
/// own entity record (which carries updated_date) has OpenAlex's works and citation counts, which cover works never
/// imported here. A record only mentioned by others (an author on a work) has no UpdatedDate and no counts of its own,
/// so its counts are computed from what is stored, like those of records from other sources.
/// A researcher is on a work's author list at most once (a unique index says so), so shared works are counted as rows.
/// </summary>
internal static class DerivedData
{
    private const string Computed = "(\"{0}\".\"Origin\" <> 'OpenAlex' OR \"{0}\".\"UpdatedDate\" IS NULL)";

    // Before the statements that use it (static fields start in the order written).
    private static readonly string[] RebuildCoAuthorPairs = ["DELETE FROM \"CoAuthorPairs\"", CoAuthorPairsOf("")];
    private static readonly string[] SqliteRebuild = RebuildStatements(SqlDialect.Sqlite);
    private static readonly string[] PostgresRebuild = RebuildStatements(SqlDialect.Postgres);

    private static string[] RebuildStatements(SqlDialect dialect) => [.. RebuildCoAuthorPairs, .. RebuildAllButCoAuthorPairs(dialect)];

    private static string[] RebuildAllButCoAuthorPairs(SqlDialect dialect) =>
    [
        "DELETE FROM \"ResearcherTopics\"",
        ResearcherTopicsOf(""),
        AffiliationsFromAuthorships(dialect, ""),
        """
        UPDATE "Works" SET "CitedByCount" = counts.Cited
        FROM (SELECT "CitedWorkId", COUNT(*) AS Cited FROM "Citations" GROUP BY "CitedWorkId") AS counts
        WHERE counts."CitedWorkId" = "Works"."Id" AND "Works"."Origin" <> 'OpenAlex'
        """,
        ResearcherCounts(""),
        LastKnownInstitutions(""),
        $"""
        UPDATE "Topics" SET "WorksCount" = counts."Works"
        FROM (SELECT "TopicId", COUNT(*) AS "Works" FROM "WorkTopics" GROUP BY "TopicId") AS counts
        WHERE counts."TopicId" = "Topics"."Id" AND {string.Format(Computed, "Topics")}
        """,
        $"""
        UPDATE "Venues" SET "WorksCount" = counts."Works"
        FROM (SELECT "VenueId", COUNT(*) AS "Works" FROM "Works" WHERE "VenueId" IS NOT NULL GROUP BY "VenueId") AS counts
        WHERE counts."VenueId" = "Venues"."Id" AND {string.Format(Computed, "Venues")}
        """,
        InstitutionCounts(""),
    ];

    public static async Task RebuildAsync(ExplorerDbContext db, CancellationToken cancellationToken)
    {
        foreach (var statement in db.IsPostgres ? PostgresRebuild : SqliteRebuild)
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
    }

    // After an import's bulk load: the affiliations of researchers known only from mentions come from their authorships
    // alone, as the batches' refresh derives them, so they are derived again whole; then everything is rebuilt.
    private static string[] AfterBulkLoad(SqlDialect dialect) =>
    [
        """
        DELETE FROM "Affiliations" WHERE "ResearcherId" IN (
            SELECT r."Id" FROM "Researchers" r WHERE r."Origin" = 'OpenAlex' AND r."UpdatedDate" IS NULL)
        """,
        .. RebuildAllButCoAuthorPairs(dialect),
    ];

    private static readonly string[] SqliteAfterBulkLoad = AfterBulkLoad(SqlDialect.Sqlite);
    private static readonly string[] PostgresAfterBulkLoad = AfterBulkLoad(SqlDialect.Postgres);

    /// <summary>Derives the tables and counts from all that is stored, after an import's bulk load, inside its transaction.</summary>
    /// <param name="deriveCoAuthorPairs">False when the load's batches kept the co-author pairs up to date.</param>
    public static void RebuildAfterBulkLoad(ExplorerDbContext db, bool deriveCoAuthorPairs)
    {
        using var command = db.CreateCommand("");
        command.CommandTimeout = 0;
        var afterBulkLoad = db.IsPostgres ? PostgresAfterBulkLoad : SqliteAfterBulkLoad;
        foreach (var statement in deriveCoAuthorPairs ? [.. RebuildCoAuthorPairs, .. afterBulkLoad] : afterBulkLoad)
        {
            command.CommandText = statement;
            command.ExecuteNonQuery();
        }
    }

    private static readonly string[] SqliteRefresh = RefreshStatements(SqlDialect.Sqlite);
    private static readonly string[] PostgresRefresh = RefreshStatements(SqlDialect.Postgres);

    private static string[] RefreshStatements(SqlDialect dialect)
    {
        // Each set is bound as a JSON array of ids (@added, @recount, …).
        var addedWorks = dialect.JsonIds("@added");
        var recountResearchers = dialect.JsonIds("@recount");
        var reaffiliated = dialect.JsonIds("@reaffiliate");
        var recountTopics = dialect.JsonIds("@topics");
        var recountVenues = dialect.JsonIds("@venues");
        var recountInstitutions = dialect.JsonIds("@institutions");
        var touchedResearchers =
            $"SELECT a.\"ResearcherId\" FROM \"Authorships\" a WHERE a.\"WorkId\" IN ({addedWorks}) UNION {recountResearchers} UNION {reaffiliated}";
        return
    [
        // Works new to the database add to pairs and topic counts; nothing they add was counted before.
        CoAuthorPairsOf($"WHERE a.\"WorkId\" IN ({addedWorks}) AND a.\"ResearcherId\" NOT IN ({recountResearchers})", $"""
            ON CONFLICT ("ResearcherId", "CoAuthorId") DO UPDATE SET
                "SharedWorks" = "CoAuthorPairs"."SharedWorks" + excluded."SharedWorks",
                "LastYear" = {dialect.Greatest("\"CoAuthorPairs\".\"LastYear\"", "excluded.\"LastYear\"")}
            """),
        ResearcherTopicsOf($"WHERE a.\"WorkId\" IN ({addedWorks}) AND a.\"ResearcherId\" NOT IN ({recountResearchers})",
            "ON CONFLICT (\"ResearcherId\", \"TopicId\") DO UPDATE SET \"WorkCount\" = \"ResearcherTopics\".\"WorkCount\" + excluded.\"WorkCount\""),
        // Researchers on works that changed or went away are recounted whole, in both directions of each pair.
        $"DELETE FROM \"CoAuthorPairs\" WHERE \"ResearcherId\" IN ({recountResearchers})",
        $"DELETE FROM \"CoAuthorPairs\" WHERE \"CoAuthorId\" IN ({recountResearchers})",
        CoAuthorPairsOf($"WHERE a.\"ResearcherId\" IN ({recountResearchers})"),
        CoAuthorPairsOf($"WHERE b.\"ResearcherId\" IN ({recountResearchers}) AND a.\"ResearcherId\" NOT IN ({recountResearchers})"),
        $"DELETE FROM \"ResearcherTopics\" WHERE \"ResearcherId\" IN ({recountResearchers})",
        ResearcherTopicsOf($"WHERE a.\"ResearcherId\" IN ({recountResearchers})"),
        // Affiliations shown by authorships: added works extend them; researchers known only from mentions have
        // nothing else, so theirs are derived again whole when their works change.
        $"""
        DELETE FROM "Affiliations" WHERE "ResearcherId" IN (
            SELECT r."Id" FROM "Researchers" r WHERE r."Id" IN ({recountResearchers}) AND {string.Format(Computed, "r")})
        """,
        AffiliationsFromAuthorships(dialect, $"a.\"WorkId\" IN ({addedWorks})"),
        AffiliationsFromAuthorships(dialect, $"a.\"ResearcherId\" IN ({recountResearchers} UNION {reaffiliated})"),
        $"""
        UPDATE "Researchers" SET "WorksCount" = 0, "CitedByCount" = 0, "HIndex" = 0, "I10Index" = 0
        WHERE "Id" IN ({recountResearchers}) AND {string.Format(Computed, "Researchers")}
        """,
        ResearcherCounts($"WHERE a.\"ResearcherId\" IN ({touchedResearchers})"),
        LastKnownInstitutions($"AND \"Researchers\".\"Id\" IN ({touchedResearchers})"),
        // Counts of topics, venues and institutions known only from mentions: added works add, changed ones recount.
        $"""
        UPDATE "Topics" SET "WorksCount" = "WorksCount" + added."Works"
        FROM (SELECT "TopicId", COUNT(*) AS "Works" FROM "WorkTopics" WHERE "WorkId" IN ({addedWorks}) GROUP BY "TopicId") AS added
        WHERE added."TopicId" = "Topics"."Id" AND "Topics"."Id" NOT IN ({recountTopics}) AND {string.Format(Computed, "Topics")}
        """,
        $"""
        UPDATE "Topics" SET "WorksCount" = (SELECT COUNT(*) FROM "WorkTopics" wt WHERE wt."TopicId" = "Topics"."Id")
        WHERE "Id" IN ({recountTopics}) AND {string.Format(Computed, "Topics")}
        """,
        $"""
        UPDATE "Venues" SET "WorksCount" = "WorksCount" + added."Works"
        FROM (SELECT "VenueId", COUNT(*) AS "Works" FROM "Works" WHERE "Id" IN ({addedWorks}) AND "VenueId" IS NOT NULL GROUP BY "VenueId") AS added
        WHERE added."VenueId" = "Venues"."Id" AND "Venues"."Id" NOT IN ({recountVenues}) AND {string.Format(Computed, "Venues")}
        """,
        $"""
        UPDATE "Venues" SET "WorksCount" = (SELECT COUNT(*) FROM "Works" w WHERE w."VenueId" = "Venues"."Id")
        WHERE "Id" IN ({recountVenues}) AND {string.Format(Computed, "Venues")}
        """,
        $"""
        UPDATE "Institutions" SET "WorksCount" = "WorksCount" + added."Works", "CitedByCount" = "CitedByCount" + added.Cited
        FROM (
            SELECT links."InstitutionId", COUNT(*) AS "Works", SUM(w."CitedByCount") AS Cited
            FROM (SELECT DISTINCT ai."InstitutionId", a."WorkId"
                  FROM "Authorships" a JOIN "AuthorshipInstitutions" ai ON ai."AuthorshipId" = a."Id"
                  WHERE a."WorkId" IN ({addedWorks})) AS links
            JOIN "Works" w ON w."Id" = links."WorkId"
            GROUP BY links."InstitutionId"
        ) AS added
        WHERE added."InstitutionId" = "Institutions"."Id" AND "Institutions"."Id" NOT IN ({recountInstitutions})
          AND {string.Format(Computed, "Institutions")}
        """,
        $"""
        UPDATE "Institutions" SET "WorksCount" = 0, "CitedByCount" = 0
        WHERE "Id" IN ({recountInstitutions}) AND {string.Format(Computed, "Institutions")}
        """,
        InstitutionCounts($"WHERE ai.\"InstitutionId\" IN ({recountInstitutions})"),
    ];
    }

    /// <summary>Brings the derived tables and counts up to date for what one import batch changed, inside its transaction.</summary>
    public static void Refresh(ExplorerDbContext db, AffectedRecords affected)
    {
        if (affected.IsEmpty) return;
        using var command = db.CreateCommand("",
            ("@added", JsonIds(affected.AddedWorks)),
            ("@recount", JsonIds(affected.RecountResearchers)),
            ("@reaffiliate", JsonIds(affected.ReaffiliatedResearchers)),
            ("@topics", JsonIds(affected.RecountTopics)),
            ("@venues", JsonIds(affected.RecountVenues)),
            ("@institutions", JsonIds(affected.RecountInstitutions)));
        foreach (var statement in db.IsPostgres ? PostgresRefresh : SqliteRefresh)
        {
            command.CommandText = statement;
            command.ExecuteNonQuery();
        }
    }

    internal static string JsonIds(IReadOnlyCollection<int> ids) => ids.Count == 0 ? "[]" : $"[{string.Join(',', ids)}]";

    /// <param name="onConflict">How to merge into pairs already stored; without it the pairs must not be there.</param>
    private static string CoAuthorPairsOf(string where, string onConflict = "") => $"""
        INSERT INTO "CoAuthorPairs" ("ResearcherId", "CoAuthorId", "SharedWorks", "LastYear")
        SELECT a."ResearcherId", b."ResearcherId", COUNT(*), MAX(w."Year")
        FROM "Authorships" a
        JOIN "Authorships" b ON b."WorkId" = a."WorkId" AND b."ResearcherId" <> a."ResearcherId"
        JOIN "Works" w ON w."Id" = a."WorkId"
        {where}
        GROUP BY a."ResearcherId", b."ResearcherId"
        {onConflict}
        """;

    private static string ResearcherTopicsOf(string where, string onConflict = "") => $"""
        INSERT INTO "ResearcherTopics" ("ResearcherId", "TopicId", "WorkCount")
        SELECT a."ResearcherId", wt."TopicId", COUNT(*)
        FROM "Authorships" a JOIN "WorkTopics" wt ON wt."WorkId" = a."WorkId"
        {where}
        GROUP BY a."ResearcherId", wt."TopicId"
        {onConflict}
        """;

    /// <summary>Adds the affiliations authorships show, widening the years of those already stored; never narrows them.</summary>
    private static string AffiliationsFromAuthorships(SqlDialect dialect, string condition) => $"""
        INSERT INTO "Affiliations" ("ResearcherId", "InstitutionId", "FirstYear", "LastYear")
        SELECT a."ResearcherId", ai."InstitutionId", MIN(w."Year"), MAX(w."Year")
        FROM "Authorships" a
        JOIN "AuthorshipInstitutions" ai ON ai."AuthorshipId" = a."Id"
        JOIN "Works" w ON w."Id" = a."WorkId"
        WHERE {(condition.Length == 0 ? "true" : condition)}
        GROUP BY a."ResearcherId", ai."InstitutionId"
        ON CONFLICT ("ResearcherId", "InstitutionId") DO UPDATE SET
            "FirstYear" = {dialect.Least("\"Affiliations\".\"FirstYear\"", "excluded.\"FirstYear\"")},
            "LastYear" = {dialect.Greatest("\"Affiliations\".\"LastYear\"", "excluded.\"LastYear\"")}
        """;

    private static string ResearcherCounts(string where) => $"""
        UPDATE "Researchers" SET "WorksCount" = stats."Works", "CitedByCount" = stats.Cited, "HIndex" = stats.H, "I10Index" = stats.I10
        FROM (
            SELECT "ResearcherId",
                   COUNT(*) AS "Works",
                   SUM(Cited) AS Cited,
                   MAX(CASE WHEN Cited >= Rank THEN Rank ELSE 0 END) AS H,
                   SUM(CASE WHEN Cited >= 10 THEN 1 ELSE 0 END) AS I10
            FROM (
                SELECT a."ResearcherId", w."CitedByCount" AS Cited,
                       ROW_NUMBER() OVER (PARTITION BY a."ResearcherId" ORDER BY w."CitedByCount" DESC) AS Rank
                FROM "Authorships" a JOIN "Works" w ON w."Id" = a."WorkId"
                {where}
            ) AS ranked
            GROUP BY "ResearcherId"
        ) AS stats
        WHERE stats."ResearcherId" = "Researchers"."Id" AND {string.Format(Computed, "Researchers")}
        """;

    /// <summary>The latest affiliation, for researchers whose source named no last known institution.</summary>
    private static string LastKnownInstitutions(string condition) => $"""
        UPDATE "Researchers" SET "LastKnownInstitutionId" = (
            SELECT f."InstitutionId" FROM "Affiliations" f
            WHERE f."ResearcherId" = "Researchers"."Id"
            ORDER BY f."LastYear" DESC, f."FirstYear" DESC, f."InstitutionId"
            LIMIT 1)
        WHERE ("Researchers"."LastKnownInstitutionId" IS NULL OR {string.Format(Computed, "Researchers")}) {condition}
        """;

    private static string InstitutionCounts(string where) => $"""
        UPDATE "Institutions" SET "WorksCount" = counts."Works", "CitedByCount" = counts.Cited
        FROM (
            SELECT links."InstitutionId", COUNT(*) AS "Works", SUM(w."CitedByCount") AS Cited
            FROM (SELECT DISTINCT ai."InstitutionId", a."WorkId"
                  FROM "AuthorshipInstitutions" ai JOIN "Authorships" a ON a."Id" = ai."AuthorshipId"
                  {where}) AS links
            JOIN "Works" w ON w."Id" = links."WorkId"
            GROUP BY links."InstitutionId"
        ) AS counts
        WHERE counts."InstitutionId" = "Institutions"."Id" AND {string.Format(Computed, "Institutions")}
        """;
}

/// <summary>What one import batch changed, for <see cref="DerivedData.Refresh"/>.</summary>
internal sealed class AffectedRecords
{
    /// <summary>Works stored for the first time: they add to the derived tables.</summary>
    public HashSet<int> AddedWorks { get; } = [];
    /// <summary>Researchers whose authorships changed other than by added works: recounted whole.</summary>
    public HashSet<int> RecountResearchers { get; } = [];
    /// <summary>Researchers whose own record replaced their affiliations: those authorships show are added back.</summary>
    public HashSet<int> ReaffiliatedResearchers { get; } = [];
    public HashSet<int> RecountTopics { get; } = [];
    public HashSet<int> RecountVenues { get; } = [];
    public HashSet<int> RecountInstitutions { get; } = [];

    public bool IsEmpty => AddedWorks.Count == 0 && RecountResearchers.Count == 0 && ReaffiliatedResearchers.Count == 0
        && RecountTopics.Count == 0 && RecountVenues.Count == 0 && RecountInstitutions.Count == 0;

    public void Clear()
    {
        AddedWorks.Clear();
        RecountResearchers.Clear();
        ReaffiliatedResearchers.Clear();
        RecountTopics.Clear();
        RecountVenues.Clear();
        RecountInstitutions.Clear();
    }
}
