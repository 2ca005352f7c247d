using BzPeer.Explorer.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace BzPeer.Explorer.Accounts.Identity;

/// <summary>Redirects from the statically rendered account pages, with an optional one-shot status message in a short-lived cookie (from the Blazor template).</summary>
internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    /// <summary>Goes to a path on this site; anything else (another host, a scheme) goes to the start page.</summary>
    public void RedirectTo(string? uri) => navigationManager.NavigateTo(LocalUrl.OrHome(uri));

    /// <summary>Goes to a path on this site with query parameters; null values are left out.</summary>
    public void RedirectTo(string path, Dictionary<string, string?> queryParameters) =>
        RedirectTo(path + QueryString.Create(queryParameters.Where(p => p.Value is not null)));

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    private string CurrentPath => "/" + navigationManager.ToBaseRelativePath(navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path));

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context) => RedirectToWithStatus(CurrentPath, message, context);

    public void RedirectToInvalidUser(UserManager<ExplorerUser> userManager, HttpContext context) =>
        RedirectToWithStatus("/Account/InvalidUser", $"Error: Unable to load the account with ID '{userManager.GetUserId(context.User)}'.", context);
}
