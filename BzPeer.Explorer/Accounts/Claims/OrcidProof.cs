using System.Security.Claims;
using System.Text.Json;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Profiles;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Accounts.Claims;

/// <summary>The ORCID client the app is registered as (settings <c>Orcid:ClientId</c>, <c>Orcid:ClientSecret</c>, <c>Orcid:BaseUrl</c>).</summary>
public sealed class OrcidOptions
{
    public const string Section = "Orcid";

    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>https://orcid.org, or https://sandbox.orcid.org for ORCID's sandbox.</summary>
    public string BaseUrl { get; set; } = "https://orcid.org";

    /// <summary>Without a client id and secret there is no ORCID sign-in, and no "Verify with ORCID" button.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}

/// <summary>
/// "Verify with ORCID": the signed-in account signs in at ORCID (OAuth authorisation code flow, scope /authenticate,
/// through ASP.NET Core's OAuth handler) to prove an ORCID iD for its claim on one record. ORCID's token response
/// names the iD (<c>orcid</c>) and the person (<c>name</c>). The handler's state and correlation cookie refuse a
/// callback this browser did not start, and a code is exchanged once; the flow carries the account and the record it
/// was started for, and the callback is refused unless the same account is still signed in. Nobody is signed in by
/// ORCID: the result goes to <see cref="ClaimService.ProveOrcidAsync"/> and the browser back to the claim page.
/// </summary>
public static class OrcidProof
{
    public const string Scheme = "ORCID";
    public const string CallbackPath = "/signin-orcid";
    private const string OrcidClaim = "orcid";
    private const string AccountItem = "account";
    private const string ResearcherItem = "researcher";
    private const string SlugItem = "slug";

    /// <summary>Registers the ORCID OAuth handler when the settings name a client; otherwise nothing.</summary>
    public static WebApplicationBuilder AddOrcidProof(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(OrcidOptions.Section).Get<OrcidOptions>() ?? new OrcidOptions();
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        if (!options.IsConfigured) return builder;
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
            throw new InvalidOperationException($"Orcid:BaseUrl '{options.BaseUrl}' is not an http(s) address such as https://orcid.org or https://sandbox.orcid.org.");
        var root = baseUrl.AbsoluteUri.TrimEnd('/');

        builder.Services.AddAuthentication().AddOAuth(Scheme, "ORCID", oauth =>
        {
            oauth.ClientId = options.ClientId!;
            oauth.ClientSecret = options.ClientSecret!;
            oauth.AuthorizationEndpoint = root + "/oauth/authorize";
            oauth.TokenEndpoint = root + "/oauth/token";
            oauth.CallbackPath = CallbackPath;
            oauth.Scope.Add("/authenticate");
            oauth.SignInScheme = IdentityConstants.ExternalScheme;
            // ORCID sends the browser back with a top-level GET, which a Lax cookie accompanies; secure whenever the
            // request is (as the sign-in cookie), so that the app also works on plain HTTP behind nothing.
            oauth.CorrelationCookie.SameSite = SameSiteMode.Lax;
            oauth.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            oauth.Events = new OAuthEvents
            {
                OnCreatingTicket = ReadOrcidFromTokenResponse,
                OnTicketReceived = RecordProofAsync,
                OnRemoteFailure = RefuseAsync,
            };
        });
        return builder;
    }

    /// <summary>POST /researchers/{slug}/claim/orcid starts the flow for the signed-in account and that record.</summary>
    public static IEndpointRouteBuilder MapOrcidProof(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/researchers/{slug}/claim/orcid", async (string slug, HttpContext context, IAntiforgery antiforgery,
            IDbContextFactory<ExplorerDbContext> dbFactory, Microsoft.Extensions.Options.IOptions<OrcidOptions> orcid) =>
        {
            if (!orcid.Value.IsConfigured) return Results.NotFound();
            // Checked here rather than by the endpoint filter, so a stale form gets a plain answer.
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.Text("The form has expired. Go back, reload the claim page and try again.", "text/plain", statusCode: StatusCodes.Status400BadRequest);
            var userId = SignedInUser.IdOf(context.User);
            if (userId is null) return Results.Challenge();
            await using var db = await dbFactory.CreateDbContextAsync();
            var record = await db.Researchers.Where(r => r.Slug == slug).Select(r => new { r.Id, r.Slug, r.Orcid }).SingleOrDefaultAsync();
            if (record is null) return Results.NotFound();
            if (record.Orcid is null)
                return Results.Text("This record has no ORCID iD, so signing in with ORCID cannot prove it is you.", "text/plain", statusCode: StatusCodes.Status400BadRequest);

            var properties = new AuthenticationProperties { RedirectUri = ClaimPage(record.Slug) };
            properties.SetString(AccountItem, userId);
            properties.SetString(ResearcherItem, record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            properties.SetString(SlugItem, record.Slug);
            return Results.Challenge(properties, [Scheme]);
        }).RequireAuthorization().DisableAntiforgery();
        return endpoints;
    }

    /// <summary>The claim page, with the word for what the ORCID sign-in did (the page says it in full).</summary>
    public static string ClaimPage(string slug, string? result = null) =>
        "/" + Links.Researcher(slug) + "/claim" + (result is null ? "" : "?orcid=" + Uri.EscapeDataString(result));

    private static Task ReadOrcidFromTokenResponse(OAuthCreatingTicketContext context)
    {
        var response = context.TokenResponse.Response?.RootElement;
        // An answer of another shape proves nothing: the callback then finds no iD and says the sign-in failed.
        if (response is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("orcid", out var orcid)
            && orcid.ValueKind == JsonValueKind.String && EntityKeys.TryParseOrcid(orcid.GetString(), out var id))
        {
            context.Identity!.AddClaim(new Claim(OrcidClaim, id));
            if (json.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && name.GetString() is { Length: > 0 } text)
                context.Identity.AddClaim(new Claim(ClaimTypes.Name, text));
        }
        return Task.CompletedTask;
    }

    private static async Task RecordProofAsync(TicketReceivedContext context)
    {
        context.HandleResponse();
        var properties = context.Properties!;
        var slug = properties.GetString(SlugItem) ?? "";
        var signedIn = await context.HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var proven = context.Principal?.FindFirstValue(OrcidClaim);
        string result;
        if (!signedIn.Succeeded || SignedInUser.IdOf(signedIn.Principal) is not { } userId || userId != properties.GetString(AccountItem))
            result = "other-account";
        else if (proven is null || !int.TryParse(properties.GetString(ResearcherItem), out var researcherId))
            result = "failed";
        else
        {
            var appBaseUri = context.HttpContext.RequestServices.GetRequiredService<PublicAddress>().BaseUri;
            var outcome = await context.HttpContext.RequestServices.GetRequiredService<ClaimService>()
                .ProveOrcidAsync(signedIn.Principal!, researcherId, proven, context.Principal!.FindFirstValue(ClaimTypes.Name), appBaseUri);
            result = outcome is Outcome<OrcidProofResult> { Succeeded: true, Value: var value } ? ResultWord(value) : "failed";
        }
        context.Response.Redirect(ClaimPage(slug, result));
    }

    /// <summary>A forged or replayed callback, a refused code, or a denial at ORCID: back to a page that says so, nothing changed.</summary>
    private static Task RefuseAsync(RemoteFailureContext context)
    {
        context.HandleResponse();
        context.Response.Redirect(context.Properties?.GetString(SlugItem) is { Length: > 0 } slug ? ClaimPage(slug, "failed") : "/claims?orcid=failed");
        return Task.CompletedTask;
    }

    public static string ResultWord(OrcidProofResult result) => result switch
    {
        OrcidProofResult.Approved => "approved",
        OrcidProofResult.DifferentOrcid => "different",
        OrcidProofResult.Dispute => "dispute",
        _ => "owner",
    };

    /// <summary>What the claim page and the claims page say after an ORCID sign-in, by the word in their address.</summary>
    public static string? Message(string? result) => result switch
    {
        "approved" => "Approved: you signed in with ORCID as this record's ORCID iD. You are now the claimed author.",
        "different" => "The ORCID iD you signed in with is not this record's, so it approves nothing. A pending claim keeps it as evidence for the reviewer.",
        "dispute" => "Your ORCID iD is this record's, but another account holds the record: a reviewer decides the dispute and sees your ORCID proof.",
        "owner" => "You are already the claimed author of this record.",
        "other-account" => "The ORCID sign-in was started by another account than the one signed in now, so it was not used. Start it again from the claim page.",
        "failed" => "The ORCID sign-in could not be completed (it was cancelled, had expired, or did not come from this browser), so nothing changed. Start it again from the claim page.",
        _ => null,
    };
}
