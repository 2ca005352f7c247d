using System.Text.Json;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Import.OpenAlex;

namespace BzPeer.Explorer.Tests.Import;

public class OpenAlexParserTests
{
    [Theory]
    [InlineData("https://openalex.org/W2741809807", "W2741809807")]
    [InlineData("https://openalex.org/works/W2741809807", "W2741809807")]
    [InlineData("w2741809807", "W2741809807")]
    [InlineData("A5023888391", "A5023888391")]
    [InlineData("https://example.org/W1", null)]
    [InlineData("W12x", null)]
    [InlineData("", null)]
    [InlineData("https://openalex.org/subfields/2805", null)]
    public void Ids_are_stored_in_their_short_form(string given, string? expected) => Assert.Equal(expected, OpenAlexId.Normalize(given));

    [Fact]
    public void The_kind_comes_from_the_id()
    {
        Assert.Equal(OpenAlexKind.Publisher, Parse("""{"id": "https://openalex.org/P4310319965"}""").Kind);
        Assert.Null(Parse("""{"id": "https://openalex.org/C71924100", "display_name": "Concept"}""").Record);
        Assert.IsType<SourceRecord>(Parse("""{"id": "https://openalex.org/S1", "display_name": "A journal"}""").Record);
    }

    [Fact]
    public void Cited_works_are_kept_as_numbers_in_whatever_form_their_ids_come()
    {
        var work = (WorkRecord)Parse("""
            {"id": "W1", "referenced_works": ["https://openalex.org/W30", "https:\/\/openalex.org\/W20", "w10", " https://openalex.org/works/W40 ",
              "https://openalex.org/W30", "https://openalex.org/A3", "https://example.org/W50", "W6é", "W1234567890123456789", null,
              "\u0057\u0036\u0030"]}
            """).Record!;

        Assert.Equal([10L, 20L, 30L, 40L, 60L], work.ReferencedWorkNumbers);
    }

    [Fact]
    public void A_cited_work_that_is_not_a_string_rejects_the_record()
    {
        var problem = Assert.Throws<RecordFormatException>(() => Parse("""{"id": "W1", "referenced_works": ["W2", 3]}"""));
        Assert.Equal("'referenced_works[1]' is not a string", problem.Message);
    }

    [Fact]
    public void An_abstract_with_gaps_or_words_sharing_a_position_keeps_every_word_in_order()
    {
        var gaps = (WorkRecord)Parse("""{"id": "W1", "abstract_inverted_index": {"far": [900], "first": [0], "then": [5]}}""").Record!;
        var shared = (WorkRecord)Parse("""{"id": "W1", "abstract_inverted_index": {"b": [1], "a": [0], "also": [1]}}""").Record!;

        Assert.Equal("first then far", gaps.Abstract);
        Assert.Equal("a b also", shared.Abstract);
    }

    [Fact]
    public void The_abstract_is_rebuilt_in_word_order_as_plain_text()
    {
        var work = (WorkRecord)Parse("""
            {"id": "W1", "title": "T", "abstract_inverted_index": {"<b>Bold</b>": [0], "words": [1, 3], "and": [2]}}
            """).Record!;

        Assert.Equal("<b>Bold</b> words and words", work.Abstract);
    }

    [Fact]
    public void Ids_dois_orcids_and_arxiv_ids_are_read_from_their_usual_places()
    {
        var work = (WorkRecord)Parse("""
            {"id": "W1", "display_name": "Named by display_name", "doi": "https://doi.org/10.1000/XYZ",
             "locations": [{"landing_page_url": "https://arxiv.org/abs/2203.13802v2"}],
             "authorships": [{"author_position": "last", "is_corresponding": true,
                              "author": {"id": "https://openalex.org/A1", "display_name": "Ada", "orcid": "https://orcid.org/0000-0002-1825-0097"},
                              "institutions": [{"id": "https://openalex.org/I1", "display_name": "U", "ror": "https://ror.org/01rxvg760", "country_code": "cn"}]}],
             "primary_topic": {"id": "https://openalex.org/T2"},
             "topics": [{"id": "https://openalex.org/T1", "display_name": "One", "score": 0.5},
                        {"id": "https://openalex.org/T2", "display_name": "Two", "score": 0.9, "subfield": {"id": "https://openalex.org/subfields/1707", "display_name": "CV"}}],
             "referenced_works": ["https://openalex.org/W2", "https://openalex.org/W2", "https://openalex.org/A3"]}
            """).Record!;

        Assert.Equal(("Named by display_name", "10.1000/XYZ", "2203.13802"), (work.Title, work.Doi, work.ArxivId));
        var authorship = Assert.Single(work.Authorships);
        Assert.Equal((AuthorPosition.Last, true, "0000-0002-1825-0097"), (authorship.Position, authorship.IsCorresponding, authorship.Author!.Orcid));
        Assert.Equal(("01rxvg760", "CN"), (authorship.Institutions[0].Ror, authorship.Institutions[0].CountryCode));
        Assert.Equal([false, true], work.Topics.Select(t => t.IsPrimary));
        Assert.Equal(("CV", 1707, "Unclassified"), (work.Topics[1].Topic.SubfieldName, work.Topics[1].Topic.SubfieldNumber, work.Topics[1].Topic.FieldName));
        Assert.Equal([2L], work.ReferencedWorkNumbers);
    }

    [Theory]
    [InlineData("""{"title": "no id"}""", "the record has no id")]
    [InlineData("""{"id": "https://example.org/1"}""", "'id' is not an OpenAlex id: \"https://example.org/1\"")]
    [InlineData("""{"id": "W1", "publication_year": "2020"}""", "'publication_year' is not a number")]
    [InlineData("""{"id": "W1", "publication_date": "May 2020"}""", "'publication_date' is not a date (yyyy-mm-dd)")]
    [InlineData("""{"id": "W1", "authorships": [{"author": {"id": 7}}]}""", "'authorships[0].author.id' is not a string")]
    [InlineData("""{"id": "W1", "abstract_inverted_index": {"word": [-1]}}""", "'abstract_inverted_index.word' holds a position that is not a whole number")]
    public void A_record_that_cannot_be_used_is_rejected_naming_the_field(string json, string reason)
    {
        var error = Assert.Throws<RecordFormatException>(() => Parse(json));
        Assert.Equal(reason, error.Message);
    }

    private static (OpenAlexKind Kind, OpenAlexRecord? Record) Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return OpenAlexParser.Parse(document.RootElement);
    }
}
