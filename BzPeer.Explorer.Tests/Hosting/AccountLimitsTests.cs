using System.Net;
using BzPeer.Explorer.Accounts.Claims;
using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;
using static BzPeer.Explorer.Tests.Hosting.AccountSteps;

namespace BzPeer.Explorer.Tests.Hosting;

/// <summary>An app of its own, served as if over HTTPS, with small rate limits: cookie flags and the limits themselves.</summary>
public sealed class LimitedHttpsApp : IAsyncLifetime
{
    public ExplorerApp App { get; } = new(new Dictionary<string, string?>
    {
        ["Accounts:RateLimits:SignIn:PermitLimit"] = "3",
        ["Accounts:RateLimits:SignIn:Span"] = "00:10:00",
        ["Accounts:RateLimits:Register:PermitLimit"] = "2",
        ["Accounts:RateLimits:Register:Span"] = "00:10:00",
        ["Accounts:RateLimits:Invitation:PermitLimit"] = "2",
        ["Accounts:RateLimits:Invitation:Span"] = "00:10:00",
    }, kestrel: false);

    public Uri Https { get; } = new("https://localhost/");

    public Task InitializeAsync()
    {
        App.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public class AccountLimitsTests(LimitedHttpsApp limited) : IClassFixture<LimitedHttpsApp>
{
    [Fact]
    public async Task Over_https_the_sign_in_and_antiforgery_cookies_are_secure_and_http_only()
    {
        var email = $"secure-{Guid.NewGuid():N}@example.org";
        await CreateConfirmedAccountAsync(limited.App, email);
        var client = limited.App.CreateCookieClient(limited.Https, "10.0.0.1");

        var login = await client.GetAsync("/Account/Login");
        var antiforgery = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var signedIn = await SignInAsync(client, email);
        var auth = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("BzPeer.Auth=", StringComparison.Ordinal));

        foreach (var cookie in new[] { antiforgery, auth })
        {
            Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited()
    {
        var client = limited.App.CreateCookieClient(limited.Https, "10.0.0.2");
        var statuses = new List<HttpStatusCode>();
        // The same page with a trailing slash or in capitals counts against the same limit.
        foreach (var path in new[] { "/Account/Login", "/Account/Login/", "/ACCOUNT/LOGIN", "/Account/Login" })
            statuses.Add((await SubmitFormAsync(client, path, "login", new Dictionary<string, string>
            {
                ["Input.Email"] = "nobody@example.org", ["Input.Password"] = "wrong password",
            })).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses[..3]);
        var refused = await SignInAsync(client, "nobody@example.org", "wrong password");
        Assert.Contains("Too many attempts", await refused.Content.ReadAsStringAsync());
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task Registrations_are_rate_limited()
    {
        var client = limited.App.CreateCookieClient(limited.Https, "10.0.0.3");
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var email = $"burst-{Guid.NewGuid():N}@example.org";
            statuses.Add((await SubmitFormAsync(client, "/Account/Register", "register", new Dictionary<string, string>
            {
                ["Input.DisplayName"] = "Burst", ["Input.Email"] = email, ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password,
            })).StatusCode);
        }
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Invitation_posts_are_rate_limited_per_account()
    {
        var owner = await SignedInClientAsync(limited.App, $"owner-{Guid.NewGuid():N}@example.org");
        string slug;
        await using (var db = limited.App.Database.CreateContext())
        {
            var record = await db.Researchers.Where(r => r.Origin == RecordOrigin.Synthetic).OrderBy(r => r.Id).Skip(3).Select(r => new { r.Id, r.Slug }).FirstAsync();
            db.AuthorClaims.Add(new AuthorClaim { ResearcherId = record.Id, UserId = owner.UserId, ClaimantName = "Owner", Status = ClaimStatus.Approved, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            slug = record.Slug;
        }
        var (sender, _) = await SignedInClientAsync(limited.App, $"sender-{Guid.NewGuid():N}@example.org");
        var fields = await FormFieldsAsync(sender, $"/researchers/{slug}/invite", "invite");
        fields["Input.Subject"] = "Working together";
        fields["Input.Message"] = "Hello";

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
            statuses.Add((await sender.PostAsync($"/researchers/{slug}/invite", new FormUrlEncodedContent(fields))).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
        await using var check = limited.App.Database.CreateContext();
        // The first post sent the invitation; the second was refused by the one-pending rule, the third by the limiter.
        Assert.Equal(1, await check.CollaborationInvitations.CountAsync(i => i.RecipientUserId == owner.UserId));
    }
}
