using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using BzPeer.Explorer.Accounts.Email;
using BzPeer.Explorer.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BzPeer.Explorer.Tests.Hosting.AccountSteps;

namespace BzPeer.Explorer.Tests.Hosting;

/// <summary>
/// Attacks on accounts, each performed as an attacker would over HTTP and seen refused: poisoned links, registering
/// someone's address first, replayed cookies, telling which addresses have accounts, locking the owner out.
/// </summary>
public partial class AccountAttackTests(AccountAttackTests.CountingApp fixture) : IClassFixture<AccountAttackTests.CountingApp>
{
    private ExplorerApp App => fixture.App;

    private static string NewEmail(string domain = "example.org") => $"person-{Guid.NewGuid():N}@{domain}";

    [Fact]
    public async Task A_poisoned_host_header_gets_no_email_with_its_host_and_links_use_the_public_address()
    {
        var email = NewEmail();
        await CreateConfirmedAccountAsync(App, email);
        var client = App.CreateCookieClient();
        var fields = await FormFieldsAsync(client, "/Account/ForgotPassword", "forgot-password");
        fields["Input.Email"] = email;

        using var poisoned = new HttpRequestMessage(HttpMethod.Post, "/Account/ForgotPassword") { Content = new FormUrlEncodedContent(fields) };
        poisoned.Headers.Host = "evil.example";
        var refused = await client.SendAsync(poisoned);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var asked = await SubmitFormAsync(client, "/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var link = await LinkFromOutboxAsync(App.OutboxFolder, email, "/Account/ResetPassword");
        Assert.StartsWith(new Uri(App.BaseAddress, "/Account/ResetPassword?").AbsoluteUri, link);
        Assert.DoesNotContain(OutboxEmailDelivery.ReadAll(App.OutboxFolder), m => m.Body.Contains("evil.example", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Emailed_links_come_from_the_public_address_even_when_every_host_is_allowed()
    {
        using var app = new ExplorerApp(new Dictionary<string, string?> { ["AllowedHosts"] = "*", ["App:PublicUrl"] = "https://explorer.example/" });
        app.Start();
        var email = NewEmail();
        await CreateConfirmedAccountAsync(app, email);
        var client = app.CreateCookieClient();
        var fields = await FormFieldsAsync(client, "/Account/ForgotPassword", "forgot-password");
        fields["Input.Email"] = email;

        using var poisoned = new HttpRequestMessage(HttpMethod.Post, "/Account/ForgotPassword") { Content = new FormUrlEncodedContent(fields) };
        poisoned.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SendAsync(poisoned)).StatusCode);

        var link = await LinkFromOutboxAsync(app.OutboxFolder, email, "/Account/ResetPassword");
        Assert.StartsWith("https://explorer.example/Account/ResetPassword?code=", link);
        Assert.DoesNotContain(OutboxEmailDelivery.ReadAll(app.OutboxFolder), m => m.Body.Contains("evil.example", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task In_development_without_a_public_address_links_use_the_listening_address()
    {
        using var app = new ExplorerApp(new Dictionary<string, string?> { ["environment"] = "Development", ["App:PublicUrl"] = "" });
        app.Start();
        var email = NewEmail();
        await CreateConfirmedAccountAsync(app, email);
        await SubmitFormAsync(app.CreateCookieClient(), "/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.StartsWith(new Uri(app.BaseAddress, "/Account/ResetPassword?code=").AbsoluteUri, await LinkFromOutboxAsync(app.OutboxFolder, email, "/Account/ResetPassword"));
    }

    [Fact]
    public void Outside_development_the_app_refuses_to_start_without_its_public_address()
    {
        using var app = new ExplorerApp(new Dictionary<string, string?> { ["App:PublicUrl"] = "" });
        var error = Assert.ThrowsAny<Exception>(app.Start);
        Assert.Contains("App:PublicUrl", error.ToString());
    }

    [Fact]
    public async Task Registering_someone_elses_address_first_does_not_give_the_attacker_the_account()
    {
        var victim = NewEmail("university.example");
        const string attackerPassword = "the attacker's own phrase";
        const string victimPassword = "the victim's own phrase";

        var attackers = await RegisterAsync(App.CreateCookieClient(), victim, attackerPassword, "Attacker");
        var victims = await RegisterAsync(App.CreateCookieClient(), victim, victimPassword, "Victim");

        // The victim sees what a new registration shows, and the owner of the address hears of the attempt.
        Assert.Equal(HttpStatusCode.Redirect, victims.StatusCode);
        Assert.Equal(LocationOf(attackers), LocationOf(victims));
        var notice = await MessageAsync(victim, "tried to register");
        Assert.Contains("reset", notice.Body, StringComparison.OrdinalIgnoreCase);

        // The victim confirms through a resent link, with the password they chose: that does not confirm the attacker's account.
        var client = App.CreateCookieClient();
        await SubmitFormAsync(client, "/Account/ResendEmailConfirmation", "resend-email-confirmation", new Dictionary<string, string> { ["Input.Email"] = victim });
        var confirmLink = new Uri(await NewestLinkAsync(victim, "/Account/ConfirmEmail")).PathAndQuery;
        var confirmed = await SubmitFormAsync(client, confirmLink, "confirm-email", new Dictionary<string, string> { ["Input.Password"] = victimPassword });
        Assert.DoesNotContain("your email address is confirmed", await confirmed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(App.CreateCookieClient(), victim, attackerPassword)).StatusCode);

        // The reset link in the notice proves the address: it replaces the attacker's password and confirms the account.
        var reset = new Uri(notice.Link("/Account/ResetPassword")).PathAndQuery;
        var done = await SubmitFormAsync(client, reset, "reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = victim, ["Input.Password"] = victimPassword, ["Input.ConfirmPassword"] = victimPassword,
        });
        Assert.Equal("/Account/ResetPasswordConfirmation", LocationOf(done));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(App.CreateCookieClient(), victim, attackerPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(App.CreateCookieClient(), victim, victimPassword)).StatusCode);
    }

    [Fact]
    public async Task Registration_answers_a_taken_address_as_a_new_one_and_hashes_the_password_in_both()
    {
        var taken = NewEmail();
        await CreateConfirmedAccountAsync(App, taken);
        var fresh = NewEmail();

        var before = fixture.Hashes;
        var forTaken = await RegisterAsync(App.CreateCookieClient(), taken, "a brand new phrase", "Someone");
        var takenHashes = fixture.Hashes - before;
        before = fixture.Hashes;
        var forFresh = await RegisterAsync(App.CreateCookieClient(), fresh, "a brand new phrase", "Someone");
        var freshHashes = fixture.Hashes - before;

        Assert.Equal(forFresh.StatusCode, forTaken.StatusCode);
        Assert.Equal(WithoutEmail(forFresh, fresh), WithoutEmail(forTaken, taken));
        Assert.Equal(freshHashes, takenHashes);
        Assert.True(takenHashes >= 1);
        await MessageAsync(taken, "tried to register");
    }

    [Fact]
    public async Task The_reset_page_answers_known_and_unknown_addresses_alike_and_hashes_in_both()
    {
        var known = NewEmail();
        await CreateConfirmedAccountAsync(App, known);
        var forged = $"/Account/ResetPassword?code={Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode("forged token"u8.ToArray())}";

        async Task<(string Status, int Hashes)> ResetAsync(string email)
        {
            var before = fixture.Hashes;
            var response = await SubmitFormAsync(App.CreateCookieClient(), forged, "reset-password", new Dictionary<string, string>
            {
                ["Input.Email"] = email, ["Input.Password"] = "a guessed new phrase", ["Input.ConfirmPassword"] = "a guessed new phrase",
            });
            var html = await response.Content.ReadAsStringAsync();
            var status = new HtmlParser().ParseDocument(html).QuerySelector(".status-message")?.TextContent.Trim();
            return ($"{(int)response.StatusCode} {(response.Headers.Location is null ? "" : LocationOf(response))} {status}", fixture.Hashes - before);
        }

        var forKnown = await ResetAsync(known);
        var forUnknown = await ResetAsync(NewEmail());
        Assert.Equal(forKnown.Status, forUnknown.Status);
        Assert.Equal(forKnown.Hashes, forUnknown.Hashes);
        Assert.True(forKnown.Hashes >= 1);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(App.CreateCookieClient(), known, "a guessed new phrase")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_hashes_the_password_for_known_unknown_unconfirmed_and_locked_addresses_alike()
    {
        var known = NewEmail();
        await CreateConfirmedAccountAsync(App, known);
        var unconfirmed = NewEmail();
        await RegisterAsync(App.CreateCookieClient(), unconfirmed, Password, "Unconfirmed");
        var locked = NewEmail();
        await CreateConfirmedAccountAsync(App, locked);
        for (var attempt = 0; attempt < 6; attempt++) await SignInAsync(App.CreateCookieClient(), locked, "wrong password!");

        var answers = new List<string>();
        foreach (var email in new[] { known, NewEmail(), unconfirmed, locked })
        {
            var before = fixture.Hashes;
            var response = await SignInAsync(App.CreateCookieClient(), email, "wrong password!");
            Assert.Equal(1, fixture.Hashes - before);
            var html = await response.Content.ReadAsStringAsync();
            answers.Add($"{(int)response.StatusCode} {new HtmlParser().ParseDocument(html).QuerySelector(".status-message")?.TextContent.Trim()}");
        }
        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task An_attackers_wrong_passwords_do_not_keep_the_owner_out()
    {
        var email = NewEmail();
        await CreateConfirmedAccountAsync(App, email);
        var attacker = App.CreateCookieClient();
        for (var attempt = 0; attempt < 12; attempt++) await SignInAsync(attacker, email, $"guess number {attempt}!");

        // The owner's right password, while the account is locked, gets the same answer as a wrong one, and an emailed code.
        var owner = App.CreateCookieClient();
        var first = await SignInAsync(owner, email);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var code = CodePattern().Match((await MessageAsync(email, "sign-in code")).Body).Value;
        Assert.Matches(CodePattern(), code);

        // The attacker, with another wrong password and a guessed code, stays out; the owner with password and code is in.
        var guessed = await SubmitFormAsync(attacker, "/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = "one more guess!", ["Input.Code"] = code,
        });
        Assert.Equal(HttpStatusCode.OK, guessed.StatusCode);
        var signedIn = await SubmitFormAsync(owner, "/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = Password, ["Input.Code"] = code,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", LocationOf(signedIn));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/Account/Manage")).StatusCode);
    }

    [Fact]
    public async Task A_copied_cookie_stops_working_when_its_owner_signs_out()
    {
        var email = NewEmail();
        var userId = await CreateConfirmedAccountAsync(App, email, "Cookie Owner");
        var owner = App.CreateCookieClient();
        var signedIn = await SignInAsync(owner, email);
        var authCookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("BzPeer.Auth=", StringComparison.Ordinal)).Split(';')[0];

        var thief = ClientWithCookie(authCookie);
        var form = await FormFieldsAsync(thief, "/Account/Manage", "profile");

        await SignOutAsync(owner);

        Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync("/Account/Manage")).StatusCode);
        form["Input.DisplayName"] = "Thief Was Here";
        var replayed = await thief.PostAsync("/Account/Manage", new FormUrlEncodedContent(form));
        Assert.NotEqual(HttpStatusCode.OK, replayed.StatusCode);
        await using var db = App.Database.CreateContext();
        Assert.Equal("Cookie Owner", await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync());
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_the_sign_ins_on_other_devices()
    {
        var email = NewEmail();
        await CreateConfirmedAccountAsync(App, email);
        var laptop = App.CreateCookieClient();
        var phone = App.CreateCookieClient();
        await SignInAsync(laptop, email);
        await SignInAsync(phone, email);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/Account/Manage")).StatusCode);

        var done = await SubmitFormAsync(laptop, "/Account/Manage/SignIns", "sign-out-everywhere", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/Account/Manage")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/Account/Manage")).StatusCode);
    }

    [Fact]
    public async Task An_open_page_of_that_account_loses_its_sign_in_when_the_account_signs_out()
    {
        var email = NewEmail();
        await CreateConfirmedAccountAsync(App, email);
        var client = App.CreateCookieClient();
        await SignInAsync(client, email);

        // A circuit's authentication state, as an open page holds it.
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ExplorerUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<ExplorerUser>>().CreateUserPrincipalAsync((await users.FindByEmailAsync(email))!);
        var circuit = (ServerAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        circuit.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));

        await SignOutAsync(client);

        for (var wait = 0; wait < 50 && (await circuit.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated == true; wait++) await Task.Delay(100);
        Assert.False((await circuit.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
    }

    [Theory]
    [InlineData("/%E3%80%82/x", "/%E3%80%82/x")]
    [InlineData("/researchers/j\u00fcrgen?tab=works", "/researchers/j%C3%BCrgen?tab=works")]
    [InlineData("https://evil.example/x", "/")]
    [InlineData("/\\evil.example", "/")]
    public async Task A_return_address_after_sign_in_is_a_local_path_sent_encoded(string returnUrl, string expected)
    {
        var email = NewEmail();
        await CreateConfirmedAccountAsync(App, email);
        var path = $"/Account/Login?ReturnUrl={Uri.EscapeDataString(Uri.UnescapeDataString(returnUrl))}";
        var response = await SubmitFormAsync(App.CreateCookieClient(), path, "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, LocationOf(response));
    }

    /// <summary>Where a redirect goes, as a path on the app; a redirect to another host fails the test.</summary>
    private string LocationOf(HttpResponseMessage response)
    {
        var target = new Uri(App.BaseAddress, response.Headers.Location!);
        Assert.Equal(App.BaseAddress.Authority, target.Authority);
        return target.PathAndQuery;
    }

    /// <summary>Where a redirect goes, with the address it names replaced by a placeholder.</summary>
    private string WithoutEmail(HttpResponseMessage response, string email) =>
        Uri.UnescapeDataString(LocationOf(response)).Replace(email, "EMAIL", StringComparison.Ordinal);

    private Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string password, string name) =>
        SubmitFormAsync(client, "/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = name, ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        });

    private static async Task SignOutAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/claims");
        var form = new HtmlParser().ParseDocument(html).QuerySelector("form[action='Account/Logout']")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(fields))).StatusCode);
    }

    private HttpClient ClientWithCookie(string cookie)
    {
        var jar = new CookieContainer();
        jar.SetCookies(App.BaseAddress, cookie);
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = jar }) { BaseAddress = App.BaseAddress };
    }

    /// <summary>The newest email to the address whose subject contains the words, waiting for it to be written.</summary>
    private async Task<Email> MessageAsync(string to, string subjectContains)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var message = OutboxEmailDelivery.ReadAll(App.OutboxFolder)
                .FirstOrDefault(m => string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase) && m.Subject.Contains(subjectContains, StringComparison.OrdinalIgnoreCase));
            if (message is not null) return new Email(message.Body);
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"No email to {to} about \"{subjectContains}\".");
    }

    private async Task<string> NewestLinkAsync(string to, string path)
    {
        await LinkFromOutboxAsync(App.OutboxFolder, to, path);
        return OutboxEmailDelivery.ReadAll(App.OutboxFolder)
            .Where(m => string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase))
            .Select(m => new Email(m.Body).Link(path)).First(link => link is not null)!;
    }

    private sealed partial record Email(string Body)
    {
        public string Link(string path) =>
            LinkPattern().Matches(Body).Select(m => m.Value).FirstOrDefault(url => new Uri(url).AbsolutePath.Equals(path, StringComparison.OrdinalIgnoreCase))!;

        [GeneratedRegex(@"https?://\S+")]
        private static partial Regex LinkPattern();
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex CodePattern();

    /// <summary>The app with a password hasher that counts its work, so tests can see that every path computes a hash.</summary>
    public sealed class CountingApp : IAsyncLifetime
    {
        private readonly CountingHasher _hasher = new();

        public CountingApp() => App = new ExplorerApp(services: services => services.AddSingleton<IPasswordHasher<ExplorerUser>>(_hasher));

        public ExplorerApp App { get; }

        public int Hashes => _hasher.Count;

        public Task InitializeAsync()
        {
            App.Start();
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private sealed class CountingHasher : PasswordHasher<ExplorerUser>
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override string HashPassword(ExplorerUser user, string password)
        {
            Interlocked.Increment(ref _count);
            return base.HashPassword(user, password);
        }

        public override PasswordVerificationResult VerifyHashedPassword(ExplorerUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _count);
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
