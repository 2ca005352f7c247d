using BzPeer.Explorer.Accounts;
using Microsoft.Extensions.Options;

namespace BzPeer.Explorer.Tests.Accounts;

public class PublicAddressTests
{
    [Theory]
    [InlineData(null, false, "App:PublicUrl is required outside Development")]
    [InlineData("", false, "App:PublicUrl is required outside Development")]
    [InlineData("explorer.example.org", false, "App:PublicUrl must be an http or https address")]
    [InlineData("ftp://explorer.example.org/", true, "App:PublicUrl must be an http or https address")]
    [InlineData("https://explorer.example.org/?next=x", false, "App:PublicUrl must be an http or https address")]
    public void A_missing_or_unusable_public_address_is_named_in_the_error(string? url, bool development, string message)
    {
        var problem = Assert.Single(new PublicAddressOptions { PublicUrl = url }.Problems(development));
        Assert.Contains(message, problem);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("https://explorer.example.org", false)]
    [InlineData("http://127.0.0.1:8080/", false)]
    public void Development_may_leave_it_out_and_a_plain_address_is_accepted(string? url, bool development) =>
        Assert.Empty(new PublicAddressOptions { PublicUrl = url }.Problems(development));

    [Theory]
    [InlineData("https://explorer.example.org", "https://explorer.example.org/Account/ResetPassword?code=a%2Bb")]
    [InlineData("https://example.org/explorer", "https://example.org/explorer/Account/ResetPassword?code=a%2Bb")]
    public void Links_are_built_on_the_public_address_and_its_path(string url, string expected)
    {
        var address = new PublicAddress(Options.Create(new PublicAddressOptions { PublicUrl = url }));
        Assert.Equal(expected, address.Link("Account/ResetPassword", new Dictionary<string, string?> { ["code"] = "a+b", ["returnUrl"] = null }));
    }
}
