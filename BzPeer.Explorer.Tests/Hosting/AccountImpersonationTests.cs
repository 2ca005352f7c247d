using System.Net;
using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;
using static BzPeer.Explorer.Tests.Hosting.AccountSteps;

namespace BzPeer.Explorer.Tests.Hosting;

/// <summary>Names that pass for someone else, and passwords everyone tries first, through the account forms.</summary>
[Collection(ExplorerAppCollection.Name)]
public class AccountImpersonationTests(ExplorerAppFixture fixture)
{
    private const string CommonPassword = "password123";
    private ExplorerApp App => fixture.App;

    private static string NewEmail() => $"names-{Guid.NewGuid():N}@example.org";

    private Task<HttpResponseMessage> RegisterAsync(string name, string email, string password = Password) =>
        SubmitFormAsync(App.CreateCookieClient(), "/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = name, ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        });

    private async Task<string?> StoredNameAsync(string email)
    {
        await using var db = App.Database.CreateContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleOrDefaultAsync();
    }

    [Theory]
    [InlineData("You")]
    [InlineData(" y o u ")]
    [InlineData("Reviewer")]
    [InlineData("\u202eAdmin")]
    [InlineData("ＭＯＤＥＲＡＴＯＲ")]
    [InlineData("BzPeer Explorer")]
    public async Task Registering_under_a_name_that_passes_for_the_reader_or_the_app_is_refused(string name)
    {
        var email = NewEmail();
        var response = await RegisterAsync(name, email);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This name is reserved", await response.Content.ReadAsStringAsync());
        await using var db = App.Database.CreateContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task Invisible_and_direction_characters_are_taken_out_of_a_name_at_registration_and_on_change()
    {
        var email = NewEmail();
        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync("Dave\u200b D\u202e", email)).StatusCode);
        Assert.Equal("Dave D", await StoredNameAsync(email));

        var other = NewEmail();
        var (client, _) = await SignedInClientAsync(App, other, "Someone");
        var saved = await SubmitFormAsync(client, "/Account/Manage", "profile", new Dictionary<string, string> { ["Input.DisplayName"] = "Ｄａｖｅ\u2060 \u00a0D" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Dave D", await StoredNameAsync(other));
    }

    [Theory]
    [InlineData("Moderator")]
    [InlineData("you\u200b")]
    public async Task Changing_ones_name_to_a_reserved_one_is_refused(string name)
    {
        var email = NewEmail();
        var (client, _) = await SignedInClientAsync(App, email, "Plain Name");

        var response = await SubmitFormAsync(client, "/Account/Manage", "profile", new Dictionary<string, string> { ["Input.DisplayName"] = name });

        Assert.Contains("This name is reserved", await response.Content.ReadAsStringAsync());
        Assert.Equal("Plain Name", await StoredNameAsync(email));
    }

    [Fact]
    public async Task A_common_password_is_refused_at_registration()
    {
        var email = NewEmail();
        var response = await RegisterAsync("Common Password", email, CommonPassword);

        Assert.Contains("too common", await response.Content.ReadAsStringAsync());
        Assert.Null(await StoredNameAsync(email));
    }

    [Fact]
    public async Task A_common_password_is_refused_on_change()
    {
        var email = NewEmail();
        var (client, _) = await SignedInClientAsync(App, email);

        var response = await SubmitFormAsync(client, "/Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = Password, ["Input.NewPassword"] = CommonPassword, ["Input.ConfirmPassword"] = CommonPassword,
        });

        Assert.Contains("too common", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(App.CreateCookieClient(), email)).StatusCode);
    }

    [Fact]
    public async Task A_common_password_is_refused_on_reset()
    {
        var email = NewEmail();
        await CreateConfirmedAccountAsync(App, email);
        var client = App.CreateCookieClient();
        await SubmitFormAsync(client, "/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        var link = new Uri(await LinkFromOutboxAsync(App.OutboxFolder, email, "/Account/ResetPassword")).PathAndQuery;

        var response = await SubmitFormAsync(client, link, "reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = CommonPassword, ["Input.ConfirmPassword"] = CommonPassword,
        });

        Assert.Contains("too common", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(App.CreateCookieClient(), email)).StatusCode);
    }
}
