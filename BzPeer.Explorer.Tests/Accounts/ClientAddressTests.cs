using System.Net;
using BzPeer.Explorer.Accounts;

namespace BzPeer.Explorer.Tests.Accounts;

public class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:5:6::1", "2001:db8:5:6::/64")]
    [InlineData("2001:db8:5:6:ffff:ffff:ffff:ffff", "2001:db8:5:6::/64")]
    [InlineData("2001:db8:5:7::1", "2001:db8:5:7::/64")]
    public void An_IPv4_client_counts_by_its_address_and_an_IPv6_client_by_its_64(string address, string key) =>
        Assert.Equal(key, ClientAddress.KeyOf(IPAddress.Parse(address)));

    [Fact]
    public void A_request_without_an_address_counts_as_one_unknown_client() => Assert.Equal("unknown", ClientAddress.KeyOf(null));
}
