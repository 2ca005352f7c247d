using System.Net;
using System.Net.Sockets;

namespace BzPeer.Explorer.Accounts;

/// <summary>
/// Whom a per-address rate limit counts: the client's IPv4 address, or the /64 of its IPv6 address, since one
/// subscriber is given a whole /64 and may use any address in it.
/// </summary>
public static class ClientAddress
{
    public static string KeyOf(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
