using System.Security.Claims;

namespace BzPeer.Explorer.Accounts;

/// <summary>
/// Who is acting, read from the authenticated principal the server holds (the sign-in cookie, or the circuit's
/// authentication state), never from anything the page sends.
/// </summary>
public static class SignedInUser
{
    /// <summary>The account id of a signed-in principal; null for a visitor.</summary>
    public static string? IdOf(ClaimsPrincipal? principal) =>
        principal?.Identity?.IsAuthenticated == true && principal.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id ? id : null;
}
