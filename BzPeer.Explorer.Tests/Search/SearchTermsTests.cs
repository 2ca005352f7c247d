using BzPeer.Explorer.Search;

namespace BzPeer.Explorer.Tests.Search;

public class SearchTermsTests
{
    [Theory]
    [InlineData("Meihao Kong", new[] { "meihao", "kong" })]
    [InlineData("  Thomas   MÜLLER ", new[] { "thomas", "muller" })]
    [InlineData("Yu-Kun Lai", new[] { "yu", "kun", "lai" })]
    [InlineData("\"lottery\" AND tickets*", new[] { "lottery", "and", "tickets" })]
    [InlineData("NEAR(style transfer, 3)", new[] { "near", "style", "transfer", "3" })]
    [InlineData("'; DROP TABLE Researchers; --", new[] { "drop", "table", "researchers" })]
    [InlineData("title:style -transfer ^OR (unbalanced", new[] { "title", "style", "transfer", "or", "unbalanced" })]
    [InlineData("a\u0000b\u0007c\td", new[] { "a", "b", "c", "d" })]
    public void Text_is_reduced_to_folded_words(string text, string[] expected) =>
        Assert.Equal(expected, SearchTerms.Parse(text).Words);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"*-()^:")]
    public void Text_without_words_is_empty(string? text) => Assert.True(SearchTerms.Parse(text).IsEmpty);

    [Fact]
    public void The_match_expression_quotes_every_word_and_prefixes_the_last()
    {
        Assert.Equal("\"kong\" \"mei\"*", SearchTerms.Parse("Kong Mei").ToMatchExpression());
        Assert.Equal("\"kong\" \"m\"", SearchTerms.Parse("Kong M").ToMatchExpression());
        Assert.Equal("\"style\" \"transfer\"", SearchTerms.Parse("style transfer").ToMatchExpression(prefixLastWord: false));
    }

    [Fact]
    public void A_huge_query_is_cut_to_a_few_short_words()
    {
        var terms = SearchTerms.Parse(string.Concat(Enumerable.Repeat("abcdefghij ", 1000)) + new string('x', 10_000));
        Assert.Equal(SearchTerms.MaxWords, terms.Words.Count);
        Assert.All(terms.Words, w => Assert.True(w.Length <= SearchTerms.MaxWordLength));
    }

    [Fact]
    public void Highlighting_marks_whole_words_that_start_with_a_searched_word_without_accents_or_case()
    {
        var segments = Highlighter.Split("Thomas Müller studies <b>style</b> transfer", SearchTerms.Parse("muller sty"));
        Assert.Equal(["Thomas ", "Müller", " studies <b>", "style", "</b> transfer"], segments.Select(s => s.Text));
        Assert.Equal([false, true, false, true, false], segments.Select(s => s.IsMatch));
    }
}
