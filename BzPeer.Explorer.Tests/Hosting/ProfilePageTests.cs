using System.Net;
using System.Text.RegularExpressions;
using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Tests.Hosting;

/// <summary>The profile pages as the server renders them: what a link preview or a search engine sees.</summary>
[Collection(ExplorerAppCollection.Name)]
public partial class ProfilePageTests(ExplorerAppFixture fixture)
{
    private readonly HttpClient _client = fixture.App.CreateHttpClient();

    [Fact]
    public async Task The_reference_researcher_page_shows_everything_the_original_shows()
    {
        var text = await TextOf("/researchers/meihao-kong");

        Assert.Contains("Meihao Kong", text);
        Assert.Contains("Trust 11 - Unverified", text);
        Assert.Contains("Verification L1", text);
        Assert.Contains("Unclaimed author", text);
        Assert.Contains("Affiliation not imported", text);
        Assert.Contains("Open to collaborate", text);
        Assert.Contains("1 work 0 followers 2 topics 5 close collaborators", text);
        Assert.Contains("Follow researcher 0", text);
        Assert.Contains("Claiming links this public author record to a researcher profile and unlocks direct collaboration workflows.", text);
        Assert.Contains("Log in to claim", text);
        Assert.Contains("Open a focused conversation when the fit is right", text);
        Assert.Contains("Claim this author entity first to unlock direct invitations.", text);
        Assert.Contains("See the researcher in context", text);
        Assert.Contains("Open full explorer", text);
        Assert.Contains("Building this graph slice", text);
        Assert.Contains("1 published item(s)", text);
        Assert.Contains("preprint 2022 arXiv Playing Lottery Tickets in Style Transfer Models Style transfer has achieved great success", text);
        Assert.Contains("How is this computed?", text);
    }

    [Fact]
    public async Task The_researcher_page_adds_metrics_topics_collaborators_and_links_to_their_pages()
    {
        var html = await HtmlOf("/researchers/meihao-kong");

        Assert.Contains("<meta name=\"description\"", html);
        Assert.Matches(@"href=""works/1""", html);
        Assert.Matches(@"href=""topics/\d+""", html);
        Assert.Matches(@"href=""researchers/jing-huo""", html);
        Assert.Contains("h-index", html);
        Assert.Contains("i10-index", html);
    }

    [Fact]
    public async Task A_prolific_researchers_works_are_paged_and_sortable()
    {
        var slug = await Scalar(db => db.Researchers.OrderByDescending(r => r.WorksCount).Select(r => r.Slug).FirstAsync());
        var firstHtml = await HtmlOf($"/researchers/{slug}");
        var secondHtml = await HtmlOf($"/researchers/{slug}?page=2");
        var (first, second) = (WorkIds(firstHtml), WorkIds(secondHtml));
        var cited = await HtmlOf($"/researchers/{slug}?sort=cited");

        Assert.Equal(20, first.Count);
        Assert.Equal(20, second.Count);
        Assert.Empty(first.Intersect(second));
        Assert.Contains("Page 2 of", await TextOf($"/researchers/{slug}?page=2"));
        var citedCounts = CitedCounts(cited);
        Assert.Equal(citedCounts.OrderByDescending(c => c), citedCounts);
        Assert.True(citedCounts[0] > 0);
        // Each order from the whole list, not the page: newest first by year; most cited led by their most cited work.
        var years = Years(firstHtml).Concat(Years(secondHtml)).ToList();
        Assert.Equal(years.OrderByDescending(y => y), years);
        var newestYear = await Scalar(db => db.Authorships.Where(a => a.Researcher.Slug == slug).MaxAsync(a => a.Work.Year));
        Assert.Equal(newestYear, years[0]);
        var mostCited = await Scalar(db => db.Authorships.Where(a => a.Researcher.Slug == slug).MaxAsync(a => a.Work.CitedByCount));
        Assert.Equal(mostCited, citedCounts[0]);
        Assert.True(citedCounts[0] > CitedCounts(firstHtml).Min(), "the most cited order differs from the newest one here");
    }

    [Theory]
    [InlineData("?page=9999")]
    [InlineData("?page=-4")]
    [InlineData("?page=abc")]
    [InlineData("?sort=%27%3BDROP")]
    public async Task Odd_page_parameters_give_a_normal_page(string query)
    {
        var response = await _client.GetAsync("/researchers/meihao-kong" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Meihao Kong", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_work_page_shows_authors_in_order_venue_year_type_links_abstract_and_topics()
    {
        var text = await TextOf("/works/1");
        var html = await HtmlOf("/works/1");

        Assert.Contains("Playing Lottery Tickets in Style Transfer Models", text);
        var authors = Regex.Matches(html, @"class=""author""[^>]*>([^<]+)</a>").Select(m => m.Groups[1].Value);
        Assert.Equal(["Meihao Kong", "Jing Huo", "Wenbin Li", "Jing Wu", "Yu-Kun Lai", "Yang Gao"], authors);
        Assert.Contains("preprint · 2022", text);
        Assert.Contains("arXiv", text);
        Assert.Contains("href=\"https://arxiv.org/abs/2203.13802\"", html);
        Assert.Contains("Style transfer has achieved great success", text);
        Assert.Contains("Advanced Neural Network Applications", text);
        Assert.Contains("Nanjing University", text);
        Assert.Contains("See the work in context", text);
    }

    [Fact]
    public async Task A_cited_work_lists_its_references_and_citing_works_with_paging()
    {
        var id = await Scalar(db => db.Citations.GroupBy(c => c.CitedWorkId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync());
        var citing = await Scalar(db => db.Citations.CountAsync(c => c.CitedWorkId == id));

        var text = await TextOf($"/works/{id}");

        Assert.Contains($"Cited by {citing} works in this database", text);
        Assert.True(citing > 10);
        Assert.Contains("Page 1 of", text);
        var page2 = WorkIds(await HtmlOf($"/works/{id}?citedby=2"));
        Assert.NotEmpty(page2);
    }

    [Fact]
    public async Task The_topic_page_shows_its_hierarchy_top_researchers_and_recent_works()
    {
        var id = await Scalar(db => db.Topics.Where(t => t.DisplayName == "Advanced Neural Network Applications").Select(t => t.Id).FirstAsync());
        var text = await TextOf($"/topics/{id}");
        var html = await HtmlOf($"/topics/{id}");

        Assert.Contains("Physical Sciences › Computer Science › Computer Vision and Pattern Recognition › Advanced Neural Network Applications", text);
        Assert.Contains("Top researchers", text);
        Assert.Contains("Recent works", text);
        var years = Regex.Matches(html, @"class=""work-year""[^>]*>(\d{4})<").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(20, years.Count);
        Assert.Equal(years.OrderByDescending(y => y), years);
    }

    [Fact]
    public async Task The_institution_page_shows_country_type_homepage_ror_researchers_and_topics()
    {
        var id = await Scalar(db => db.Institutions.Where(i => i.Ror == "01rxvg760").Select(i => i.Id).FirstAsync());
        var text = await TextOf($"/institutions/{id}");
        var html = await HtmlOf($"/institutions/{id}");

        Assert.Contains("Nanjing University", text);
        Assert.Contains("China", text);
        Assert.Contains("education", text);
        Assert.Contains("href=\"https://ror.org/01rxvg760\"", html);
        Assert.Contains("href=\"https://www.nju.edu.cn\"", html);
        Assert.Contains("Jing Huo", text);
        Assert.Contains("Advanced Neural Network Applications", text);
    }

    [Fact]
    public async Task Counts_in_the_thousands_are_written_with_a_separator_so_none_reads_as_a_year()
    {
        var institution = await Scalar(db => db.Institutions.OrderByDescending(i => i.CitedByCount).FirstAsync());
        Assert.True(institution.CitedByCount >= 1000, $"the demo data's most cited institution has {institution.CitedByCount} citations");

        var text = await TextOf($"/institutions/{institution.Id}");

        Assert.Contains($"{institution.CitedByCount / 1000},{institution.CitedByCount % 1000:000} citations", text);
        Assert.DoesNotContain($"{institution.CitedByCount} citations", text);
    }

    [Fact]
    public async Task A_corpus_institution_lists_current_and_past_researchers()
    {
        var id = await Scalar(db => db.Affiliations
            .Where(a => db.Researchers.Any(r => r.Id == a.ResearcherId && r.LastKnownInstitutionId != a.InstitutionId))
            .GroupBy(a => a.InstitutionId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync());
        var text = await TextOf($"/institutions/{id}");
        Assert.Matches(@"\d+ with this as their latest affiliation", text);
        Assert.Matches(@"[1-9]\d* who have since moved on", text);
        Assert.Contains("Works per year", text);
    }

    [Theory]
    [InlineData("/institutions/01rxvg760", "/institutions/")]
    [InlineData("/institutions/https%3A%2F%2Fror.org%2F01rxvg760", "/institutions/")]
    [InlineData("/works/arXiv:2203.13802", "/works/1")]
    public async Task External_ids_redirect_to_the_canonical_page(string path, string expectedStart)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(expectedStart, response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("/works/10.48550/arXiv.2203.13802")]
    [InlineData("/works/10.48550/ARXIV.2203.13802")]
    [InlineData("/works/doi:10.48550/arXiv.2203.13802")]
    [InlineData("/works/https://doi.org/10.48550/arXiv.2203.13802")]
    [InlineData("/works/https%3A%2F%2Fdoi.org%2F10.48550%2FarXiv.2203.13802")]
    [InlineData("/works/2203.13802")]
    [InlineData("/works/2203.13802v2")]
    [InlineData("/works/arXiv:2203.13802v1")]
    [InlineData("/works/https://arxiv.org/abs/2203.13802")]
    public async Task The_reference_paper_is_reached_by_its_arXiv_id_in_every_form(string path)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/works/1", response.Headers.Location!.AbsolutePath);
        Assert.Contains("Playing Lottery Tickets in Style Transfer Models", await TextOf("/works/1"));
    }

    [Fact]
    public async Task Works_institutions_and_researchers_are_reached_by_OpenAlex_ids_and_DOIs_in_every_form()
    {
        const string doi = "10.5555/ids-in-every-form.1";
        var work = await Scalar(async db =>
        {
            if (!await db.Works.AnyAsync(w => w.Doi == doi))
            {
                db.Works.Add(new Work { Title = "Ids in every form", Type = "article", Year = 2021, Doi = doi, OpenAlexId = "W4299999991", Origin = RecordOrigin.OpenAlex });
                await db.SaveChangesAsync();
            }
            return await db.Works.Where(w => w.Doi == doi).Select(w => new { w.Id, w.OpenAlexId, w.Doi }).SingleAsync();
        });
        var institution = await Scalar(async db =>
        {
            if (!await db.Institutions.AnyAsync(i => i.OpenAlexId == "I4299999991"))
            {
                db.Institutions.Add(new Institution { DisplayName = "Institute of Ids", OpenAlexId = "I4299999991" });
                await db.SaveChangesAsync();
            }
            return await db.Institutions.Where(i => i.OpenAlexId == "I4299999991").Select(i => new { i.Id, i.OpenAlexId }).SingleAsync();
        });
        var rorInstitution = await Scalar(db => db.Institutions.Where(i => i.Ror != null).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.Ror }).FirstAsync());
        var researcher = await Scalar(async db =>
        {
            if (!await db.Researchers.AnyAsync(r => r.OpenAlexId == "A4299999991"))
            {
                db.Researchers.Add(new Researcher { Slug = "ids-in-every-form", DisplayName = "Ids In Every Form", OpenAlexId = "A4299999991", Origin = RecordOrigin.OpenAlex });
                await db.SaveChangesAsync();
            }
            return await db.Researchers.Where(r => r.OpenAlexId == "A4299999991").Select(r => new { r.Slug, r.OpenAlexId }).SingleAsync();
        });
        var expected = new Dictionary<string, string>
        {
            [$"/works/{work.OpenAlexId!.ToLowerInvariant()}"] = $"/works/{work.Id}",
            [$"/works/https://openalex.org/{work.OpenAlexId}"] = $"/works/{work.Id}",
            [$"/works/{work.Doi!.ToUpperInvariant()}"] = $"/works/{work.Id}",
            [$"/works/https://doi.org/{work.Doi}"] = $"/works/{work.Id}",
            [$"/works/DOI:{work.Doi}"] = $"/works/{work.Id}",
            [$"/institutions/{institution.OpenAlexId!.ToLowerInvariant()}"] = $"/institutions/{institution.Id}",
            [$"/institutions/https://openalex.org/{institution.OpenAlexId}"] = $"/institutions/{institution.Id}",
            [$"/institutions/{rorInstitution.Ror!.ToUpperInvariant()}"] = $"/institutions/{rorInstitution.Id}",
            [$"/institutions/https://ror.org/{rorInstitution.Ror}"] = $"/institutions/{rorInstitution.Id}",
            [$"/researchers/{researcher.OpenAlexId!.ToLowerInvariant()}"] = $"/researchers/{researcher.Slug}",
            // Researcher addresses have sub-pages (claim, edit, invite), so a URL id is written encoded there.
            [$"/researchers/{Uri.EscapeDataString("https://openalex.org/" + researcher.OpenAlexId)}"] = $"/researchers/{researcher.Slug}",
        };
        foreach (var (path, canonical) in expected)
        {
            var response = await _client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} answered {(int)response.StatusCode}");
            Assert.Equal(canonical, response.Headers.Location!.AbsolutePath);
        }
    }

    [Theory]
    [InlineData("/researchers/MEIHAO-KONG")]
    [InlineData("/researchers/Meihao-Kong")]
    public async Task A_slug_in_another_case_redirects_to_the_canonical_address(string path)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/researchers/meihao-kong", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_researcher_is_reachable_by_OpenAlex_id_and_ORCID()
    {
        const string slug = "ada-lovelace-test";
        await Scalar(async db =>
        {
            if (!await db.Researchers.AnyAsync(r => r.Slug == slug))
            {
                db.Researchers.Add(new Researcher { Slug = slug, DisplayName = "Ada Lovelace Test", OpenAlexId = "A5017898742", Orcid = "0000-0002-1825-0097", Origin = RecordOrigin.OpenAlex });
                await db.SaveChangesAsync();
            }
            return 0;
        });

        foreach (var key in new[] { "A5017898742", "a5017898742", "https%3A%2F%2Fopenalex.org%2FA5017898742", "0000-0002-1825-0097",
                     "https%3A%2F%2Forcid.org%2F0000-0002-1825-0097" })
        {
            var response = await _client.GetAsync($"/researchers/{key}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/researchers/{slug}", response.Headers.Location!.AbsolutePath);
        }
        var text = await TextOf($"/researchers/{slug}");
        Assert.Contains("Verification L2", text);
        Assert.Contains("ORCID 0000-0002-1825-0097", text);
        Assert.Contains("OpenAlex A5017898742", text);
    }

    [Theory]
    [InlineData("/works/999999")]
    [InlineData("/works/0")]
    [InlineData("/works/W1")]
    [InlineData("/works/10.9999/does-not-exist")]
    [InlineData("/works/%20")]
    [InlineData("/works/%E2%80%8B")]
    [InlineData("/works/99999999999999999999999")]
    [InlineData("/topics/abc")]
    [InlineData("/topics/-1")]
    [InlineData("/topics/T99")]
    [InlineData("/institutions/0zzzzzz99")]
    [InlineData("/institutions/I1")]
    [InlineData("/researchers/A999")]
    [InlineData("/researchers/0000-0002-1825-0098")]
    [InlineData("/researchers/%27%20OR%201%3D1%20--")]
    [InlineData("/researchers/meihao-kong/extra")]
    [InlineData("/institutions/")]
    [InlineData("/works/10.48550/arXiv.9999.99999")]
    public async Task Unknown_or_malformed_ids_answer_404(string path)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Text_from_data_is_encoded_on_every_page()
    {
        const string markup = "<script>alert(1)</script>";
        var (slug, workId) = await Scalar(async db =>
        {
            var researcher = await db.Researchers.FirstOrDefaultAsync(r => r.DisplayName == markup);
            if (researcher is null)
            {
                researcher = new Researcher { Slug = Slug.From(markup), DisplayName = markup, Summary = markup, Origin = RecordOrigin.Arxiv };
                var work = new Work { Title = markup, Abstract = markup, Type = "article", Year = 2020, Origin = RecordOrigin.Arxiv };
                db.Add(new Authorship { Work = work, Researcher = researcher, AuthorOrder = 0 });
                await db.SaveChangesAsync();
            }
            var id = await db.Authorships.Where(a => a.ResearcherId == researcher.Id).Select(a => a.WorkId).FirstAsync();
            return (researcher.Slug, id);
        });

        foreach (var path in new[] { $"/researchers/{slug}", $"/works/{workId}" })
        {
            var html = await HtmlOf(path);
            Assert.DoesNotContain(markup, html);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        }
    }

    private async Task<string> HtmlOf(string path)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The page's visible text with tags removed and whitespace collapsed, as a reader would read it.</summary>
    private async Task<string> TextOf(string path)
    {
        var html = await HtmlOf(path);
        var body = html[html.IndexOf("<body", StringComparison.Ordinal)..];
        body = Regex.Replace(body, "<(script|style)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline);
        body = Regex.Replace(body, "<!--.*?-->", " ", RegexOptions.Singleline);
        body = Regex.Replace(body, "<[^>]+>", " ");
        return WhiteSpace().Replace(WebUtility.HtmlDecode(body), " ");
    }

    private static List<int> WorkIds(string html) =>
        Regex.Matches(html, @"data-work-id=""(\d+)""").Select(m => int.Parse(m.Groups[1].Value)).ToList();

    private static List<int> Years(string html) =>
        Regex.Matches(html, @"<span class=""work-year""[^>]*>(\d+)</span>").Select(m => int.Parse(m.Groups[1].Value)).ToList();

    private static List<int> CitedCounts(string html) =>
        Regex.Matches(html, @"<article class=""work-item""[^>]*>.*?</article>", RegexOptions.Singleline)
            .Select(m => Regex.Match(m.Value, @"cited by ([\d,]+)") is { Success: true } c ? int.Parse(c.Groups[1].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) : 0).ToList();

    private async Task<T> Scalar<T>(Func<ExplorerDbContext, Task<T>> read)
    {
        await using var db = fixture.App.Database.Factory.CreateDbContext();
        return await read(db);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
