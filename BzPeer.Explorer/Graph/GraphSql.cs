using System.Data.Common;
using System.Globalization;
using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Graph;

internal sealed record PersonRow(int Id, string Slug, string Name, int Works, string? Institution)
{
    public GraphNode ToNode() =>
        new(NodeIds.Person(Slug), NodeKind.Person, Id, Name, Institution ?? $"{Works} {(Works == 1 ? "work" : "works")}") { Count = Works };
}

internal sealed record PaperRow(int Id, string Title, int? Year, string? Venue, int Citations)
{
    public GraphNode ToNode() =>
        new(NodeIds.Paper(Id), NodeKind.Paper, Id, Title,
            string.Join(" · ", new[] { Year?.ToString(CultureInfo.InvariantCulture), Venue }.Where(s => s is not null)), Year) { Count = Citations };
}

internal sealed record TopicRow(int Id, string Name, string Subfield)
{
    public GraphNode ToNode() => new(NodeIds.Topic(Id), NodeKind.Topic, Id, Name, Subfield);
}

internal sealed record InstitutionRow(int Id, string Name, string? City, string? Country, int Works)
{
    public GraphNode ToNode() =>
        new(NodeIds.Institution(Id), NodeKind.Institution, Id, Name, string.Join(", ", new[] { City, Country }.Where(s => !string.IsNullOrEmpty(s)))) { Count = Works };
}

internal sealed record WeightedRow<TRow>(TRow Row, double Weight);
internal sealed record PersonInstitution(int PersonId, InstitutionRow Row);
internal sealed record NeighbourhoodRow(NodeKind Kind, int Id, bool FromOpenAlex, bool RecordRead, bool? NeighbourhoodFetched);

/// <summary>
/// The SQL behind graph slices, run through <see cref="ContextSql"/>. A slice makes a dozen small reads, and for reads
/// this small EF's per-query work costs many times what SQLite does (docs/benchmarks.md), while EF's compiled queries are tied to one model instance, which the app, the command-line verbs and the tests
/// do not share. Every read is an index range of bounded size, driven from the link table, never a scan of works or
/// researchers. Parameters are bound; the only values written into SQL are integers the code produced. Identifiers
/// are quoted and parameters named @name, so the same SQL runs on SQLite and on PostgreSQL.
/// </summary>
internal static class GraphSql
{
    /// <summary>How many of an institution's researchers (the most recent) its topics are read from.</summary>
    public const int InstitutionTopicSample = 100;

    private const string Person = "r.\"Id\", r.\"Slug\", r.\"DisplayName\", r.\"WorksCount\", pi.\"DisplayName\"";
    private const string PersonInstitutionJoin = "LEFT JOIN \"Institutions\" pi ON pi.\"Id\" = r.\"LastKnownInstitutionId\"";
    private const string Paper = "w.\"Id\", w.\"Title\", w.\"Year\", v.\"DisplayName\", w.\"CitedByCount\"";
    private const string PaperVenueJoin = "LEFT JOIN \"Venues\" v ON v.\"Id\" = w.\"VenueId\"";
    private const string Page = "LIMIT @take OFFSET @skip";

    public static Task<List<PersonRow>> PersonBySlugAsync(ExplorerDbContext db, string slug, CancellationToken ct) =>
        db.ReadAsync($"SELECT {Person} FROM \"Researchers\" r {PersonInstitutionJoin} WHERE r.\"Slug\" = @slug", ReadPerson, ct, ("@slug", slug));

    public static Task<List<PaperRow>> PaperByIdAsync(ExplorerDbContext db, int id, CancellationToken ct) =>
        db.ReadAsync($"SELECT {Paper} FROM \"Works\" w {PaperVenueJoin} WHERE w.\"Id\" = @id", ReadPaper, ct, ("@id", id));

    public static Task<List<TopicRow>> TopicByIdAsync(ExplorerDbContext db, int id, CancellationToken ct) =>
        db.ReadAsync("SELECT t.\"Id\", t.\"DisplayName\", t.\"SubfieldName\" FROM \"Topics\" t WHERE t.\"Id\" = @id", ReadTopic, ct, ("@id", id));

    public static Task<List<InstitutionRow>> InstitutionByIdAsync(ExplorerDbContext db, int id, CancellationToken ct) =>
        db.ReadAsync("SELECT i.\"Id\", i.\"DisplayName\", i.\"City\", i.\"CountryCode\", i.\"WorksCount\" FROM \"Institutions\" i WHERE i.\"Id\" = @id", ReadInstitution, ct, ("@id", id));

    // A person's neighbours.

    public static Task<List<PaperRow>> PersonWorksAsync(ExplorerDbContext db, int id, int skip, int take, CancellationToken ct) =>
        db.ReadAsync($"SELECT {Paper} FROM \"Authorships\" a JOIN \"Works\" w ON w.\"Id\" = a.\"WorkId\" {PaperVenueJoin} WHERE a.\"ResearcherId\" = @id ORDER BY w.\"Year\" DESC, w.\"Id\" DESC {Page}",
            ReadPaper, ct, ("@id", id), ("@skip", skip), ("@take", take));

    public static Task<int> CountPersonWorksAsync(ExplorerDbContext db, int id, int atMost, CancellationToken ct) =>
        CountAsync(db, "SELECT 1 FROM \"Authorships\" WHERE \"ResearcherId\" = @id", id, atMost, ct);

    public static Task<List<WeightedRow<PersonRow>>> PersonCoAuthorsAsync(ExplorerDbContext db, int id, int skip, int take, CancellationToken ct) =>
        db.ReadAsync($"SELECT {Person}, p.\"SharedWorks\" FROM \"CoAuthorPairs\" p JOIN \"Researchers\" r ON r.\"Id\" = p.\"CoAuthorId\" {PersonInstitutionJoin} " +
                      $"WHERE p.\"ResearcherId\" = @id ORDER BY p.\"SharedWorks\" DESC, p.\"LastYear\" DESC, p.\"CoAuthorId\" {Page}",
            reader => new WeightedRow<PersonRow>(ReadPerson(reader), Weight(reader, 5)), ct, ("@id", id), ("@skip", skip), ("@take", take));

    public static Task<int> CountPersonCoAuthorsAsync(ExplorerDbContext db, int id, int atMost, CancellationToken ct) =>
        CountAsync(db, "SELECT 1 FROM \"CoAuthorPairs\" WHERE \"ResearcherId\" = @id", id, atMost, ct);

    public static Task<List<WeightedRow<TopicRow>>> PersonTopicsAsync(ExplorerDbContext db, int id, int skip, int take, CancellationToken ct) =>
        db.ReadAsync($"SELECT t.\"Id\", t.\"DisplayName\", t.\"SubfieldName\", rt.\"WorkCount\" FROM \"ResearcherTopics\" rt JOIN \"Topics\" t ON t.\"Id\" = rt.\"TopicId\" " +
                      $"WHERE rt.\"ResearcherId\" = @id ORDER BY rt.\"WorkCount\" DESC, rt.\"TopicId\" {Page}",
            reader => new WeightedRow<TopicRow>(ReadTopic(reader), Weight(reader, 3)), ct, ("@id", id), ("@skip", skip), ("@take", take));

    public static Task<int> CountPersonTopicsAsync(ExplorerDbContext db, int id, int atMost, CancellationToken ct) =>
        CountAsync(db, "SELECT 1 FROM \"ResearcherTopics\" WHERE \"ResearcherId\" = @id", id, atMost, ct);

    public static Task<List<InstitutionRow>> PersonInstitutionsAsync(ExplorerDbContext db, int id, int skip, int take, CancellationToken ct) =>
        db.ReadAsync($"SELECT i.\"Id\", i.\"DisplayName\", i.\"City\", i.\"CountryCode\", i.\"WorksCount\" FROM \"Affiliations\" a JOIN \"Institutions\" i ON i.\"Id\" = a.\"InstitutionId\" " +
                      $"WHERE a.\"ResearcherId\" = @id ORDER BY a.\"LastYear\" DESC, a.\"InstitutionId\" {Page}",
            ReadInstitution, ct, ("@id", id), ("@skip", skip), ("@take", take));

    public static Task<int> CountPersonInstitutionsAsync(ExplorerDbContext db, int id, int atMost, CancellationToken ct) =>
        CountAsync(db, "SELECT 1 FROM \"Affiliations\" WHERE \"ResearcherId\" = @id", id, atMost, ct);

    public static Task<List<PersonInstitution>> CurrentInstitutionsAsync(ExplorerDbContext db, IReadOnlyCollection<int> people, CancellationToken ct) =>
        db.ReadAsync($"SELECT r.\"Id\", i.\"Id\", i.\"DisplayName\", i.\"City\", i.\"CountryCode\", i.\"WorksCount\" FROM \"Researchers\" r JOIN \"Institutions\" i ON i.\"Id\" = r.\"LastKnownInstitutionId\" WHERE r.\"Id\" IN ({In(people)})",
            reader => new PersonInstitution(reader.GetInt32(0), new InstitutionRow(reader.GetInt32(1), reader.GetString(2), Text(reader, 3), Text(reader, 4), reader.GetInt32(5))), ct);

    // A paper's neighbours.

    public static Task<List<PersonRow>> PaperAuthorsAsync(ExplorerDbContext db, int id, int skip, int take, CancellationToken ct) =>
        db.ReadAsync($"SELECT {Person} FROM \"Authorships\" a JOIN \"Researchers\" r ON r.\"Id\" = a.\"ResearcherId\" {PersonInstitutionJoin} WHERE a.\"WorkId\" = @id ORDER BY a.\"AuthorOrder\" {Page}",
            ReadPerson, ct, ("@id", id), ("@skip", skip), ("@take", take));

    public static Task<int> CountPaperAuthorsAsync(ExplorerDbContext db, int id, int atMost, CancellationToken ct) =>
        CountAsync(db, "SELECT 1 FROM \"Authorships\" WHERE \"WorkId\" = @id", id, atMost, ct);

    public static Task<List<WeightedRow<TopicRow>>> PaperTopicsAsync(ExplorerDbContext db, int id, int skip, int take, CancellationToken ct) =>
        db.ReadAsync($"SELECT t.\"Id\", t.\"DisplayName\", t.\"SubfieldName\", wt.\"Score\" FROM \"WorkTopics\" wt JOIN \"Topics\" t ON t.\"Id\" = wt.\"TopicId\" " +
                      $"WHERE wt.\"WorkId\" = @id ORDER BY wt.\"Score\" DESC, wt.\"TopicId\" {Page}",
            reader => new WeightedRow<TopicRow>(ReadTopic(reader), Weight(reader, 3)), ct, ("@id", id), ("@skip", skip), ("@take", take));

    public static Task<int> CountPaperTopicsAsync(ExplorerDbContext db, int id, int atMost, CancellationToken ct) =>
        CountAsync(db, "SELECT 1 FROM \"WorkTopics\" WHERE \"WorkId\" = @id", id, atMost, ct);

    public static Task<List<PaperRow>> PaperReferencesAsync(ExplorerDbContext db, int id, int skip, int take, CancellationToken ct) =>
        db.ReadAsync($"SELECT {Paper} FROM \"Citations\" c JOIN \"Works\" w ON w.\"Id\" = c.\"CitedWorkId\" {PaperVenueJoin} WHERE c.\"CitingWorkId\" = @id ORDER BY w.\"Year\" DESC, w.\"Id\" DESC {Page}",
            ReadPaper, ct, ("@id", id), ("@skip", skip), ("@take", take));

    public static Task<int> CountPaperReferencesAsync(ExplorerDbContext db, int id, int atMost, CancellationToken ct) =>
        CountAsync(db, "SELECT 1 FROM \"Citations\" WHERE \"CitingWorkId\" = @id", id, atMost, ct);

    public static Task<List<PaperRow>> PaperCitedByAsync(ExplorerDbContext db, int id, int skip, int take, CancellationToken ct) =>
        db.ReadAsync($"SELECT {Paper} FROM \"Citations\" c JOIN \"Works\" w ON w.\"Id\" = c.\"CitingWorkId\" {PaperVenueJoin} WHERE c.\"CitedWorkId\" = @id ORDER BY w.\"Year\" DESC, w.\"Id\" DESC {Page}",
            ReadPaper, ct, ("@id", id), ("@skip", skip), ("@take", take));

    public static Task<int> CountPaperCitedByAsync(ExplorerDbContext db, int id, int atMost, CancellationToken ct) =>
        CountAsync(db, "SELECT 1 FROM \"Citations\" WHERE \"CitedWorkId\" = @id", id, atMost, ct);

    /// <summary>The venue's other works, newest first; none when the work has no venue (NULL matches nothing).</summary>
    public static Task<List<PaperRow>> SameVenueWorksAsync(ExplorerDbContext db, int id, int skip, int take, CancellationToken ct) =>
        db.ReadAsync($"SELECT {Paper} FROM \"Works\" w {PaperVenueJoin} WHERE w.\"VenueId\" = ({VenueOf}) AND w.\"Id\" <> @id ORDER BY w.\"Year\" DESC, w.\"Id\" DESC {Page}",
            ReadPaper, ct, ("@id", id), ("@skip", skip), ("@take", take));

    public static Task<int> CountSameVenueWorksAsync(ExplorerDbContext db, int id, int atMost, CancellationToken ct) =>
        CountAsync(db, $"SELECT 1 FROM \"Works\" WHERE \"VenueId\" = ({VenueOf}) AND \"Id\" <> @id", id, atMost, ct);

    private const string VenueOf = "SELECT \"VenueId\" FROM \"Works\" WHERE \"Id\" = @id";

    // A topic's neighbours.

    public static Task<List<WeightedRow<PersonRow>>> TopicResearchersAsync(ExplorerDbContext db, int id, int skip, int take, CancellationToken ct) =>
        db.ReadAsync($"SELECT {Person}, rt.\"WorkCount\" FROM \"ResearcherTopics\" rt JOIN \"Researchers\" r ON r.\"Id\" = rt.\"ResearcherId\" {PersonInstitutionJoin} " +
                      $"WHERE rt.\"TopicId\" = @id ORDER BY rt.\"WorkCount\" DESC, rt.\"ResearcherId\" {Page}",
            reader => new WeightedRow<PersonRow>(ReadPerson(reader), Weight(reader, 5)), ct, ("@id", id), ("@skip", skip), ("@take", take));

    public static Task<int> CountTopicResearchersAsync(ExplorerDbContext db, int id, int atMost, CancellationToken ct) =>
        CountAsync(db, "SELECT 1 FROM \"ResearcherTopics\" WHERE \"TopicId\" = @id", id, atMost, ct);

    public static Task<List<PaperRow>> TopicWorksAsync(ExplorerDbContext db, int id, int skip, int take, CancellationToken ct) =>
        db.ReadAsync($"SELECT {Paper} FROM \"WorkTopics\" wt JOIN \"Works\" w ON w.\"Id\" = wt.\"WorkId\" {PaperVenueJoin} WHERE wt.\"TopicId\" = @id ORDER BY wt.\"WorkYear\" DESC, wt.\"WorkId\" DESC {Page}",
            ReadPaper, ct, ("@id", id), ("@skip", skip), ("@take", take));

    public static Task<int> CountTopicWorksAsync(ExplorerDbContext db, int id, int atMost, CancellationToken ct) =>
        CountAsync(db, "SELECT 1 FROM \"WorkTopics\" WHERE \"TopicId\" = @id", id, atMost, ct);

    // An institution's neighbours.

    public static Task<List<PersonRow>> InstitutionResearchersAsync(ExplorerDbContext db, int id, int skip, int take, CancellationToken ct) =>
        db.ReadAsync($"SELECT {Person} FROM \"Affiliations\" a JOIN \"Researchers\" r ON r.\"Id\" = a.\"ResearcherId\" {PersonInstitutionJoin} " +
                      $"WHERE a.\"InstitutionId\" = @id ORDER BY a.\"LastYear\" DESC, a.\"ResearcherId\" {Page}",
            ReadPerson, ct, ("@id", id), ("@skip", skip), ("@take", take));

    public static Task<int> CountInstitutionResearchersAsync(ExplorerDbContext db, int id, int atMost, CancellationToken ct) =>
        CountAsync(db, "SELECT 1 FROM \"Affiliations\" WHERE \"InstitutionId\" = @id", id, atMost, ct);

    /// <summary>
    /// The institution's topics, weighted by the works on them of its most recent researchers: a bounded number, so a
    /// university with ten thousand researchers costs what a small institute does.
    /// </summary>
    private const string RecentResearchers = "SELECT \"ResearcherId\" FROM \"Affiliations\" WHERE \"InstitutionId\" = @id ORDER BY \"LastYear\" DESC, \"ResearcherId\" LIMIT @sample";

    /// <summary>One page of those topics and, read in the same pass, how many there are in all.</summary>
    public static async Task<(List<WeightedRow<TopicRow>> Rows, int Total)> InstitutionTopicsAsync(ExplorerDbContext db, int id, int skip, int take, CancellationToken ct)
    {
        var rows = await db.ReadAsync("SELECT t.\"Id\", t.\"DisplayName\", t.\"SubfieldName\", g.\"Works\", count(*) OVER () FROM (SELECT \"TopicId\", sum(\"WorkCount\") AS \"Works\" FROM \"ResearcherTopics\" " +
                                       $"WHERE \"ResearcherId\" IN ({RecentResearchers}) GROUP BY \"TopicId\") g JOIN \"Topics\" t ON t.\"Id\" = g.\"TopicId\" ORDER BY g.\"Works\" DESC, g.\"TopicId\" {Page}",
            reader => (Row: new WeightedRow<TopicRow>(ReadTopic(reader), Weight(reader, 3)), Total: (int)reader.GetInt64(4)), ct,
            ("@id", id), ("@sample", InstitutionTopicSample), ("@skip", skip), ("@take", take));
        return (rows.Select(r => r.Row).ToList(), rows.Count == 0 ? skip : rows[0].Total);
    }

    private static readonly Dictionary<LinkKind, (string Table, string From, string To, string Weight)> LinkTables = new()
    {
        [LinkKind.Author] = ("Authorships", "WorkId", "ResearcherId", "1"),
        [LinkKind.Topic] = ("WorkTopics", "WorkId", "TopicId", "\"Score\""),
        [LinkKind.Reference] = ("Citations", "CitingWorkId", "CitedWorkId", "1"),
        [LinkKind.Institution] = ("Affiliations", "ResearcherId", "InstitutionId", "1"),
        [LinkKind.CoAuthor] = ("CoAuthorPairs", "ResearcherId", "CoAuthorId", "\"SharedWorks\""),
    };

    /// <summary>
    /// The links of one kind from the records <paramref name="from"/>, walking the index from that side; with
    /// <paramref name="onlyTo"/>, only those to these records. The unary "+" keeps SQLite from turning that filter into
    /// one index seek per pair, which costs ten times the walk, except for co-authors, where the walk would be long.
    /// </summary>
    public static string LinkSelect(LinkKind kind, List<int> from, List<int>? onlyTo = null)
    {
        var (table, fromColumn, toColumn, weight) = LinkTables[kind];
        var filter = onlyTo is null ? "" : $" AND {(kind == LinkKind.CoAuthor ? "" : "+")}\"{toColumn}\" IN ({In(onlyTo)})";
        return $"SELECT {(int)kind}, \"{fromColumn}\", \"{toColumn}\", {weight} FROM \"{table}\" WHERE \"{fromColumn}\" IN ({In(from)}){filter}";
    }

    /// <summary>The rows of several <see cref="LinkSelect"/>s, read in one statement.</summary>
    public static async Task<List<LinkRow>> LinksAsync(ExplorerDbContext db, IReadOnlyCollection<string> selects, CancellationToken ct) =>
        selects.Count == 0 ? [] : await db.ReadAsync(string.Join(" UNION ALL ", selects),
            reader => new LinkRow((LinkKind)reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), Weight(reader, 3)), ct);

    /// <summary>Integer ids as an SQL list; "NULL" (which matches nothing) for none.</summary>
    public static string In(IEnumerable<int> ids)
    {
        var text = string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        return text.Length == 0 ? "NULL" : text;
    }

    /// <summary>
    /// How many rows the select of one column (<c>SELECT … FROM … WHERE …</c>) gives, counting no further than
    /// <paramref name="atMost"/>: a hub's links are counted in a time that does not grow with the hub.
    /// </summary>
    private static async Task<int> CountAsync(ExplorerDbContext db, string select, int id, int atMost, CancellationToken ct) =>
        (await db.ReadAsync($"SELECT count(*) FROM ({select} LIMIT @atMost) counted", Count, ct, ("@id", id), ("@atMost", atMost)))[0];

    /// <summary>
    /// For the people, institutions and topics of a slice: whether each came from OpenAlex, whether its own record was read, and
    /// whether its neighbourhood was read live (null when it never was), in one statement. The ids are integers the
    /// code produced, written into the SQL.
    /// </summary>
    public static Task<List<NeighbourhoodRow>> NeighbourhoodRowsAsync(ExplorerDbContext db, IReadOnlyCollection<int> people,
        IReadOnlyCollection<int> institutions, IReadOnlyCollection<int> topics, CancellationToken ct)
    {
        static string Part(NodeKind kind, string table, IReadOnlyCollection<int> ids) =>
            $"SELECT {(int)kind}, x.\"Id\", x.\"Origin\" = 'OpenAlex' AND x.\"OpenAlexId\" IS NOT NULL, x.\"UpdatedDate\" IS NOT NULL, f.\"NeighbourhoodFetched\" FROM \"{table}\" x " +
            $"LEFT JOIN \"LiveFetches\" f ON f.\"OpenAlexId\" = x.\"OpenAlexId\" AND x.\"Origin\" = 'OpenAlex' " +
            $"WHERE x.\"Id\" IN ({string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)))})";
        var parts = new List<string>();
        if (people.Count > 0) parts.Add(Part(NodeKind.Person, "Researchers", people));
        if (institutions.Count > 0) parts.Add(Part(NodeKind.Institution, "Institutions", institutions));
        if (topics.Count > 0) parts.Add(Part(NodeKind.Topic, "Topics", topics));
        if (parts.Count == 0) return Task.FromResult(new List<NeighbourhoodRow>());
        return db.ReadAsync(string.Join(" UNION ALL ", parts), r => new NeighbourhoodRow(
            (NodeKind)r.GetInt32(0), r.GetInt32(1), r.GetBoolean(2), r.GetBoolean(3), r.IsDBNull(4) ? null : r.GetBoolean(4)), ct);
    }

    private static PersonRow ReadPerson(DbDataReader r) => new(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetInt32(3), Text(r, 4));

    private static PaperRow ReadPaper(DbDataReader r) => new(r.GetInt32(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt32(2), Text(r, 3), r.GetInt32(4));

    private static TopicRow ReadTopic(DbDataReader r) => new(r.GetInt32(0), r.GetString(1), r.GetString(2));

    private static InstitutionRow ReadInstitution(DbDataReader r) => new(r.GetInt32(0), r.GetString(1), Text(r, 2), Text(r, 3), r.GetInt32(4));

    private static string? Text(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    /// <summary>count(*) is a 64-bit integer on both engines.</summary>
    private static int Count(DbDataReader r) => (int)r.GetInt64(0);

    /// <summary>A link's weight: a real score, or a whole count (64-bit for PostgreSQL sums).</summary>
    private static double Weight(DbDataReader r, int ordinal) => r.GetValue(ordinal) switch
    {
        double number => number,
        var other => Convert.ToDouble(other, CultureInfo.InvariantCulture),
    };
}
