using System.Net;
using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;
using static BzPeer.Explorer.Tests.Hosting.AccountSteps;

namespace BzPeer.Explorer.Tests.Hosting;

/// <summary>The account pages as a browser without scripts uses them: static forms, cookies and redirects, over HTTP.</summary>
[Collection(ExplorerAppCollection.Name)]
public class AccountPagesTests(ExplorerAppFixture fixture)
{
    private ExplorerApp App => fixture.App;

    private static string NewEmail(string domain = "example.org") => $"person-{Guid.NewGuid():N}@{domain}";

    [Fact]
    public async Task A_person_registers_confirms_through_the_outbox_signs_in_and_out()
    {
        var client = App.CreateCookieClient();
        var email = NewEmail();

        var registered = await SubmitFormAsync(client, "/Account/Register?ReturnUrl=%2Ffollowing", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Ada Example", ["Input.Email"] = email, ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.StartsWith("/Account/RegisterConfirmation", LocationOf(registered));
        var tooEarly = await SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.OK, tooEarly.StatusCode);
        Assert.Contains("do not match an account that can sign in", await tooEarly.Content.ReadAsStringAsync());

        var link = await LinkFromOutboxAsync(App.OutboxFolder, email, "/Account/ConfirmEmail");
        Assert.Contains("returnUrl=%2Ffollowing", link);
        Assert.Contains("Enter the password you chose", await client.GetStringAsync(new Uri(link).PathAndQuery));
        var confirmed = await SubmitFormAsync(client, new Uri(link).PathAndQuery, "confirm-email", new Dictionary<string, string> { ["Input.Password"] = Password });
        Assert.Contains("your email address is confirmed", await confirmed.Content.ReadAsStringAsync());

        var signedIn = await SignInAsync(client, email, returnUrl: "/following");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/following", LocationOf(signedIn));
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("BzPeer.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);

        var following = await client.GetAsync("/following");
        Assert.Equal(HttpStatusCode.OK, following.StatusCode);
        var home = await client.GetStringAsync("/");
        Assert.Contains("Ada Example", home);
        Assert.Contains("Recent works by researchers you follow", home);

        var logoutFields = await LogoutFieldsAsync(client);
        var signedOut = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(logoutFields));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/following")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_the_right_one_alone_no_longer_signs_in()
    {
        var email = NewEmail();
        await CreateConfirmedAccountAsync(App, email);
        var client = App.CreateCookieClient();

        for (var attempt = 0; attempt < 5; attempt++)
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, email, "wrong password!")).StatusCode);
        var withTheRightOne = await SignInAsync(client, email);

        Assert.Equal(HttpStatusCode.OK, withTheRightOne.StatusCode);
        var page = await withTheRightOne.Content.ReadAsStringAsync();
        Assert.Contains("do not match an account that can sign in", page);
        Assert.Contains("Sign-in code", page);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Account/Manage")).StatusCode);
    }

    [Theory]
    [InlineData("short", "at least 10")]
    [InlineData("{local}-is-my-password", "must not contain your email")]
    public async Task Weak_passwords_are_refused(string password, string message)
    {
        var email = NewEmail();
        password = password.Replace("{local}", email.Split('@')[0], StringComparison.Ordinal);
        var response = await SubmitFormAsync(App.CreateCookieClient(), "/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Weak", ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        await using var db = App.Database.CreateContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }

    [Theory]
    [InlineData("/Account/Login", "Input.Email", "email")]
    [InlineData("/Account/Login", "Input.Password", "current-password")]
    [InlineData("/Account/Register", "Input.Email", "email")]
    [InlineData("/Account/Register", "Input.DisplayName", "name")]
    [InlineData("/Account/Register", "Input.Password", "new-password")]
    [InlineData("/Account/ForgotPassword", "Input.Email", "email")]
    [InlineData("/Account/ResendEmailConfirmation", "Input.Email", "email")]
    public async Task Form_fields_tell_phones_and_password_managers_what_they_hold(string path, string field, string autocomplete)
    {
        var html = await App.CreateCookieClient().GetStringAsync(path);
        var input = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector($"input[name='{field}']");
        Assert.NotNull(input);
        Assert.Equal(autocomplete, input.GetAttribute("autocomplete"));
        if (autocomplete == "email") Assert.Equal("email", input.GetAttribute("type"));
        Assert.NotNull(input.Closest("form")!.GetAttribute("novalidate"));
    }

    [Theory]
    [InlineData("", "Enter your email address.")]
    [InlineData("not-an-address", "That is not an email address; it should look like name@example.org.")]
    public async Task Bad_sign_in_input_gets_our_own_wording(string email, string message)
    {
        var response = await SubmitFormAsync(App.CreateCookieClient(), "/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = "",
        });
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html);
        Assert.Contains("Enter your password.", html);
        Assert.DoesNotContain("field is required", html);
        Assert.DoesNotContain("is not a valid e-mail", html);
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_emailed_link()
    {
        var email = NewEmail();
        await CreateConfirmedAccountAsync(App, email);
        var client = App.CreateCookieClient();

        var asked = await SubmitFormAsync(client, "/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        var unknown = await SubmitFormAsync(client, "/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = NewEmail() });
        Assert.Equal(asked.Headers.Location, unknown.Headers.Location);

        var link = new Uri(await LinkFromOutboxAsync(App.OutboxFolder, email, "/Account/ResetPassword")).PathAndQuery;
        const string newPassword = "a different long phrase";
        var reset = await SubmitFormAsync(client, link, "reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = newPassword, ["Input.ConfirmPassword"] = newPassword,
        });
        Assert.Equal("/Account/ResetPasswordConfirmation", LocationOf(reset));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(App.CreateCookieClient(), email)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(App.CreateCookieClient(), email, newPassword)).StatusCode);
    }

    [Fact]
    public async Task An_account_changes_its_password_and_its_email_through_a_confirmation_link()
    {
        var email = NewEmail();
        var (client, _) = await SignedInClientAsync(App, email);
        const string newPassword = "another quite long phrase";

        var changed = await SubmitFormAsync(client, "/Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = Password, ["Input.NewPassword"] = newPassword, ["Input.ConfirmPassword"] = newPassword,
        });
        Assert.Equal("/Account/Manage/ChangePassword", LocationOf(changed));
        Assert.Contains("Your password is changed.", await client.GetStringAsync("/Account/Manage/ChangePassword"));

        var newEmail = NewEmail("nju.edu.cn");
        var asked = await SubmitFormAsync(client, "/Account/Manage/Email", "change-email", new Dictionary<string, string> { ["Input.NewEmail"] = newEmail });
        Assert.Contains("Your email changes when you open it.", await asked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(App.CreateCookieClient(), newEmail, newPassword)).StatusCode);

        var link = new Uri(await LinkFromOutboxAsync(App.OutboxFolder, newEmail, "/Account/ConfirmEmailChange")).PathAndQuery;
        Assert.Contains("your new email address is confirmed", await client.GetStringAsync(link));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(App.CreateCookieClient(), newEmail, newPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(App.CreateCookieClient(), email, newPassword)).StatusCode);
    }

    [Fact]
    public async Task Forms_without_an_antiforgery_token_are_refused()
    {
        var email = NewEmail();
        await CreateConfirmedAccountAsync(App, email);
        var client = App.CreateCookieClient();

        var login = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.Email"] = email, ["Input.Password"] = Password,
        }));
        var logout = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["ReturnUrl"] = "/" }));

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.DoesNotContain(login.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("BzPeer.Auth=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);

        // Signed in, a claim posted without the token from the claim page is refused too.
        await SignInAsync(client, email);
        var slug = await SyntheticSlugAsync(45);
        var claim = await client.PostAsync($"/researchers/{slug}/claim", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "claim", ["Input.ClaimantName"] = "Forged", ["Input.Statement"] = "From another site.",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, claim.StatusCode);
        await using var db = App.Database.CreateContext();
        Assert.False(await db.AuthorClaims.AnyAsync(c => c.ClaimantName == "Forged"));
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    public async Task Signing_in_never_sends_a_person_to_another_site(string returnUrl)
    {
        var email = NewEmail();
        await CreateConfirmedAccountAsync(App, email);
        var response = await SignInAsync(App.CreateCookieClient(), email, returnUrl: returnUrl);
        Assert.Equal("/", LocationOf(response));
    }

    [Theory]
    [InlineData("/following")]
    [InlineData("/inbox")]
    [InlineData("/inbox/1")]
    [InlineData("/claims")]
    [InlineData("/review/claims")]
    [InlineData("/Account/Manage")]
    [InlineData("/Account/Manage/Email")]
    [InlineData("/researchers/jing-huo/claim")]
    [InlineData("/researchers/jing-huo/edit")]
    [InlineData("/researchers/jing-huo/invite")]
    public async Task Signed_in_pages_send_a_visitor_to_sign_in_and_back(string path)
    {
        var response = await App.CreateHttpClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Account/Login?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Posting_a_claim_form_as_a_visitor_changes_nothing()
    {
        var researcherId = await ResearcherIdAsync("yu-kun-lai");
        var response = await App.CreateHttpClient().PostAsync("/researchers/yu-kun-lai/claim", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "claim", ["Input.ClaimantName"] = "Impostor", ["Input.Statement"] = "me",
        }));
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        await using var db = App.Database.CreateContext();
        Assert.False(await db.AuthorClaims.AnyAsync(c => c.ResearcherId == researcherId));
    }

    [Fact]
    public async Task The_outbox_page_does_not_exist_outside_development()
    {
        var response = await App.CreateHttpClient().GetAsync("/dev/outbox");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_claim_without_matching_evidence_is_pending_and_its_evidence_stays_private()
    {
        var (claimant, _) = await SignedInClientAsync(App, NewEmail("gmail.example"), "Claimant");
        var (other, _) = await SignedInClientAsync(App, NewEmail(), "Other");
        var slug = await SyntheticSlugAsync(41);

        var trustBefore = ClaimAttackTests.TrustSnapshot(await App.CreateHttpClient().GetStringAsync($"/researchers/{slug}"));
        var form = await claimant.GetStringAsync($"/researchers/{slug}/claim");
        Assert.Contains("A reviewer will decide.", form);
        var submitted = await SubmitFormAsync(claimant, $"/researchers/{slug}/claim", "claim", new Dictionary<string, string>
        {
            ["Input.ClaimantName"] = "Claimant", ["Input.EvidenceOrcid"] = "0000-0002-1825-0097", ["Input.Statement"] = "My <b>secret</b> evidence statement.",
        });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal($"/researchers/{slug}", LocationOf(submitted));

        var page = await claimant.GetStringAsync($"/researchers/{slug}");
        Assert.Contains("Your claim is pending review.", page);
        Assert.Equal(trustBefore, ClaimAttackTests.TrustSnapshot(page));
        var ownClaims = await claimant.GetStringAsync("/claims");
        Assert.Contains("pending review", ownClaims);
        Assert.Contains("Log in to claim", await App.CreateHttpClient().GetStringAsync($"/researchers/{slug}"));

        Assert.DoesNotContain("secret", await other.GetStringAsync("/claims"));
        var queue = await other.GetStringAsync("/review/claims");
        Assert.Contains("Only reviewers see the claims waiting for review.", queue);
        Assert.DoesNotContain("secret", queue);
    }

    [Fact]
    public async Task Another_account_cannot_edit_a_record_it_does_not_own()
    {
        var slug = await SyntheticSlugAsync(43);
        var (owner, ownerId) = await SignedInClientAsync(App, NewEmail(), "Owner");
        await using (var db = App.Database.CreateContext())
        {
            var researcherId = await db.Researchers.Where(r => r.Slug == slug).Select(r => r.Id).SingleAsync();
            db.AuthorClaims.Add(new AuthorClaim { ResearcherId = researcherId, UserId = ownerId, ClaimantName = "Owner", Status = ClaimStatus.Approved, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var (stranger, _) = await SignedInClientAsync(App, NewEmail(), "Stranger");

        var page = await stranger.GetStringAsync($"/researchers/{slug}/edit");
        Assert.Contains("Only the claimed author can edit this record.", page);
        Assert.DoesNotContain("name=\"_handler\" value=\"edit-record\"", page);

        var edited = await SubmitFormAsync(owner, $"/researchers/{slug}/edit", "edit-record", new Dictionary<string, string>
        {
            ["Input.Summary"] = "Works on <i>things</i>.", ["Input.OpenToCollaborate"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var profile = await App.CreateHttpClient().GetStringAsync($"/researchers/{slug}");
        Assert.Contains("Works on &lt;i&gt;things&lt;/i&gt;.", profile);
        Assert.DoesNotContain("Open to collaborate", profile);
        Assert.Contains("This researcher is not taking collaboration invitations at the moment.", profile);
    }

    /// <summary>Where a redirect goes, as a path on the app; a redirect to another host fails the test.</summary>
    private string LocationOf(HttpResponseMessage response)
    {
        var target = new Uri(App.BaseAddress, response.Headers.Location!);
        Assert.Equal(App.BaseAddress.Authority, target.Authority);
        return target.PathAndQuery;
    }

    private async Task<Dictionary<string, string>> LogoutFieldsAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/claims");
        var form = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("form[action='Account/Logout']")!;
        return form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
    }

    private async Task<int> ResearcherIdAsync(string slug)
    {
        await using var db = App.Database.CreateContext();
        return await db.Researchers.Where(r => r.Slug == slug).Select(r => r.Id).SingleAsync();
    }

    /// <summary>A synthetic researcher far from the ones the start page and other tests show.</summary>
    private async Task<string> SyntheticSlugAsync(int index)
    {
        await using var db = App.Database.CreateContext();
        return await db.Researchers.Where(r => r.Origin == RecordOrigin.Synthetic).OrderByDescending(r => r.Id).Skip(index).Select(r => r.Slug).FirstAsync();
    }
}
