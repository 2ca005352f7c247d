using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Import;

/// <summary>
/// Tables and counts computed from authorships, topics and citations, which pages and the graph read instead of
/// recounting. This rebuilds them set-wise after a bulk load. Counts that an external source supplies for its own
/// records (OpenAlex's works and citation counts cover works we never imported) are left as the source gave them.
/// </summary>
internal static class DerivedData
{
    private static readonly string[] RebuildStatements =
    [
        "DELETE FROM CoAuthorPairs",
        """
        INSERT INTO CoAuthorPairs (ResearcherId, CoAuthorId, SharedWorks, LastYear)
        SELECT a.ResearcherId, b.ResearcherId, COUNT(DISTINCT a.WorkId), MAX(w.Year)
        FROM Authorships a
        JOIN Authorships b ON b.WorkId = a.WorkId AND b.ResearcherId <> a.ResearcherId
        JOIN Works w ON w.Id = a.WorkId
        GROUP BY a.ResearcherId, b.ResearcherId
        """,
        "DELETE FROM ResearcherTopics",
        """
        INSERT INTO ResearcherTopics (ResearcherId, TopicId, WorkCount)
        SELECT a.ResearcherId, wt.TopicId, COUNT(DISTINCT a.WorkId)
        FROM Authorships a JOIN WorkTopics wt ON wt.WorkId = a.WorkId
        GROUP BY a.ResearcherId, wt.TopicId
        """,
        """
        INSERT INTO Affiliations (ResearcherId, InstitutionId, FirstYear, LastYear)
        SELECT a.ResearcherId, ai.InstitutionId, MIN(w.Year), MAX(w.Year)
        FROM Authorships a
        JOIN AuthorshipInstitutions ai ON ai.AuthorshipId = a.Id
        JOIN Works w ON w.Id = a.WorkId
        GROUP BY a.ResearcherId, ai.InstitutionId
        ON CONFLICT (ResearcherId, InstitutionId) DO UPDATE SET
            FirstYear = MIN(COALESCE(Affiliations.FirstYear, excluded.FirstYear), excluded.FirstYear),
            LastYear = MAX(COALESCE(Affiliations.LastYear, excluded.LastYear), excluded.LastYear)
        """,
        """
        UPDATE Works SET CitedByCount = counts.Cited
        FROM (SELECT CitedWorkId, COUNT(*) AS Cited FROM Citations GROUP BY CitedWorkId) AS counts
        WHERE counts.CitedWorkId = Works.Id AND Works.Origin <> 'OpenAlex'
        """,
        """
        UPDATE Researchers SET WorksCount = stats.Works, CitedByCount = stats.Cited, HIndex = stats.H, I10Index = stats.I10
        FROM (
            SELECT ResearcherId,
                   COUNT(*) AS Works,
                   SUM(Cited) AS Cited,
                   MAX(CASE WHEN Cited >= Rank THEN Rank ELSE 0 END) AS H,
                   SUM(CASE WHEN Cited >= 10 THEN 1 ELSE 0 END) AS I10
            FROM (
                SELECT a.ResearcherId, w.CitedByCount AS Cited,
                       ROW_NUMBER() OVER (PARTITION BY a.ResearcherId ORDER BY w.CitedByCount DESC) AS Rank
                FROM Authorships a JOIN Works w ON w.Id = a.WorkId
            )
            GROUP BY ResearcherId
        ) AS stats
        WHERE stats.ResearcherId = Researchers.Id AND Researchers.Origin <> 'OpenAlex'
        """,
        """
        UPDATE Researchers SET LastKnownInstitutionId = (
            SELECT f.InstitutionId FROM Affiliations f
            WHERE f.ResearcherId = Researchers.Id
            ORDER BY f.LastYear DESC, f.FirstYear DESC, f.InstitutionId
            LIMIT 1)
        WHERE Researchers.Origin <> 'OpenAlex'
        """,
        """
        UPDATE Topics SET WorksCount = counts.Works
        FROM (SELECT TopicId, COUNT(*) AS Works FROM WorkTopics GROUP BY TopicId) AS counts
        WHERE counts.TopicId = Topics.Id AND Topics.Origin <> 'OpenAlex'
        """,
        """
        UPDATE Venues SET WorksCount = counts.Works
        FROM (SELECT VenueId, COUNT(*) AS Works FROM Works WHERE VenueId IS NOT NULL GROUP BY VenueId) AS counts
        WHERE counts.VenueId = Venues.Id AND Venues.Origin <> 'OpenAlex'
        """,
        """
        UPDATE Institutions SET WorksCount = counts.Works, CitedByCount = counts.Cited
        FROM (
            SELECT links.InstitutionId, COUNT(*) AS Works, SUM(w.CitedByCount) AS Cited
            FROM (SELECT DISTINCT ai.InstitutionId, a.WorkId
                  FROM AuthorshipInstitutions ai JOIN Authorships a ON a.Id = ai.AuthorshipId) AS links
            JOIN Works w ON w.Id = links.WorkId
            GROUP BY links.InstitutionId
        ) AS counts
        WHERE counts.InstitutionId = Institutions.Id AND Institutions.Origin <> 'OpenAlex'
        """,
    ];

    public static async Task RebuildAsync(ExplorerDbContext db, CancellationToken cancellationToken)
    {
        foreach (var statement in RebuildStatements)
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
    }
}
