using BzPeer.Explorer.Accounts.Claims;
using BzPeer.Explorer.Accounts.Collaboration;
using BzPeer.Explorer.Accounts.Email;
using BzPeer.Explorer.Accounts.Follows;
using BzPeer.Explorer.Accounts.Identity;
using BzPeer.Explorer.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BzPeer.Explorer.Accounts;

/// <summary>Accounts' registrations, middleware and endpoints: Identity in the app's database, email, rate limits, and the feature services.</summary>
public static class AccountsHost
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        builder.AddPublicAddress();
        services.AddCascadingAuthenticationState();
        services.AddSingleton<AccountSignOuts>();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthorization();
        builder.AddOrcidProof();

        // Identity's stores take a context for the request; it comes from the app's pool, tracking as the stores expect.
        services.AddScoped(provider =>
        {
            var db = provider.GetRequiredService<IDbContextFactory<ExplorerDbContext>>().CreateDbContext();
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
            return db;
        });
        // Keys that protect sign-in cookies and antiforgery tokens live in the database, so every app instance
        // in front of the same database accepts what another issued.
        services.AddDataProtection().SetApplicationName("BzPeer.Explorer");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider, ILoggerFactory>(
            (options, provider, loggerFactory) => options.XmlRepository = new DatabaseKeyRepository(provider, loggerFactory));
        services.AddIdentityCore<ExplorerUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.SignIn.RequireConfirmedEmail = true;
                options.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B); passwords like the email, and common ones, are refused by validators below.
                options.Password.RequiredLength = 10;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                // Five failures in a row lock the account for 15 minutes against guessing; the owner still signs in
                // with the right password and a code emailed to the account (see Login), so a lock keeps nobody out.
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ExplorerDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordNotLikeEmailValidator>()
            .AddPasswordValidator<CommonPasswordValidator>();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "BzPeer.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            // Signing in on the sign-in page follows its ReturnUrl: only to a path on this site, percent-encoded (a
            // Location header holds ASCII only; "/。/x" would otherwise answer 500).
            options.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(LocalUrl.OrHome(context.RedirectUri));
                return Task.CompletedTask;
            };
            // A week without a visit ends a sign-in (sliding, so regular use keeps it). Sign-out, "sign out everywhere"
            // and a password reset end it sooner: every request checks the cookie's security stamp (below).
            options.ExpireTimeSpan = TimeSpan.FromDays(7);
            options.SlidingExpiration = true;
        });
        // Every request compares the cookie's security stamp with the account's (one lookup by key), so a copied
        // cookie stops working the moment its account signs out, rather than up to half an hour later.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        services.AddAntiforgery(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddOptions<EmailOptions>().Bind(builder.Configuration.GetSection(EmailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddSingleton<IEmailDelivery>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EmailOptions>>().Value;
            return options.UsesSmtp
                ? new SmtpEmailDelivery(options)
                : new OutboxEmailDelivery(options.ResolveOutboxFolder(provider.GetRequiredService<IHostEnvironment>().ContentRootPath),
                    options.From, provider.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<AccountEmails>();

        services.AddOptions<AccountRateLimits>().Bind(builder.Configuration.GetSection(AccountRateLimits.Section));
        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<IOptions<AccountRateLimits>>((options, limits) => limits.Value.Configure(options));

        services.AddSingleton<FollowService>();
        services.AddSingleton<ClaimService>();
        services.AddSingleton<CollaborationNotifier>();
        services.AddSingleton<CollaborationService>();
        return builder;
    }

    /// <summary>Who is signed in (cookie), what they may open, and how often they may post the account forms; before antiforgery.</summary>
    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post from the menu of any page. Antiforgery is checked here rather than by the endpoint filter, so a
        // stale form gets a plain answer instead of the status-code page re-running the post.
        // Signing out ends the account's sign-ins everywhere (a new security stamp): the cookie alone cannot be revoked,
        // and a copy of it must not outlive the sign-out.
        endpoints.MapPost("/Account/Logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<ExplorerUser> signInManager, AccountSignOuts signOuts) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.Text("The sign-out form has expired. Go back, reload the page and sign out again.", "text/plain", statusCode: StatusCodes.Status400BadRequest);
            var form = await context.Request.ReadFormAsync();
            if (await signInManager.UserManager.GetUserAsync(context.User) is { } user)
                await signOuts.EndEverySignInAsync(signInManager.UserManager, user);
            await signInManager.SignOutAsync();
            return Results.LocalRedirect(LocalUrl.OrHome(form["ReturnUrl"]));
        }).DisableAntiforgery();
        endpoints.MapOrcidProof();
        return endpoints;
    }

    private sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
    {
        public ValidateOptionsResult Validate(string? name, EmailOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
