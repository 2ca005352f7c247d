using System.IO.Compression;
using System.Text.Json;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Data.Bulk;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Tests.Import;

/// <summary>Imports of the real OpenAlex records in ../shared/openalex/ (see SOURCES.md there).</summary>
public class OpenAlexRealDataTests
{
    [Theory, SqliteData, PostgresData]
    public async Task The_sample_works_import_with_their_authors_and_the_citations_among_them(DatabaseProvider provider)
    {
        using var database = new TemporaryDatabase(provider);

        var result = await Verbs.ImportAsync(database, SharedOpenAlex.SampleWorks);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("imported: works=100 researchers=356 institutions=138 topics=130 sources=44 skipped=0 ignored=0", result.LastLine);
        await using var db = database.CreateContext();
        Assert.Equal(100, await db.Works.CountAsync(w => w.Origin == RecordOrigin.OpenAlex && w.OpenAlexId != null));
        Assert.Equal(349, await db.Researchers.CountAsync(r => r.OpenAlexId != null));
        // Seven authorships name an author OpenAlex gives no id: each is a researcher of its own, with no id invented.
        Assert.Equal(7, await db.Researchers.CountAsync(r => r.OpenAlexId == null));
        Assert.Equal(47, await db.Citations.CountAsync());
        Assert.Equal(7824 - 47, await db.PendingCitations.CountAsync());
        Assert.Equal(138, await db.Institutions.CountAsync());
        Assert.Equal(130, await db.Topics.CountAsync());
        Assert.Equal(44, await db.Venues.CountAsync());
        Assert.Equal(76, await db.Works.CountAsync(w => w.Abstract != null));
        Assert.Equal(442 - 2, await db.Authorships.CountAsync()); // one work lists two authors twice each

        var scikit = await db.Works.Include(w => w.Venue).SingleAsync(w => w.OpenAlexId == "W2101234009");
        Assert.Equal("Scikit-learn: Machine Learning in Python", scikit.Title);
        Assert.Equal("1201.0490", scikit.ArxivId);
        Assert.Equal("10.48550/arxiv.1201.0490", scikit.Doi);
        Assert.StartsWith("Scikit-learn is a Python module integrating a wide range of state-of-the-art machine learning algorithms", scikit.Abstract);
        Assert.Equal(2012, scikit.Year);

        var button = await db.Researchers.SingleAsync(r => r.OpenAlexId == "A5057405954");
        Assert.Equal("Katherine S. Button", button.DisplayName);
        Assert.Equal("katherine-s-button", button.Slug);
        Assert.Equal("0000-0003-4332-8789", button.Orcid);
        Assert.Equal("University of Bristol", (await db.Institutions.SingleAsync(i => i.Id == button.LastKnownInstitutionId)).DisplayName);

        var topic = await db.Topics.SingleAsync(t => t.OpenAlexId == "T13106");
        Assert.Equal(("Cognitive Neuroscience", 2805, "Neuroscience", 28, "Life Sciences", 1),
            (topic.SubfieldName, topic.SubfieldNumber, topic.FieldName, topic.FieldNumber, topic.DomainName, topic.DomainNumber));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Derived_tables_after_an_import_equal_a_full_rebuild(DatabaseProvider provider)
    {
        using var database = new TemporaryDatabase(provider);
        var result = await Verbs.ImportAsync(database, SharedOpenAlex.SampleWorks);
        Assert.True(result.ExitCode == 0, result.ToString());
        await DatabaseContent.AssertDerivedDataMatchesARebuildAsync(database);
        Assert.True(await DatabaseContent.CountAsync(database, "SELECT COUNT(*) FROM \"CoAuthorPairs\"") > 1000);
        Assert.Equal(0, await DatabaseContent.CountAsync(database,
            "SELECT COUNT(*) FROM \"CoAuthorPairs\" p WHERE NOT EXISTS (SELECT 1 FROM \"CoAuthorPairs\" q WHERE q.\"ResearcherId\" = p.\"CoAuthorId\" AND q.\"CoAuthorId\" = p.\"ResearcherId\" AND q.\"SharedWorks\" = p.\"SharedWorks\")"));
    }

    [Theory]
    [InlineData("api-works/sample_works.json", 100, 0)]
    [InlineData("snapshot", 28 + 2 + 679 + 250, 36)]
    public async Task Importing_the_same_files_again_changes_nothing(string path, int records, int ignored)
    {
        using var database = new TemporaryDatabase();
        var input = Path.Combine(SharedOpenAlex.Folder, path);
        await Verbs.ImportAsync(database, input);
        var before = await DatabaseContent.DumpAsync(database);

        var again = await Verbs.ImportAsync(database, input);

        Assert.Equal(0, again.ExitCode);
        Assert.Equal($"imported: works=0 researchers=0 institutions=0 topics=0 sources=0 skipped=0 ignored={ignored}", again.LastLine);
        Assert.Contains($"unchanged: {records} record(s) already stored with the same or a newer updated_date", again.Output);
        Assert.Equal(before, await DatabaseContent.DumpAsync(database));
    }

    [Fact]
    public async Task The_snapshot_folder_imports_every_record_present_and_reports_absent_manifest_parts()
    {
        using var database = new TemporaryDatabase();
        var present = SnapshotIds.Read(SharedOpenAlex.Snapshot);

        var result = await Verbs.ImportAsync(database, SharedOpenAlex.Snapshot);

        Assert.True(result.ExitCode == 0, result.ToString());
        await using var db = database.CreateContext();
        Assert.Equal(present.Works.Count, await db.Works.CountAsync());
        Assert.Equal(present.Authors.Count, await db.Researchers.CountAsync());
        Assert.Equal(present.Institutions.Count, await db.Institutions.CountAsync());
        Assert.Equal(present.Sources.Count, await db.Venues.CountAsync());
        Assert.Equal(present.Topics.Count, await db.Topics.CountAsync());
        Assert.Equal(present.Works.Order(), await db.Works.Select(w => w.OpenAlexId!).OrderBy(id => id).ToListAsync());
        Assert.Equal(present.Authors.Order(), await db.Researchers.Select(r => r.OpenAlexId!).OrderBy(id => id).ToListAsync());
        // The single-entity files without extension beside the part files are among them.
        Assert.True(await db.Works.AnyAsync(w => w.OpenAlexId == "W2741809807"));
        Assert.True(await db.Researchers.AnyAsync(r => r.OpenAlexId == "A5023888391" && r.DisplayName == "Jason Priem" && r.HIndex == 16));
        Assert.True(await db.Institutions.AnyAsync(i => i.OpenAlexId == "I27837315"));
        Assert.True(await db.Venues.AnyAsync(v => v.OpenAlexId == "S137773608"));

        var summary = result.Summary();
        Assert.Equal(present.Works.Count, summary["works"]);
        Assert.Equal(0, summary["skipped"]);
        Assert.Equal(present.UnusedKinds, summary["ignored"]);
        Assert.Contains(result.Output, line => line == "ignored kinds the app does not store: publishers=16 funders=4 concepts=16");
        Assert.Equal(5, await db.MergedIds.CountAsync());
        Assert.Contains(result.Output, line => line.StartsWith($"note: {Path.Combine(SharedOpenAlex.Snapshot, "works", "manifest")} lists 465 part file(s); 464 are not here", StringComparison.Ordinal));
        Assert.Contains(result.Output, line => line.StartsWith($"note: {Path.Combine(SharedOpenAlex.Snapshot, "authors", "manifest")} lists", StringComparison.Ordinal));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task The_whole_shared_folder_imports_in_one_run_whatever_the_order_of_its_parts()
    {
        using var together = new TemporaryDatabase();
        using var apart = new TemporaryDatabase();

        var all = await Verbs.ImportAsync(together, SharedOpenAlex.Folder);
        await Verbs.ImportAsync(apart, SharedOpenAlex.Snapshot);
        await Verbs.ImportAsync(apart, SharedOpenAlex.SampleWorks);

        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Contains(all.Output, line => line.StartsWith("note: 1 file(s) in the folders given are not OpenAlex data", StringComparison.Ordinal));
        await using var a = together.CreateContext();
        await using var b = apart.CreateContext();
        Assert.Equal(await b.Works.CountAsync(), await a.Works.CountAsync());
        Assert.Equal(await b.Researchers.CountAsync(), await a.Researchers.CountAsync());
        Assert.Equal(await b.Institutions.CountAsync(), await a.Institutions.CountAsync());
        Assert.Equal(await b.Citations.CountAsync(), await a.Citations.CountAsync());
        Assert.Equal(await b.CoAuthorPairs.CountAsync(), await a.CoAuthorPairs.CountAsync());
    }

    /// <summary>
    /// The distinct OpenAlex ids a snapshot folder holds, read independently of the importer: entity records, and the
    /// entities works and authors mention (a work's authors, their institutions, its primary venue and topics; an
    /// author's institutions), with merged ids applied.
    /// </summary>
    private sealed class SnapshotIds
    {
        public SortedSet<string> Works { get; } = new(StringComparer.Ordinal);
        public SortedSet<string> Authors { get; } = new(StringComparer.Ordinal);
        public SortedSet<string> Institutions { get; } = new(StringComparer.Ordinal);
        public SortedSet<string> Sources { get; } = new(StringComparer.Ordinal);
        public SortedSet<string> Topics { get; } = new(StringComparer.Ordinal);
        public int UnusedKinds { get; private set; }

        public static SnapshotIds Read(string folder)
        {
            var ids = new SnapshotIds();
            var merged = new Dictionary<string, string>();
            foreach (var file in Directory.GetFiles(Path.Combine(folder, "merged_ids"), "*.csv.gz", SearchOption.AllDirectories))
            {
                using var reader = new StreamReader(new GZipStream(File.OpenRead(file), CompressionMode.Decompress));
                reader.ReadLine();
                while (reader.ReadLine() is { Length: > 0 } line) merged[line.Split(',')[1]] = line.Split(',')[2];
            }
            foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
            {
                if (file.Contains("merged_ids", StringComparison.Ordinal) || Path.GetFileName(file) == "manifest") continue;
                var text = file.EndsWith(".gz", StringComparison.Ordinal)
                    ? new StreamReader(new GZipStream(File.OpenRead(file), CompressionMode.Decompress)).ReadToEnd()
                    : File.ReadAllText(file);
                var records = file.EndsWith(".gz", StringComparison.Ordinal)
                    ? text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    : [text];
                foreach (var record in records)
                {
                    using var json = JsonDocument.Parse(record);
                    ids.Add(json.RootElement, merged);
                }
            }
            return ids;
        }

        private void Add(JsonElement record, Dictionary<string, string> merged)
        {
            var id = Short(record.GetProperty("id").GetString());
            switch (id![0])
            {
                case 'W':
                    Works.Add(id);
                    foreach (var authorship in record.GetProperty("authorships").EnumerateArray())
                    {
                        if (Short(authorship.GetProperty("author").GetProperty("id").GetString()) is { } author)
                            Authors.Add(merged.GetValueOrDefault(author, author));
                        foreach (var institution in authorship.GetProperty("institutions").EnumerateArray())
                            if (Short(institution.GetProperty("id").GetString()) is { } institutionId) Institutions.Add(institutionId);
                    }
                    if (record.TryGetProperty("primary_location", out var location) && location.ValueKind == JsonValueKind.Object
                        && location.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.Object)
                        Sources.Add(Short(source.GetProperty("id").GetString())!);
                    if (record.TryGetProperty("topics", out var topics))
                        foreach (var topic in topics.EnumerateArray()) Topics.Add(Short(topic.GetProperty("id").GetString())!);
                    else AddConceptTopics(record, "concepts");
                    break;
                case 'A':
                    Authors.Add(merged.GetValueOrDefault(id, id));
                    AddConceptTopics(record, "x_concepts");
                    if (record.TryGetProperty("last_known_institution", out var lastKnown) && lastKnown.ValueKind == JsonValueKind.Object)
                        Institutions.Add(Short(lastKnown.GetProperty("id").GetString())!);
                    break;
                case 'I': Institutions.Add(id); break;
                case 'S': Sources.Add(id); break;
                case 'T': Topics.Add(id); break;
                default: UnusedKinds++; break;
            }
        }

        /// <summary>Records without topics (the 2023 schema) have concepts: the deepest ones, from level 2 on, are their topics.</summary>
        private void AddConceptTopics(JsonElement record, string field)
        {
            if (!record.TryGetProperty(field, out var concepts) || concepts.GetArrayLength() == 0) return;
            var deepest = Math.Min(2, concepts.EnumerateArray().Max(c => c.GetProperty("level").GetInt32()));
            foreach (var concept in concepts.EnumerateArray())
                if (concept.GetProperty("level").GetInt32() >= deepest) Topics.Add(Short(concept.GetProperty("id").GetString())!);
        }

        private static string? Short(string? id) => id?[(id.LastIndexOf('/') + 1)..];
    }
}
