using System.Net;
using AngleSharp.Html.Parser;
using BzPeer.Explorer.Data;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using static BzPeer.Explorer.Tests.Hosting.AccountSteps;

namespace BzPeer.Explorer.Tests.Hosting;

/// <summary>
/// "Verify with ORCID" against a stand-in ORCID the tests start: the whole authorisation code flow over HTTP, as a
/// browser follows it, and the ways an attacker would bend it (a forged state, a replayed code, someone else's callback).
/// </summary>
public class OrcidProofTests(OrcidAppFixture fixture) : IClassFixture<OrcidAppFixture>
{
    private ExplorerApp App => fixture.App;
    private OrcidStandIn Orcid => fixture.Orcid;

    [Fact]
    public async Task Signing_in_with_the_records_orcid_approves_the_claim_at_once()
    {
        var (slug, orcid) = await RecordWithOrcidAsync("0000-0002-1825-0097");
        var (client, userId) = await SignedInClientAsync(App, NewEmail(), "Josiah Carberry");
        Assert.Contains("Verify with ORCID", await client.GetStringAsync($"/researchers/{slug}/claim"));
        var before = ClaimAttackTests.TrustSnapshot(await App.CreateHttpClient().GetStringAsync($"/researchers/{slug}"));
        Assert.Contains("Unclaimed author", before);

        Orcid.SignInAs(orcid, "Josiah Carberry");
        var callback = await Orcid.AuthorizeAsync(await StartAsync(client, slug));
        var back = await client.GetAsync(callback.PathAndQuery);

        Assert.Equal($"/researchers/{slug}/claim?orcid=approved", back.Headers.Location!.OriginalString);
        Assert.Contains("signed in with ORCID as this record&#x27;s ORCID iD", await client.GetStringAsync(back.Headers.Location.OriginalString));
        var after = ClaimAttackTests.TrustSnapshot(await App.CreateHttpClient().GetStringAsync($"/researchers/{slug}"));
        Assert.Contains("Verification L3", after);
        Assert.Contains("Claimed author", after);
        await using var db = App.Database.CreateContext();
        var claim = await db.AuthorClaims.Include(c => c.Decisions).SingleAsync(c => c.Researcher.Slug == slug);
        Assert.Equal((userId, ClaimStatus.Approved, ClaimVerification.Orcid, orcid), (claim.UserId, claim.Status, claim.VerifiedBy, claim.ProvenOrcid));
        Assert.Equal([ClaimDecisionKind.OrcidProven, ClaimDecisionKind.ApprovedAutomatically], claim.Decisions.OrderBy(d => d.Id).Select(d => d.Kind).ToArray());
        Assert.Equal(1, Orcid.ExchangesOf(CodeOf(callback)));
    }

    [Fact]
    public async Task Signing_in_with_another_orcid_approves_nothing_and_a_pending_claim_keeps_it_for_the_reviewer()
    {
        var (slug, _) = await RecordWithOrcidAsync("0000-0001-5109-3700", skip: 5);
        var (client, _) = await SignedInClientAsync(App, NewEmail(), "Someone Else");
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitFormAsync(client, $"/researchers/{slug}/claim", "claim", new Dictionary<string, string>
        {
            ["Input.ClaimantName"] = "Someone Else", ["Input.Statement"] = "Mine.",
        })).StatusCode);

        Orcid.SignInAs("0000-0002-1694-233X", "Someone Else");
        var back = await client.GetAsync((await Orcid.AuthorizeAsync(await StartAsync(client, slug))).PathAndQuery);

        Assert.Equal($"/researchers/{slug}/claim?orcid=different", back.Headers.Location!.OriginalString);
        Assert.Contains("Unclaimed author", ClaimAttackTests.TrustSnapshot(await App.CreateHttpClient().GetStringAsync($"/researchers/{slug}")));
        await using var db = App.Database.CreateContext();
        var claim = await db.AuthorClaims.SingleAsync(c => c.Researcher.Slug == slug);
        Assert.Equal((ClaimStatus.Pending, "0000-0002-1694-233X"), (claim.Status, claim.ProvenOrcid));
    }

    [Theory]
    [InlineData("number")]
    [InlineData("object")]
    public async Task A_token_answer_with_the_orcid_in_the_wrong_shape_approves_nothing_and_says_so(string shape)
    {
        var (slug, orcid) = await RecordWithOrcidAsync("0000-0002-1825-0097", skip: shape == "number" ? 7 : 9);
        var (client, _) = await SignedInClientAsync(App, NewEmail(), "Josiah Carberry");

        object wrong = shape == "number" ? 18250097 : new { value = orcid };
        Orcid.AnswerWith(wrong, new[] { "Josiah", "Carberry" });
        var back = await client.GetAsync((await Orcid.AuthorizeAsync(await StartAsync(client, slug))).PathAndQuery);

        Assert.Equal($"/researchers/{slug}/claim?orcid=failed", back.Headers.Location?.OriginalString);
        Assert.Contains("Unclaimed author", ClaimAttackTests.TrustSnapshot(await App.CreateHttpClient().GetStringAsync($"/researchers/{slug}")));
        await using var db = App.Database.CreateContext();
        Assert.False(await db.AuthorClaims.AnyAsync(c => c.Researcher.Slug == slug));
    }

    [Fact]
    public async Task A_forged_state_is_refused_and_its_code_never_exchanged()
    {
        var (slug, orcid) = await RecordWithOrcidAsync("0000-0002-1825-0097", skip: 1);
        var (client, _) = await SignedInClientAsync(App, NewEmail(), "Forger");
        Orcid.SignInAs(orcid, "Forger");
        // A code ORCID really issued, for the app's callback, with a state the app never made.
        var issued = await Orcid.AuthorizeAsync(new Uri(Orcid.BaseAddress,
            $"/oauth/authorize?client_id={OrcidStandIn.ClientId}&response_type=code&scope=%2Fauthenticate&redirect_uri={Uri.EscapeDataString(new Uri(App.BaseAddress, "/signin-orcid").AbsoluteUri)}&state=forged"));

        var back = await client.GetAsync(issued.PathAndQuery);

        Assert.Equal("/claims?orcid=failed", back.Headers.Location!.OriginalString);
        Assert.Contains("could not be completed", await client.GetStringAsync("/claims?orcid=failed"));
        Assert.Equal(0, Orcid.ExchangesOf(CodeOf(issued)));
        await AssertUnclaimedAsync(slug);
    }

    [Fact]
    public async Task A_replayed_code_is_refused()
    {
        var (slug, orcid) = await RecordWithOrcidAsync("0000-0002-1825-0097", skip: 2);
        var (otherSlug, otherOrcid) = await RecordWithOrcidAsync("0000-0001-5109-3700", skip: 3);
        var (client, _) = await SignedInClientAsync(App, NewEmail(), "Replayer");
        Orcid.SignInAs(orcid, "Replayer");
        var callback = await Orcid.AuthorizeAsync(await StartAsync(client, slug));
        Assert.Equal($"/researchers/{slug}/claim?orcid=approved", (await client.GetAsync(callback.PathAndQuery)).Headers.Location!.OriginalString);

        // The same callback again: the flow it belonged to is over.
        var replayed = await client.GetAsync(callback.PathAndQuery);
        Assert.Equal($"/researchers/{slug}/claim?orcid=failed", replayed.Headers.Location!.OriginalString);
        Assert.Equal(1, Orcid.ExchangesOf(CodeOf(callback)));

        // The used code inside a fresh flow, for a record whose iD the stand-in would now prove: ORCID refuses it, so does the app.
        Orcid.SignInAs(otherOrcid, "Replayer");
        var fresh = await Orcid.AuthorizeAsync(await StartAsync(client, otherSlug));
        var spliced = QueryHelpers.AddQueryString("/signin-orcid", new Dictionary<string, string?> { ["code"] = CodeOf(callback), ["state"] = StateOf(fresh) });
        Assert.Equal($"/researchers/{otherSlug}/claim?orcid=failed", (await client.GetAsync(spliced)).Headers.Location!.OriginalString);
        Assert.Equal(2, Orcid.ExchangesOf(CodeOf(callback)));
        await AssertUnclaimedAsync(otherSlug);
    }

    [Fact]
    public async Task A_callback_started_by_another_browser_or_for_another_account_is_refused()
    {
        var (slug, orcid) = await RecordWithOrcidAsync("0000-0002-1825-0097", skip: 4);
        var (attacker, _) = await SignedInClientAsync(App, NewEmail(), "Attacker");
        var (victim, _) = await SignedInClientAsync(App, NewEmail(), "Victim");
        Orcid.SignInAs(orcid, "Attacker");

        // The attacker's own callback, opened in the victim's browser: the victim's browser did not start it.
        var attackersCallback = await Orcid.AuthorizeAsync(await StartAsync(attacker, slug));
        Assert.Equal($"/researchers/{slug}/claim?orcid=failed", (await victim.GetAsync(attackersCallback.PathAndQuery)).Headers.Location!.OriginalString);
        Assert.Equal(0, Orcid.ExchangesOf(CodeOf(attackersCallback)));

        // A flow started by one account and finished after another signed in in the same browser.
        var email = NewEmail();
        await CreateConfirmedAccountAsync(App, email, "Second Account");
        var callback = await Orcid.AuthorizeAsync(await StartAsync(attacker, slug));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(attacker, email)).StatusCode);
        Assert.Equal($"/researchers/{slug}/claim?orcid=other-account", (await attacker.GetAsync(callback.PathAndQuery)).Headers.Location!.OriginalString);
        await AssertUnclaimedAsync(slug);
    }

    /// <summary>Presses "Verify with ORCID" on the claim page: where the app sends the browser at ORCID.</summary>
    private async Task<Uri> StartAsync(HttpClient client, string slug)
    {
        var html = await client.GetStringAsync($"/researchers/{slug}/claim");
        var form = new HtmlParser().ParseDocument(html).QuerySelector("form.orcid-proof") ?? throw new InvalidOperationException("No \"Verify with ORCID\" form.");
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        var response = await client.PostAsync(new Uri(App.BaseAddress, form.GetAttribute("action")!), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(Orcid.BaseAddress.Authority, location.Authority);
        Assert.Equal("/oauth/authorize", location.AbsolutePath);
        return location;
    }

    private static string CodeOf(Uri callback) => QueryHelpers.ParseQuery(callback.Query)["code"].ToString();

    private static string StateOf(Uri callback) => QueryHelpers.ParseQuery(callback.Query)["state"].ToString();

    private static string NewEmail() => $"person-{Guid.NewGuid():N}@example.org";

    /// <summary>A synthetic record given the ORCID iD; each test passes its own <paramref name="skip"/>, so no two share a record.</summary>
    private async Task<(string Slug, string Orcid)> RecordWithOrcidAsync(string orcid, int skip = 0)
    {
        await using var db = App.Database.CreateContext();
        var slug = await db.Researchers.Where(r => r.Origin == RecordOrigin.Synthetic).OrderByDescending(r => r.Id)
            .Skip(100 + skip).Select(r => r.Slug).FirstAsync();
        await db.Researchers.Where(r => r.Slug == slug).ExecuteUpdateAsync(set => set.SetProperty(r => r.Orcid, orcid));
        return (slug, orcid);
    }

    private async Task AssertUnclaimedAsync(string slug)
    {
        await using var db = App.Database.CreateContext();
        Assert.False(await db.AuthorClaims.AnyAsync(c => c.Researcher.Slug == slug && c.Status == ClaimStatus.Approved));
    }
}

/// <summary>The stand-in ORCID, then an app configured as its client.</summary>
public sealed class OrcidAppFixture : IAsyncLifetime
{
    public OrcidStandIn Orcid { get; private set; } = null!;
    public ExplorerApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Orcid = await OrcidStandIn.StartAsync();
        App = new ExplorerApp(new Dictionary<string, string?>
        {
            ["Orcid:ClientId"] = OrcidStandIn.ClientId, ["Orcid:ClientSecret"] = OrcidStandIn.ClientSecret, ["Orcid:BaseUrl"] = Orcid.BaseAddress.AbsoluteUri,
        });
        App.Start();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Orcid.DisposeAsync();
    }
}

/// <summary>Without ORCID settings there is no ORCID sign-in: no button, and nothing answers where it would start.</summary>
[Collection(ClaimsAppCollection.Name)]
public class OrcidSettingsTests(ClaimsAppFixture fixture)
{
    [Fact]
    public async Task Without_orcid_settings_the_button_is_not_shown_and_the_flow_cannot_start()
    {
        var app = fixture.App;
        string slug;
        await using (var db = app.Database.CreateContext())
        {
            slug = await db.Researchers.Where(r => r.Origin == RecordOrigin.Synthetic).OrderByDescending(r => r.Id).Skip(200).Select(r => r.Slug).FirstAsync();
            await db.Researchers.Where(r => r.Slug == slug).ExecuteUpdateAsync(set => set.SetProperty(r => r.Orcid, "0000-0002-1825-0097"));
        }
        var (client, _) = await SignedInClientAsync(app, $"person-{Guid.NewGuid():N}@example.org");

        var page = await client.GetStringAsync($"/researchers/{slug}/claim");
        var fields = await FormFieldsAsync(client, $"/researchers/{slug}/claim", "claim");
        var start = await client.PostAsync($"/researchers/{slug}/claim/orcid", new FormUrlEncodedContent(fields));

        Assert.Contains("Submit the claim", page);
        Assert.DoesNotContain("Verify with ORCID", page);
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
    }
}
