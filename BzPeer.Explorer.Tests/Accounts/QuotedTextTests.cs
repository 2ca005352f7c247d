using BzPeer.Explorer.Accounts.Email;

namespace BzPeer.Explorer.Tests.Accounts;

public class QuotedTextTests
{
    [Theory]
    [InlineData("verify at https://evil.example/login", "verify at https[:]//evil[.]example/login")]
    [InlineData("see www.evil.example now", "see www[.]evil[.]example now")]
    [InlineData("mail me at a@evil.example", "mail me at a@evil[.]example")]
    [InlineData("evil\u3002example", "evil[.]example")]
    [InlineData("Style transfer, e.g. in 3.5 steps", "Style transfer, e.g. in 3.5 steps")]
    public void Web_addresses_in_quoted_text_are_broken_and_the_rest_is_kept(string text, string defanged) =>
        Assert.Equal(defanged, QuotedText.Defang(text));

    [Fact]
    public void Every_line_of_quoted_text_is_marked() =>
        Assert.Equal("> first line\n> — BzPeer Explorer", QuotedText.Quote("first line\r\n— BzPeer Explorer"));
}
