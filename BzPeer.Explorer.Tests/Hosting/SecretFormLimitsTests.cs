using System.Net;
using BzPeer.Explorer.Accounts.Email;
using BzPeer.Explorer.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static BzPeer.Explorer.Tests.Hosting.AccountSteps;

namespace BzPeer.Explorer.Tests.Hosting;

/// <summary>An app of its own in which every form that sends mail or checks a secret allows two posts per window.</summary>
public sealed class SecretFormsLimitedApp : IAsyncLifetime
{
    public const int Limit = 2;

    public ExplorerApp App { get; } = new(new[] { "AccountEmail", "PasswordReset", "ChangePassword", "EmailChange" }
        .SelectMany(window => new[]
        {
            KeyValuePair.Create($"Accounts:RateLimits:{window}:PermitLimit", (string?)Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            KeyValuePair.Create($"Accounts:RateLimits:{window}:Span", (string?)"00:10:00"),
        })
        .ToDictionary(), kestrel: false);

    public Task InitializeAsync()
    {
        App.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Each form that sends mail or checks a secret, posted once more than its limit allows: the extra post is refused
/// with a plain message and sends nothing, checks nothing. Every test comes from client addresses of its own.
/// </summary>
public class SecretFormLimitsTests(SecretFormsLimitedApp limited) : IClassFixture<SecretFormsLimitedApp>
{
    private const int Limit = SecretFormsLimitedApp.Limit;
    private ExplorerApp App => limited.App;

    private static string NewEmail() => $"limits-{Guid.NewGuid():N}@example.org";

    private int MailsTo(string address) =>
        OutboxEmailDelivery.ReadAll(App.OutboxFolder).Count(m => string.Equals(m.To, address, StringComparison.OrdinalIgnoreCase));

    /// <summary>The mails to an address once the expected ones have arrived (they are sent off the request) and a moment more has passed for any beyond them.</summary>
    private async Task<int> SettledMailsToAsync(string address, int expected)
    {
        for (var attempt = 0; attempt < 100 && MailsTo(address) < expected; attempt++) await Task.Delay(50);
        await Task.Delay(300);
        return MailsTo(address);
    }

    private async Task<HttpClient> SignedInFromAsync(string clientAddress, string email)
    {
        var client = App.CreateCookieClient(clientAddress: clientAddress);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, email)).StatusCode);
        return client;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("Too many attempts", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/Account/ForgotPassword", "forgot-password", true)]
    [InlineData("/Account/ResendEmailConfirmation", "resend-email-confirmation", false)]
    public async Task Account_email_posts_beyond_the_limit_send_no_mail(string path, string formName, bool confirmed)
    {
        var email = NewEmail();
        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ExplorerUser>>();
            Assert.True((await users.CreateAsync(new ExplorerUser { UserName = email, Email = email, EmailConfirmed = confirmed, DisplayName = "Mailed" }, Password)).Succeeded);
        }
        var client = App.CreateCookieClient(clientAddress: confirmed ? "10.1.0.1" : "10.1.0.2");
        var fields = new Dictionary<string, string> { ["Input.Email"] = email };

        for (var attempt = 0; attempt < Limit; attempt++)
            await SubmitFormAsync(client, path, formName, fields);
        var extra = await SubmitFormAsync(client, path, formName, fields);

        await AssertRefusedAsync(extra);
        Assert.Equal(Limit, await SettledMailsToAsync(email, Limit));
    }

    [Fact]
    public async Task Guessing_reset_codes_is_limited_and_the_post_beyond_the_limit_checks_nothing()
    {
        var email = NewEmail();
        await CreateConfirmedAccountAsync(App, email);
        await SubmitFormAsync(App.CreateCookieClient(clientAddress: "10.1.0.3"), "/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        var link = new Uri(await LinkFromOutboxAsync(App.OutboxFolder, email, "/Account/ResetPassword")).PathAndQuery;
        var guesser = App.CreateCookieClient(clientAddress: "10.1.0.4");
        const string newPassword = "a guessed new phrase";

        for (var attempt = 0; attempt < Limit; attempt++)
            await SubmitFormAsync(guesser, link, "reset-password", new Dictionary<string, string>
            {
                ["Input.Code"] = $"guess-{attempt}", ["Input.Email"] = email, ["Input.Password"] = newPassword, ["Input.ConfirmPassword"] = newPassword,
            });
        // Even with the right code, the post beyond the limit does not reach the check.
        var extra = await SubmitFormAsync(guesser, link, "reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = newPassword, ["Input.ConfirmPassword"] = newPassword,
        });

        await AssertRefusedAsync(extra);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(App.CreateCookieClient(clientAddress: "10.1.0.5"), email)).StatusCode);
    }

    [Fact]
    public async Task Guessing_the_current_password_is_limited_per_account_even_from_new_addresses()
    {
        var email = NewEmail();
        await CreateConfirmedAccountAsync(App, email);
        var first = await SignedInFromAsync("10.1.0.6", email);
        var second = await SignedInFromAsync("10.1.0.7", email);
        const string newPassword = "a new phrase for this";

        for (var attempt = 0; attempt < Limit; attempt++)
            await SubmitFormAsync(first, "/Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
            {
                ["Input.OldPassword"] = $"guess number {attempt}", ["Input.NewPassword"] = newPassword, ["Input.ConfirmPassword"] = newPassword,
            });
        // The right current password from another address: refused before it is checked, so nothing changes.
        var extra = await SubmitFormAsync(second, "/Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = Password, ["Input.NewPassword"] = newPassword, ["Input.ConfirmPassword"] = newPassword,
        });

        await AssertRefusedAsync(extra);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(App.CreateCookieClient(clientAddress: "10.1.0.8"), email, newPassword)).StatusCode);
    }

    [Fact]
    public async Task Thirty_email_changes_to_a_stranger_send_only_a_few_mails()
    {
        var email = NewEmail();
        await CreateConfirmedAccountAsync(App, email);
        // The sender switches addresses as it goes: the account's own budget still holds.
        var clients = new[] { await SignedInFromAsync("10.1.0.9", email), await SignedInFromAsync("10.1.0.10", email) };
        var stranger = $"stranger-{Guid.NewGuid():N}@example.net";

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 30; attempt++)
            statuses.Add((await SubmitFormAsync(clients[attempt % 2], "/Account/Manage/Email", "change-email", new Dictionary<string, string> { ["Input.NewEmail"] = stranger })).StatusCode);

        Assert.Equal(Limit, await SettledMailsToAsync(stranger, Limit));
        Assert.All(statuses.Skip(Limit), status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
        await AssertRefusedAsync(await SubmitFormAsync(clients[0], "/Account/Manage/Email", "change-email", new Dictionary<string, string> { ["Input.NewEmail"] = stranger }));
    }

    [Fact]
    public async Task Email_changes_are_limited_per_address_across_accounts()
    {
        var stranger = $"stranger-{Guid.NewGuid():N}@example.net";
        var statuses = new List<HttpStatusCode>();
        for (var account = 0; account <= Limit; account++)
        {
            var email = NewEmail();
            await CreateConfirmedAccountAsync(App, email);
            var client = await SignedInFromAsync("10.1.0.11", email);
            statuses.Add((await SubmitFormAsync(client, "/Account/Manage/Email", "change-email", new Dictionary<string, string> { ["Input.NewEmail"] = stranger })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(Limit, await SettledMailsToAsync(stranger, Limit));
    }
}
