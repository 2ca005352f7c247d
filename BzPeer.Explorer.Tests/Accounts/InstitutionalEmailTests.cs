using BzPeer.Explorer.Accounts;
using BzPeer.Explorer.Accounts.Claims;
using BzPeer.Explorer.Accounts.Identity;

namespace BzPeer.Explorer.Tests.Accounts;

public class InstitutionalEmailTests
{
    [Theory]
    [InlineData("jing.huo@nju.edu.cn", "https://www.nju.edu.cn", true)]
    [InlineData("Jing.Huo@NJU.edu.cn", "https://www.nju.edu.cn/", true)]
    [InlineData("jing.huo@cs.nju.edu.cn", "https://www.nju.edu.cn", true)]
    [InlineData("someone@cardiff.ac.uk", "http://cardiff.ac.uk/research", true)]
    [InlineData("someone@www.cardiff.ac.uk", "https://www.cardiff.ac.uk", true)]
    [InlineData("jing.huo@nju.edu.cn.evil.example", "https://www.nju.edu.cn", false)]
    [InlineData("jing.huo@evilnju.edu.cn", "https://www.nju.edu.cn", false)]
    [InlineData("someone@edu.cn", "https://www.nju.edu.cn", false)]
    [InlineData("jing.huo@gmail.com", "https://www.nju.edu.cn", false)]
    [InlineData("jing.huo@nju.edu.cn", "https://www.cs.nju.edu.cn", false)]
    [InlineData("someone@example", "https://example", false)]
    [InlineData("someone@127.0.0.1", "http://127.0.0.1", false)]
    [InlineData("not an email", "https://www.nju.edu.cn", false)]
    [InlineData("jing.huo@nju.edu.cn", "javascript:alert(1)", false)]
    [InlineData("jing.huo@nju.edu.cn", null, false)]
    [InlineData(null, "https://www.nju.edu.cn", false)]
    public void An_email_is_institutional_when_its_domain_is_the_homepages_or_under_it(string? email, string? homepage, bool expected) =>
        Assert.Equal(expected, InstitutionalEmail.Matches(email, homepage));

    [Fact]
    public void International_domains_compare_in_their_ascii_form()
    {
        Assert.Equal("xn--mnchen-3ya.de", InstitutionalEmail.HomepageDomain("https://www.münchen.de"));
        Assert.True(InstitutionalEmail.Matches("forscher@münchen.de", "https://www.xn--mnchen-3ya.de"));
    }

    [Theory]
    [InlineData("/researchers/jing-huo", true)]
    [InlineData("/researchers/jing-huo/claim?x=1", true)]
    [InlineData("/", true)]
    [InlineData("//evil.example/", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("researchers/x", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Return_addresses_are_only_paths_on_this_site(string? url, bool local)
    {
        Assert.Equal(local, LocalUrl.IsLocal(url));
        Assert.Equal(local ? url : "/", LocalUrl.OrHome(url));
    }

    [Theory]
    [InlineData("/\u3002/x", "/%E3%80%82/x")]
    [InlineData("/researchers/j\u00fcrgen?q=caf\u00e9#works", "/researchers/j%C3%BCrgen?q=caf%C3%A9#works")]
    [InlineData("/a b", "/a%20b")]
    public void Return_addresses_with_other_characters_are_sent_percent_encoded(string url, string encoded)
    {
        Assert.True(LocalUrl.IsLocal(url));
        Assert.Equal(encoded, LocalUrl.OrHome(url));
    }

    [Fact]
    public void Typed_text_is_cleaned_to_plain_text_and_kept_as_typed()
    {
        Assert.Null(PlainText.SingleLine("  \r\n\t "));
        Assert.Equal("one two", PlainText.SingleLine(" one\r\ntwo "));
        Assert.Equal("first\n\nsecond", PlainText.Multiline("first\r\n\r\nsecond\u0007"));
        Assert.Equal("<b>bold</b> & <script>x</script>", PlainText.Multiline("<b>bold</b> & <script>x</script>"));
    }
}
