using BzPeer.Explorer.Data;
using BzPeer.Explorer.Search;

namespace BzPeer.Explorer.Tests.Data;

public class TextFoldingTests
{
    [Theory]
    [InlineData("Müller", "muller")]
    [InlineData("MÜLLER", "muller")]
    [InlineData("Mu\u0308ller", "muller")]
    [InlineData("José García", "jose garcia")]
    [InlineData("Đặng Thị Ngọc", "đang thi ngoc")]
    [InlineData("İstanbul", "istanbul")]
    public void Case_and_accents_fold_away_whatever_the_unicode_form(string text, string folded) =>
        Assert.Equal(folded, TextFolding.Fold(text));

    [Fact]
    public void Slugs_search_words_and_highlights_fold_alike()
    {
        Assert.Equal("jose-garcia", Slug.From("José GARCÍA"));
        Assert.Equal("jose garcia", SearchTerms.Key("Jose\u0301 García"));
        Assert.Equal(["García"], Highlighter.Split("José García", SearchTerms.Parse("garc")).Where(s => s.IsMatch).Select(s => s.Text));
    }
}
