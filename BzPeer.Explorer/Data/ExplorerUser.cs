using Microsoft.AspNetCore.Identity;

namespace BzPeer.Explorer.Data;

/// <summary>An account of this app: ASP.NET Core Identity's user with the name it shows to others.</summary>
public class ExplorerUser : IdentityUser
{
    public string? DisplayName { get; set; }
    /// <summary>When the name chosen at registration was last changed: a renamed account's claims are reviewed, since a
    /// rename to a colleague's name must not pass the name rule of automatic approval.</summary>
    public DateTime? DisplayNameChangedAt { get; set; }
}
