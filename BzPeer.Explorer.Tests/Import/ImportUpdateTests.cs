using System.Text.Json.Nodes;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Data.Bulk;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Tests.Import;

/// <summary>Imports keyed on OpenAlex ids: later records, merged ids and references to works that arrive later.</summary>
public class ImportUpdateTests
{
    [Theory, SqliteData, PostgresData]
    public async Task A_citation_to_a_work_not_yet_imported_is_kept_and_resolved_when_the_work_arrives(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase(provider);
        var citing = files.Write("citing.json", TestRecords.Work("W9000000001", "Citing", references: ["W9000000002", "W9000000003"]).ToJsonString());
        var cited = files.Write("cited.json", TestRecords.Work("W9000000002", "Cited").ToJsonString());

        await Verbs.ImportAsync(database, citing);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.Citations.CountAsync());
            Assert.Equal([9000000002L, 9000000003L], await db.PendingCitations.OrderBy(p => p.CitedWorkNumber).Select(p => p.CitedWorkNumber).ToListAsync());
        }

        await Verbs.ImportAsync(database, cited);
        await using (var db = database.CreateContext())
        {
            var citation = await db.Citations.SingleAsync();
            Assert.Equal(await db.Works.Where(w => w.OpenAlexId == "W9000000001").Select(w => w.Id).SingleAsync(), citation.CitingWorkId);
            Assert.Equal(await db.Works.Where(w => w.OpenAlexId == "W9000000002").Select(w => w.Id).SingleAsync(), citation.CitedWorkId);
            Assert.Equal(9000000003L, (await db.PendingCitations.SingleAsync()).CitedWorkNumber);
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_sample_split_in_two_runs_resolves_the_same_citations_as_one_run(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase(provider);
        var works = SharedOpenAlex.SampleWorkRecords();
        // The later half first: its references to the earlier half wait until that arrives.
        await Verbs.ImportAsync(database, files.WriteJsonLines("later.jsonl", works[50..]));
        await Verbs.ImportAsync(database, files.WriteJsonLines("earlier.jsonl", works[..50]));

        await using var db = database.CreateContext();
        Assert.Equal(47, await db.Citations.CountAsync());
        Assert.Equal(7824 - 47, await db.PendingCitations.CountAsync());
        await DatabaseContent.AssertDerivedDataMatchesARebuildAsync(database);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_record_with_a_newer_updated_date_replaces_the_stored_one_and_an_older_one_does_not(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase(provider);
        var ada = TestRecords.Author("A9000000001", "Ada Example");
        var bo = TestRecords.Author("A9000000002", "Bo Example");
        var cy = TestRecords.Author("A9000000003", "Cy Example");
        var dee = TestRecords.Author("A9000000004", "Dee Example");
        await Verbs.ImportAsync(database, files.Write("v1.json", TestRecords.Work("W9000000001", "Version one", "2023-01-01", [ada, bo, cy]).ToJsonString()));
        await Verbs.ImportAsync(database, files.Write("other.json", TestRecords.Work("W9000000002", "Other", "2023-01-01", [ada, bo, dee], year: 2018).ToJsonString()));

        var newer = await Verbs.ImportAsync(database, files.Write("v2.json",
            TestRecords.Work("W9000000001", "Version two", "2024-06-30", [ada, cy], year: 2021).ToJsonString()));
        var older = await Verbs.ImportAsync(database, files.Write("v0.json",
            TestRecords.Work("W9000000001", "Version zero", "2022-01-01", [bo]).ToJsonString()));

        Assert.Equal(1, newer.Summary()["works"]);
        Assert.Equal(0, older.Summary()["works"]);
        await using var db = database.CreateContext();
        var work = await db.Works.SingleAsync(w => w.OpenAlexId == "W9000000001");
        Assert.Equal(("Version two", 2021, new DateOnly(2024, 6, 30)), (work.Title, work.Year, work.UpdatedDate!.Value));
        Assert.Equal(["Ada Example", "Cy Example"], await db.Authorships.Where(a => a.WorkId == work.Id).OrderBy(a => a.AuthorOrder)
            .Select(a => a.Researcher.DisplayName).ToListAsync());
        // Derived data follows: Bo now shares only the other work with Ada (and Dee, who was on neither version), and none with Cy.
        var ids = await db.Researchers.ToDictionaryAsync(r => r.DisplayName, r => r.Id);
        Assert.Equal(1, await db.CoAuthorPairs.Where(p => p.ResearcherId == ids["Bo Example"] && p.CoAuthorId == ids["Ada Example"]).Select(p => p.SharedWorks).SingleAsync());
        Assert.False(await db.CoAuthorPairs.AnyAsync(p => p.ResearcherId == ids["Bo Example"] && p.CoAuthorId == ids["Cy Example"]));
        var cyAda = await db.CoAuthorPairs.SingleAsync(p => p.ResearcherId == ids["Cy Example"] && p.CoAuthorId == ids["Ada Example"]);
        Assert.Equal((1, 2021), (cyAda.SharedWorks, cyAda.LastYear!.Value));
        Assert.Equal(1, await db.CoAuthorPairs.Where(p => p.ResearcherId == ids["Dee Example"] && p.CoAuthorId == ids["Bo Example"]).Select(p => p.SharedWorks).SingleAsync());
        Assert.Equal(1, await db.Researchers.Where(r => r.DisplayName == "Bo Example").Select(r => r.WorksCount).SingleAsync());
        await DatabaseContent.AssertDerivedDataMatchesARebuildAsync(database);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Two_versions_of_a_work_in_one_file_leave_the_newer_one(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase(provider);
        var path = files.WriteJsonLines("versions.jsonl",
        [
            TestRecords.Work("W9000000001", "Older", "2023-01-01", [TestRecords.Author("A9000000001", "Ada Example")], references: ["W9000000002"]),
            TestRecords.Work("W9000000001", "Newer", "2024-01-01", [TestRecords.Author("A9000000002", "Bo Example")], references: ["W9000000003"]),
        ]);

        var result = await Verbs.ImportAsync(database, path);

        Assert.Equal("imported: works=1 researchers=2 institutions=0 topics=0 sources=0 skipped=0 ignored=0", result.LastLine);
        await using var db = database.CreateContext();
        Assert.Equal("Newer", (await db.Works.SingleAsync()).Title);
        Assert.Equal(9000000003L, (await db.PendingCitations.SingleAsync()).CitedWorkNumber);
        Assert.Equal(["Bo Example"], await db.Authorships.Select(a => a.Researcher.DisplayName).ToListAsync());
        await DatabaseContent.AssertDerivedDataMatchesARebuildAsync(database);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Derived_data_adds_up_over_runs_that_each_add_works(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase(provider);
        JsonObject Shared(string id, int year)
        {
            var work = TestRecords.Work(id, $"Work {id}", authors: [TestRecords.Author("A9000000001", "Ada Example"), TestRecords.Author("A9000000002", "Bo Example")], year: year);
            work["primary_location"] = new JsonObject { ["source"] = new JsonObject { ["id"] = "https://openalex.org/S9000000001", ["display_name"] = "Journal" } };
            work["topics"] = new JsonArray(new JsonObject { ["id"] = "https://openalex.org/T9000000001", ["display_name"] = "Topic", ["score"] = 0.9 });
            return TestRecords.WithInstitution(work, 0, "I9000000001", "Example University");
        }

        await Verbs.ImportAsync(database, files.Write("one.json", Shared("W9000000001", 2019).ToJsonString()));
        await Verbs.ImportAsync(database, files.Write("two.json", Shared("W9000000002", 2022).ToJsonString()));

        await using var db = database.CreateContext();
        Assert.All(await db.CoAuthorPairs.ToListAsync(), pair => Assert.Equal((2, 2022), (pair.SharedWorks, pair.LastYear!.Value)));
        Assert.All(await db.ResearcherTopics.ToListAsync(), topic => Assert.Equal(2, topic.WorkCount));
        Assert.All(await db.Researchers.ToListAsync(), researcher => Assert.Equal((2, 6), (researcher.WorksCount, researcher.CitedByCount)));
        Assert.Equal(2, (await db.Topics.SingleAsync()).WorksCount);
        Assert.Equal(2, (await db.Venues.SingleAsync()).WorksCount);
        var institution = await db.Institutions.SingleAsync();
        Assert.Equal((2, 6), (institution.WorksCount, institution.CitedByCount));
        var affiliation = await db.Affiliations.SingleAsync();
        Assert.Equal((2019, 2022), (affiliation.FirstYear!.Value, affiliation.LastYear!.Value));
        Assert.NotNull((await db.Researchers.SingleAsync(r => r.DisplayName == "Ada Example")).LastKnownInstitutionId);
        await DatabaseContent.AssertDerivedDataMatchesARebuildAsync(database);
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_author_record_enriches_the_researcher_a_work_mentioned_and_its_counts_are_the_sources(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase(provider);
        await Verbs.ImportAsync(database, files.Write("work.json",
            TestRecords.Work("W9000000001", "A work", authors: [TestRecords.Author("A9000000001", "Ada Example")]).ToJsonString()));
        await using (var db = database.CreateContext())
        {
            var mentioned = await db.Researchers.SingleAsync();
            Assert.Equal((1, 3), (mentioned.WorksCount, mentioned.CitedByCount));
        }

        var author = new JsonObject
        {
            ["id"] = "https://openalex.org/A9000000001", ["display_name"] = "Ada M. Example", ["orcid"] = "https://orcid.org/0000-0002-1825-0097",
            ["display_name_alternatives"] = new JsonArray("Ada Example", "A. M. Example"), ["works_count"] = 40, ["cited_by_count"] = 900,
            ["summary_stats"] = new JsonObject { ["h_index"] = 12, ["i10_index"] = 15 }, ["updated_date"] = "2024-02-02T10:00:00",
            ["last_known_institutions"] = new JsonArray(new JsonObject { ["id"] = "https://openalex.org/I9000000001", ["display_name"] = "Example University", ["ror"] = "https://ror.org/00example" }),
            ["affiliations"] = new JsonArray(new JsonObject
            {
                ["institution"] = new JsonObject { ["id"] = "https://openalex.org/I9000000001", ["display_name"] = "Example University" },
                ["years"] = new JsonArray(2024, 2019, 2021),
            }),
        };
        var result = await Verbs.ImportAsync(database, files.Write("author.json", author.ToJsonString()));

        Assert.Equal("imported: works=0 researchers=1 institutions=1 topics=0 sources=0 skipped=0 ignored=0", result.LastLine);
        await using var after = database.CreateContext();
        var researcher = await after.Researchers.Include(r => r.LastKnownInstitution).SingleAsync();
        Assert.Equal(("Ada M. Example", "ada-example", "0000-0002-1825-0097"), (researcher.DisplayName, researcher.Slug, researcher.Orcid));
        Assert.Equal(["Ada Example", "A. M. Example"], researcher.AlternativeNames);
        Assert.Equal((40, 900, 12, 15), (researcher.WorksCount, researcher.CitedByCount, researcher.HIndex, researcher.I10Index));
        Assert.Equal(("Example University", "00example"), (researcher.LastKnownInstitution!.DisplayName, researcher.LastKnownInstitution.Ror));
        var affiliation = await after.Affiliations.SingleAsync();
        Assert.Equal((2019, 2024), (affiliation.FirstYear!.Value, affiliation.LastYear!.Value));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Merged_ids_fold_the_old_record_into_the_survivor_and_later_records_follow_the_redirect(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase(provider);
        var old = TestRecords.Author("A9000000001", "Ada Example");
        var survivor = TestRecords.Author("A9000000002", "Ada Example");
        var bo = TestRecords.Author("A9000000003", "Bo Example");
        await Verbs.ImportAsync(database, files.WriteJsonLines("works.jsonl",
        [
            TestRecords.Work("W9000000001", "By the old id", authors: [old, bo]),
            TestRecords.Work("W9000000002", "By the survivor", authors: [survivor, bo]),
        ]));
        await using (var db = database.CreateContext()) Assert.Equal(3, await db.Researchers.CountAsync());

        var merge = await Verbs.ImportAsync(database, files.WriteGzip("merged_ids/authors/2024-01-01.csv.gz",
            "merge_date,id,merge_into_id\n2024-01-01,A9000000001,A9000000002\n"));
        Assert.Contains("merged ids: 1 old id(s) now lead to the surviving record", merge.Output);

        await using (var db = database.CreateContext())
        {
            Assert.False(await db.Researchers.AnyAsync(r => r.OpenAlexId == "A9000000001"));
            var ada = await db.Researchers.SingleAsync(r => r.OpenAlexId == "A9000000002");
            Assert.Equal(2, ada.WorksCount);
            var boId = await db.Researchers.Where(r => r.OpenAlexId == "A9000000003").Select(r => r.Id).SingleAsync();
            Assert.Equal(2, await db.CoAuthorPairs.Where(p => p.ResearcherId == boId && p.CoAuthorId == ada.Id).Select(p => p.SharedWorks).SingleAsync());
            Assert.Equal(1, await db.CoAuthorPairs.CountAsync(p => p.ResearcherId == boId));
        }

        // A record that still names the old id is linked to the survivor, not stored again under the old one.
        await Verbs.ImportAsync(database, files.Write("late.json", TestRecords.Work("W9000000003", "Late", authors: [old]).ToJsonString()));
        await using (var db = database.CreateContext())
        {
            Assert.Equal(1, await db.Researchers.CountAsync(r => r.DisplayName == "Ada Example"));
            Assert.False(await db.Researchers.AnyAsync(r => r.OpenAlexId == "A9000000001"));
            Assert.Equal(3, await db.Researchers.Where(r => r.OpenAlexId == "A9000000002").Select(r => r.WorksCount).SingleAsync());
        }
        await DatabaseContent.AssertDerivedDataMatchesARebuildAsync(database);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_merged_work_id_in_references_leads_to_the_surviving_work(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase(provider);
        await Verbs.ImportAsync(database, files.Write("merged_ids/works/2024.csv", "merge_date,id,merge_into_id\n2024-01-01,W9000000009,W9000000002\n"));
        await Verbs.ImportAsync(database, files.WriteJsonLines("works.jsonl",
        [
            TestRecords.Work("W9000000001", "Citing the old id", references: ["W9000000009"]),
            TestRecords.Work("W9000000002", "The survivor"),
        ]));

        await using var db = database.CreateContext();
        var citation = await db.Citations.SingleAsync();
        Assert.Equal("W9000000002", await db.Works.Where(w => w.Id == citation.CitedWorkId).Select(w => w.OpenAlexId).SingleAsync());
        Assert.Empty(await db.PendingCitations.ToListAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task New_researchers_get_slugs_from_their_names_made_unique_against_the_database(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase(provider);
        await database.InitializeAsync(); // the demo data: the reference record holds "jing-huo"

        await Verbs.ImportAsync(database, files.Write("first.json", TestRecords.Work("W9000000001", "One",
            authors: [TestRecords.Author("A9000000001", "Jing Huo"), TestRecords.Author("A9000000002", "Jing Huo")]).ToJsonString()));
        await Verbs.ImportAsync(database, files.Write("second.json", TestRecords.Work("W9000000002", "Two",
            authors: [TestRecords.Author("A9000000003", "Jíng Huó"), TestRecords.Author("A9000000004", "Zoë Müller")]).ToJsonString()));

        await using var db = database.CreateContext();
        Assert.Equal(["jing-huo", "jing-huo-2", "jing-huo-3", "jing-huo-4"],
            await db.Researchers.Where(r => r.Slug.StartsWith("jing-huo")).OrderBy(r => r.Id).Select(r => r.Slug).ToListAsync());
        Assert.Equal(RecordOrigin.Arxiv, await db.Researchers.Where(r => r.Slug == "jing-huo").Select(r => r.Origin).SingleAsync());
        Assert.Equal("zoe-muller", await db.Researchers.Where(r => r.OpenAlexId == "A9000000004").Select(r => r.Slug).SingleAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_institution_already_stored_from_another_source_is_linked_by_its_ror_not_duplicated(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase(provider);
        await database.InitializeAsync(); // Nanjing University (ROR 01rxvg760) comes with the reference record
        var work = TestRecords.Work("W9000000001", "At Nanjing", authors: [TestRecords.Author("A9000000001", "Ada Example")]);
        work["authorships"]![0]!["institutions"] = new JsonArray(new JsonObject
        {
            ["id"] = "https://openalex.org/I881766915", ["display_name"] = "Nanjing University", ["ror"] = "https://ror.org/01rxvg760",
        });

        var result = await Verbs.ImportAsync(database, files.Write("work.json", work.ToJsonString()));

        Assert.True(result.ExitCode == 0, result.ToString());
        await using var db = database.CreateContext();
        var nanjing = await db.Institutions.SingleAsync(i => i.Ror == "01rxvg760");
        Assert.Equal("I881766915", nanjing.OpenAlexId);
        Assert.Equal(1, await db.Institutions.CountAsync(i => i.DisplayName == "Nanjing University"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Every_input_shape_imports_the_same_records(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        var works = SharedOpenAlex.SampleWorkRecords().Take(6).ToList();
        var page = new JsonObject { ["meta"] = new JsonObject { ["count"] = 2 }, ["results"] = new JsonArray(works[2].DeepClone(), works[3].DeepClone()) };
        files.Write("shapes/single.json", works[0].ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        files.Write("shapes/W0000001", works[1].ToJsonString());
        files.WriteGzip("shapes/page.json.gz", page.ToJsonString());
        files.Write("shapes/array.json", new JsonArray(works[4].DeepClone()).ToJsonString());
        files.WriteGzip("shapes/lines.jsonl.gz", works[5].ToJsonString() + "\n");
        files.Write("shapes/readme.txt", "not data");

        using var database = new TemporaryDatabase(provider);
        var result = await Verbs.ImportAsync(database, Path.Combine(files.Folder, "shapes"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(6, result.Summary()["works"]);
        await using var db = database.CreateContext();
        Assert.Equal(works.Select(w => w["id"]!.GetValue<string>()[21..]).Order(), await db.Works.Select(w => w.OpenAlexId!).OrderBy(id => id).ToListAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_older_record_with_host_venue_and_concepts_but_no_topics_keeps_what_it_carries_its_concepts_as_topics(DatabaseProvider provider)
    {
        using var files = new TemporaryFiles();
        using var database = new TemporaryDatabase(provider);
        var work = TestRecords.Work("W9000000001", "An older record", authors: [TestRecords.Author("A9000000001", "Ada Example")]);
        work["host_venue"] = new JsonObject
        {
            ["id"] = "https://openalex.org/S9000000001", ["display_name"] = "Journal of Examples", ["issn_l"] = "1234-5678", ["publisher"] = "Example Press",
        };
        work["concepts"] = new JsonArray(new JsonObject { ["id"] = "https://openalex.org/C41008148", ["display_name"] = "Computer science", ["level"] = 0, ["score"] = 0.9 });
        work["abstract_inverted_index"] = new JsonObject { ["older"] = new JsonArray(1), ["An"] = new JsonArray(0), ["abstract."] = new JsonArray(2) };

        var result = await Verbs.ImportAsync(database, files.Write("older.json", work.ToJsonString()));

        Assert.True(result.ExitCode == 0, result.ToString());
        await using var db = database.CreateContext();
        var stored = await db.Works.Include(w => w.Venue).SingleAsync();
        Assert.Equal(("Journal of Examples", "1234-5678", "Example Press"), (stored.Venue!.DisplayName, stored.Venue.IssnL, stored.Venue.HostOrganization));
        Assert.Equal("An older abstract.", stored.Abstract);
        var topic = Assert.Single(await db.WorkTopics.Include(t => t.Topic).ToListAsync());
        Assert.Equal(("C41008148", "Computer science", 0.9, true), (topic.Topic.OpenAlexId, topic.Topic.DisplayName, topic.Score, topic.IsPrimary));
        Assert.Equal(1, await db.Authorships.CountAsync());
    }
}
