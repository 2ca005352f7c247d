using System.Net;
using System.Text.RegularExpressions;
using static BzPeer.Explorer.Tests.Hosting.AccountSteps;

namespace BzPeer.Explorer.Tests.Hosting;

/// <summary>
/// The two attacks of issue 17, done as the attacker did them: through the app's own forms over HTTP, read back as a
/// visitor reads the public page. They claim records of the reference paper, so they run against an app of their own.
/// </summary>
[Collection(ClaimsAppCollection.Name)]
public partial class ClaimAttackTests(ClaimsAppFixture fixture)
{
    private ExplorerApp App => fixture.App;

    [Fact]
    public async Task An_account_at_an_institution_cannot_take_over_a_colleagues_record()
    {
        // Register with an address at Nanjing University's domain, confirm it, claim your own record: approved at once.
        var attacker = await RegisterAndSignInAsync("Jing Huo", "jing.huo@nju.edu.cn");
        await ClaimAsync(attacker, "jing-huo", "Jing Huo");
        Assert.Contains("Claimed author", TrustSnapshot(await App.CreateHttpClient().GetStringAsync("/researchers/jing-huo")));

        // Then claim a colleague's record at the same institution.
        var colleagueBefore = TrustSnapshot(await App.CreateHttpClient().GetStringAsync("/researchers/wenbin-li"));
        Assert.Contains("A reviewer will decide.", await attacker.GetStringAsync("/researchers/wenbin-li/claim"));
        await ClaimAsync(attacker, "wenbin-li", "Wenbin Li");

        var colleagueAfter = TrustSnapshot(await App.CreateHttpClient().GetStringAsync("/researchers/wenbin-li"));
        Assert.Equal(colleagueBefore, colleagueAfter);
        Assert.Contains("Unclaimed author", colleagueAfter);
        Assert.DoesNotContain("Verification L3", colleagueAfter);
        var ownClaims = await attacker.GetStringAsync("/claims");
        Assert.Matches(ClaimStatusOf("Wenbin Li", "pending review"), ownClaims);
        Assert.Contains("does not match the record", ownClaims);
        Assert.Contains("already holds an approved claim", ownClaims);
        Assert.Contains("Claim this author entity first to unlock direct invitations.", await App.CreateHttpClient().GetStringAsync("/researchers/wenbin-li"));

        // A second account at the domain cannot either.
        var second = await RegisterAndSignInAsync("Someone Else", "someone.else@nju.edu.cn");
        var yangBefore = TrustSnapshot(await App.CreateHttpClient().GetStringAsync("/researchers/yang-gao"));
        await ClaimAsync(second, "yang-gao", "Yang Gao");
        Assert.Equal(yangBefore, TrustSnapshot(await App.CreateHttpClient().GetStringAsync("/researchers/yang-gao")));
        Assert.Matches(ClaimStatusOf("Yang Gao", "pending review"), await second.GetStringAsync("/claims"));
    }

    [Fact]
    public async Task An_account_renamed_to_a_colleagues_name_cannot_take_their_record()
    {
        // A confirmed address at Cardiff University's domain, an account under the attacker's own name and no claim yet;
        // then the account takes the colleague's name in its settings and claims the colleague's record.
        var attacker = await RegisterAndSignInAsync("Mallory Example", $"mallory.{Guid.NewGuid():N}@cardiff.ac.uk");
        var renamed = await SubmitFormAsync(attacker, "/Account/Manage", "profile", new Dictionary<string, string> { ["Input.DisplayName"] = "Jing Wu" });
        Assert.Contains("Your profile is saved.", await attacker.GetStringAsync(renamed.Headers.Location?.OriginalString ?? "/Account/Manage"));
        var before = TrustSnapshot(await App.CreateHttpClient().GetStringAsync("/researchers/jing-wu"));

        await ClaimAsync(attacker, "jing-wu", "Jing Wu");

        Assert.Equal(before, TrustSnapshot(await App.CreateHttpClient().GetStringAsync("/researchers/jing-wu")));
        var ownClaims = await attacker.GetStringAsync("/claims");
        Assert.Matches(ClaimStatusOf("Jing Wu", "pending review"), ownClaims);
        Assert.Contains("name was changed after registration", ownClaims);
    }

    [Fact]
    public async Task A_strangers_pending_claim_leaves_the_public_trust_as_it_was()
    {
        var before = TrustSnapshot(await App.CreateHttpClient().GetStringAsync("/researchers/meihao-kong"));
        Assert.Contains("Trust 11 - Unverified", before);
        Assert.Contains("Verification L1", before);

        var stranger = await RegisterAndSignInAsync("A Stranger", $"stranger-{Guid.NewGuid():N}@mail.example");
        await ClaimAsync(stranger, "meihao-kong", "Meihao Kong", "This is me.");

        var after = TrustSnapshot(await App.CreateHttpClient().GetStringAsync("/researchers/meihao-kong"));
        Assert.Equal(before, after);
        Assert.Contains("Trust 11 - Unverified", after);
        Assert.Contains("Verification L1", after);
        Assert.Contains("Unclaimed author", after);
        Assert.Contains("Your claim is pending review.", await stranger.GetStringAsync("/researchers/meihao-kong"));
    }

    /// <summary>Registers through the form, confirms through the emailed link and signs in: a client with the account's cookie.</summary>
    private async Task<HttpClient> RegisterAndSignInAsync(string name, string email)
    {
        var client = App.CreateCookieClient();
        var registered = await SubmitFormAsync(client, "/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = name, ["Input.Email"] = email, ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var link = await LinkFromOutboxAsync(App.OutboxFolder, email, "/Account/ConfirmEmail");
        var confirmed = await SubmitFormAsync(client, new Uri(link).PathAndQuery, "confirm-email", new Dictionary<string, string> { ["Input.Password"] = Password });
        Assert.Contains("your email address is confirmed", await confirmed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, email)).StatusCode);
        return client;
    }

    private static async Task ClaimAsync(HttpClient client, string slug, string name, string statement = "These are my papers.")
    {
        var submitted = await SubmitFormAsync(client, $"/researchers/{slug}/claim", "claim", new Dictionary<string, string>
        {
            ["Input.ClaimantName"] = name, ["Input.Statement"] = statement,
        });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
    }

    /// <summary>The trust snapshot's markup exactly as the server sent it.</summary>
    internal static string TrustSnapshot(string html) => TrustSnapshotPattern().Match(html) is { Success: true } match ? match.Value : throw new InvalidOperationException("The page has no trust snapshot.");

    private static Regex ClaimStatusOf(string researcher, string status) => new($@">{Regex.Escape(researcher)}</a>\s*<span class=""claim-status[^""]*""[^>]*>{Regex.Escape(status)}<");

    [GeneratedRegex(@"<section class=""section-card trust-snapshot""[\s\S]*?</section>")]
    private static partial Regex TrustSnapshotPattern();
}

/// <summary>An app of its own for tests that claim the reference paper's records.</summary>
[CollectionDefinition(Name)]
public sealed class ClaimsAppCollection : ICollectionFixture<ClaimsAppFixture>
{
    public const string Name = "Claims app";
}

public sealed class ClaimsAppFixture : IAsyncLifetime
{
    public ExplorerApp App { get; } = new();

    public Task InitializeAsync()
    {
        App.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
