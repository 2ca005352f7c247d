using BzPeer.Explorer.Profiles;

namespace BzPeer.Explorer.Tests.Profiles;

public class EntityKeysTests
{
    [Theory]
    [InlineData("A5017898742", "A5017898742")]
    [InlineData("a5017898742", "A5017898742")]
    [InlineData("https://openalex.org/A5017898742", "A5017898742")]
    [InlineData("HTTPS://OPENALEX.ORG/a5017898742", "A5017898742")]
    [InlineData("https://openalex.org/authors/A5017898742", "A5017898742")]
    [InlineData("https://api.openalex.org/authors/a5017898742", "A5017898742")]
    [InlineData("  A5017898742  ", "A5017898742")]
    public void OpenAlex_ids_are_recognised_in_their_usual_spellings(string text, string expected)
    {
        Assert.True(EntityKeys.TryParseOpenAlex(text, 'A', out var id));
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData("W5017898742")]
    [InlineData("A")]
    [InlineData("A12x")]
    [InlineData("meihao-kong")]
    [InlineData("")]
    public void Other_text_is_not_an_author_id(string text) => Assert.False(EntityKeys.TryParseOpenAlex(text, 'A', out _));

    [Theory]
    [InlineData("0000-0002-1825-0097", true)]
    [InlineData("https://orcid.org/0000-0002-1825-0097", true)]
    [InlineData("0000-0001-5109-3700", true)]
    [InlineData("0000-0002-1694-233X", true)]
    [InlineData("0000-0002-1694-233x", true)]
    [InlineData("http://orcid.org/0000-0002-1825-0097", true)]
    [InlineData("orcid.org/0000-0002-1825-0097", true)]
    [InlineData("orcid:0000-0002-1825-0097", true)]
    [InlineData("0000-0002-1825-0098", false)]
    [InlineData("0000-0002-1825-009", false)]
    [InlineData("0000 0002 1825 0097", false)]
    public void ORCID_iDs_need_a_valid_check_digit(string text, bool valid) => Assert.Equal(valid, EntityKeys.TryParseOrcid(text, out _));

    [Theory]
    [InlineData("10.1038/nrn3475", "10.1038/nrn3475")]
    [InlineData("https://doi.org/10.1038/NRN3475", "10.1038/nrn3475")]
    [InlineData("doi:10.48550/arXiv.2203.13802", "10.48550/arxiv.2203.13802")]
    [InlineData("DOI: 10.1038/nrn3475", "10.1038/nrn3475")]
    [InlineData("http://dx.doi.org/10.1038/nrn3475", "10.1038/nrn3475")]
    [InlineData("HTTPS://DOI.ORG/10.1038/NRN3475", "10.1038/nrn3475")]
    [InlineData("doi.org/10.1038/nrn3475", "10.1038/nrn3475")]
    public void DOIs_are_normalised_to_lower_case_without_prefix(string text, string expected)
    {
        Assert.True(EntityKeys.TryParseDoi(text, out var doi));
        Assert.Equal(expected, doi);
    }

    [Theory]
    [InlineData("01rxvg760", true)]
    [InlineData("https://ror.org/03kk7td41", true)]
    [InlineData("ror.org/03kk7td41", true)]
    [InlineData("HTTPS://ROR.ORG/03KK7TD41", true)]
    [InlineData("1rxvg760", false)]
    [InlineData("01rxvg76", false)]
    public void ROR_ids_follow_their_pattern(string text, bool valid) => Assert.Equal(valid, EntityKeys.TryParseRor(text, out _));

    [Theory]
    [InlineData("2203.13802", "2203.13802")]
    [InlineData("arXiv:2203.13802v2", "2203.13802")]
    [InlineData("2203.13802v2", "2203.13802")]
    [InlineData("ARXIV:2203.13802", "2203.13802")]
    [InlineData("https://arxiv.org/abs/2203.13802v1", "2203.13802")]
    [InlineData("10.48550/arXiv.2203.13802", "2203.13802")]
    [InlineData("10.48550/ARXIV.2203.13802", "2203.13802")]
    [InlineData("doi:10.48550/arXiv.2203.13802", "2203.13802")]
    [InlineData("https://doi.org/10.48550/arXiv.2203.13802", "2203.13802")]
    public void ArXiv_ids_drop_their_version(string text, string expected)
    {
        Assert.True(EntityKeys.TryParseArxiv(text, out var id));
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData("2203.138")]
    [InlineData("10.48550/arXiv.nonsense")]
    [InlineData("10.1038/nrn3475")]
    [InlineData("arXiv:")]
    public void Other_text_is_not_an_arXiv_id(string text) => Assert.False(EntityKeys.TryParseArxiv(text, out _));

    [Theory]
    [InlineData("meihao-kong", "meihao-kong")]
    [InlineData("MEIHAO-KONG", "meihao-kong")]
    [InlineData("Meihao-Kong", "meihao-kong")]
    public void Slugs_are_read_in_any_case(string text, string expected)
    {
        Assert.True(EntityKeys.TryParseSlug(text, out var slug));
        Assert.Equal(expected, slug);
    }

    [Theory]
    [InlineData("meihao kong")]
    [InlineData("-kong")]
    [InlineData("<script>")]
    [InlineData("")]
    public void Other_text_is_not_a_slug(string text) => Assert.False(EntityKeys.TryParseSlug(text, out _));

    [Theory]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("-3", false)]
    [InlineData("99999999999999999999", false)]
    [InlineData("1e3", false)]
    public void Integer_keys_are_positive_and_in_range(string text, bool valid) => Assert.Equal(valid, EntityKeys.TryParseId(text, out _));
}
