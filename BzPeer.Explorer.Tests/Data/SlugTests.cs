using BzPeer.Explorer.Data;

namespace BzPeer.Explorer.Tests.Data;

public class SlugTests
{
    [Theory]
    [InlineData("Meihao Kong", "meihao-kong")]
    [InlineData("Yu-Kun Lai", "yu-kun-lai")]
    [InlineData("Thomas Müller", "thomas-muller")]
    [InlineData("  José  María   Ñúñez ", "jose-maria-nunez")]
    [InlineData("O'Brien, S. J.", "o-brien-s-j")]
    [InlineData("<script>alert(1)</script>", "script-alert-1-script")]
    [InlineData("李明", "researcher")]
    public void Slugs_are_lower_case_ascii_words_joined_by_hyphens(string name, string expected)
    {
        Assert.Equal(expected, Slug.From(name));
        Assert.True(Slug.IsWellFormed(Slug.From(name)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Meihao-Kong")]
    [InlineData("-kong")]
    [InlineData("kong-")]
    [InlineData("meihao--kong")]
    [InlineData("meihao kong")]
    [InlineData("'; DROP TABLE Researchers; --")]
    public void Text_no_slug_could_be_is_rejected_before_any_lookup(string candidate) =>
        Assert.False(Slug.IsWellFormed(candidate));
}
