using System.Security.Claims;
using Bunit;
using BzPeer.Explorer.Accounts;
using BzPeer.Explorer.Accounts.Claims;
using BzPeer.Explorer.Accounts.Collaboration;
using BzPeer.Explorer.Accounts.Email;
using BzPeer.Explorer.Accounts.Follows;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Profiles.Researchers;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BzPeer.Explorer.Tests.Accounts;

/// <summary>The account components' states, rendered with the real services over the shared accounts database.</summary>
[Collection(AccountsDatabaseCollection.Name)]
public class AccountComponentTests : ComponentTestContext
{
    private readonly AccountsDatabase _data;

    public AccountComponentTests(AccountsDatabase data)
    {
        _data = data;
        Services.AddSingleton(data.Factory);
        Services.AddSingleton(data.Follows);
        Services.AddSingleton(data.Claims);
        Services.AddSingleton(data.Collaboration);
        Services.AddSingleton(data.Notifier);
        Services.AddSingleton(new PublicAddress(Options.Create(new PublicAddressOptions { PublicUrl = "https://explorer.example/" })));
    }

    private static ResearcherSummary Record(int id = 1, string slug = "jing-huo", bool open = true) =>
        new(id, slug, "Jing Huo", null, 3, "Nanjing University", open, 1, 0, RecordOrigin.Arxiv);

    private static ViewerConnection Viewer(bool following = false, bool owner = false, ViewerClaim? claim = null, bool pendingInvitation = false, int? conversation = null, bool blocked = false) =>
        new(following, owner, claim, pendingInvitation, conversation, blocked);

    private IRenderedComponent<ConnectPanels> Panels(ViewerConnection? viewer, bool claimed = false, int followers = 0, bool open = true, int researcherId = 1)
    {
        SetRendererInfo(new RendererInfo("Server", true));
        return Render<ConnectPanels>(p => p
            .Add(c => c.Researcher, Record(researcherId, open: open)).Add(c => c.Followers, followers).Add(c => c.IsClaimed, claimed).Add(c => c.Viewer, viewer));
    }

    [Fact]
    public void A_signed_in_viewer_of_an_unclaimed_record_can_follow_and_claim()
    {
        var panels = Panels(Viewer());

        var follow = panels.Find("[data-panel=follow] button.connect-button");
        Assert.StartsWith("Follow researcher", follow.TextContent.Trim());
        Assert.Equal("false", follow.GetAttribute("aria-pressed"));
        Assert.False(follow.HasAttribute("disabled"));
        var claim = panels.Find("[data-panel=claim] a.connect-button");
        Assert.Equal("Claim this record", claim.TextContent);
        Assert.Equal("researchers/jing-huo/claim", claim.GetAttribute("href"));
        Assert.Equal("Claim this author entity first to unlock direct invitations.", panels.Find(".state.locked span").TextContent);
    }

    [Fact]
    public void A_follower_sees_following_with_the_count()
    {
        var panels = Panels(Viewer(following: true), followers: 1);

        var follow = panels.Find("[data-panel=follow] button");
        Assert.Equal("Following", follow.QuerySelector("span")!.TextContent);
        Assert.Equal("true", follow.GetAttribute("aria-pressed"));
        Assert.Equal("1", panels.Find(".follower-count").TextContent);
        Assert.Equal("1 follower", panels.Find(".follower-count").GetAttribute("aria-label"));
    }

    [Fact]
    public void A_pending_claim_says_so_and_offers_no_second_claim()
    {
        var panels = Panels(Viewer(claim: new ViewerClaim(ClaimStatus.Pending, false, null)));

        Assert.Contains("Your claim is pending review.", panels.Find("[data-panel=claim] .state.pending").TextContent);
        Assert.Empty(panels.FindAll("[data-panel=claim] a.connect-button"));
    }

    [Fact]
    public void A_rejected_claim_shows_the_reviewers_reason_as_text_and_allows_another()
    {
        var panels = Panels(Viewer(claim: new ViewerClaim(ClaimStatus.Rejected, false, "<b>Not you</b>")));

        Assert.Equal("Reason: <b>Not you</b>", panels.Find(".state.rejected .reason").TextContent);
        Assert.Empty(panels.FindAll(".state.rejected b"));
        Assert.Equal("Claim this record", panels.Find("[data-panel=claim] a.connect-button").TextContent);
    }

    [Fact]
    public void The_claimed_author_edits_the_record_and_reads_invitations_in_the_inbox()
    {
        var panels = Panels(Viewer(owner: true), claimed: true);

        Assert.Equal("You are the claimed author of this record.", panels.Find(".state.owner").TextContent);
        Assert.Equal("researchers/jing-huo/edit", panels.Find("[data-panel=claim] a.connect-button").GetAttribute("href"));
        Assert.Contains("arrive in your inbox", panels.Find("[data-panel=collaboration]").TextContent);
    }

    [Theory]
    [InlineData(true, false, null, false, "Invite to collaborate")]
    [InlineData(true, true, null, false, "Your invitation is waiting for an answer.")]
    [InlineData(true, false, 7, false, "Continue your conversation")]
    [InlineData(true, false, null, true, "You cannot send invitations to this researcher.")]
    [InlineData(false, false, null, false, "This researcher is not taking collaboration invitations at the moment.")]
    public void On_a_claimed_record_the_collaboration_panel_follows_the_viewers_standing(bool open, bool pending, int? conversation, bool blocked, string expected)
    {
        var panels = Panels(Viewer(pendingInvitation: pending, conversation: conversation, blocked: blocked), claimed: true, open: open);

        Assert.Contains(expected, panels.Find("[data-panel=collaboration]").TextContent);
        Assert.Contains("has been claimed", panels.Find("[data-panel=claim]").TextContent);
        if (expected == "Invite to collaborate") Assert.Equal("researchers/jing-huo/invite", panels.Find("[data-panel=collaboration] a").GetAttribute("href"));
        if (conversation is { } id) Assert.Equal($"inbox/{id}", panels.Find("[data-panel=collaboration] a").GetAttribute("href"));
    }

    [Fact]
    public async Task Clicking_follow_follows_through_the_service_as_the_signed_in_account_and_asks_the_page_to_reload()
    {
        var person = await _data.AccountAsync();
        var (researcherId, _) = await _data.FreshRecordAsync();
        SignIn(person);
        var reloads = 0;
        SetRendererInfo(new RendererInfo("Server", true));
        var panels = Render<ConnectPanels>(p => p
            .Add(c => c.Researcher, Record(researcherId)).Add(c => c.Followers, 0).Add(c => c.IsClaimed, false)
            .Add(c => c.Viewer, Viewer()).Add(c => c.OnChanged, () => reloads++));

        await panels.Find("[data-panel=follow] button").ClickAsync(new());

        panels.WaitForAssertion(() => Assert.Equal(1, reloads));
        await using var db = await _data.Factory.CreateDbContextAsync();
        Assert.True(await db.Follows.AnyAsync(f => f.UserId == person.Id && f.ResearcherId == researcherId));
    }

    [Fact]
    public async Task An_open_conversation_shows_a_new_message_from_the_other_side_without_a_reload_as_plain_text()
    {
        var (owner, sender, conversationId) = await _data.ConversationAsync(opening: "<script>alert(1)</script>", senderName: "Sender <i>");
        SignIn(owner);
        SetRendererInfo(new RendererInfo("Server", true));

        var page = Render<ConversationPage>(p => p.Add(c => c.ConversationId, conversationId));
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".message")));
        Assert.Equal("<script>alert(1)</script>", page.Find(".message-body").TextContent);
        Assert.Empty(page.FindAll(".message-body script"));
        Assert.Equal("Sender <i>", page.Find(".message-sender").TextContent);
        Assert.Equal(1, _data.Notifier.ListenerCount(owner.Id));

        await _data.Collaboration.SendAsync(sender.Principal, conversationId, "Are you there?");

        page.WaitForAssertion(() => Assert.Equal(["<script>alert(1)</script>", "Are you there?"], page.FindAll(".message-body").Select(m => m.TextContent)));
        Assert.Equal(0, await _data.Collaboration.UnreadCountAsync(owner.Principal));
        await DisposeComponentsAsync();
        Assert.Equal(0, _data.Notifier.ListenerCount(owner.Id));
    }

    [Fact]
    public async Task Someone_elses_conversation_renders_as_not_found()
    {
        var (_, _, conversationId) = await _data.ConversationAsync("Private subject", "Private message");
        SignIn(await _data.AccountAsync());
        SetRendererInfo(new RendererInfo("Server", true));

        var page = Render<ConversationPage>(p => p.Add(c => c.ConversationId, conversationId));

        page.WaitForAssertion(() => Assert.Contains("No such conversation", page.Markup));
        Assert.DoesNotContain("Private", page.Markup);
    }

    [Fact]
    public async Task The_account_menu_shows_the_name_the_unread_count_and_the_review_queue_only_to_reviewers()
    {
        var owner = await _data.AccountAsync(name: "Menu Owner");
        var record = await _data.ClaimedRecordAsync(owner);
        var sender = await _data.AccountAsync();
        await _data.Collaboration.InviteAsync(sender.Principal, record.Id, "Hello", "Hi", _data.BaseUri);
        SignIn(owner);
        SetRendererInfo(new RendererInfo("Server", false));

        var menu = Render<AccountMenu>();

        menu.WaitForAssertion(() => Assert.Equal("Menu Owner", menu.Find(".account-name").TextContent));
        Assert.Equal("1", menu.Find("summary .account-badge").TextContent);
        // The reference profile is in the menu too, shown where the app bar has no room for its own link.
        Assert.Equal(["Account/Manage", "following", "inbox", "claims", "researchers/meihao-kong"], menu.FindAll(".account-menu-items a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Account/Logout", menu.Find("form").GetAttribute("action"));

        await using (var db = await _data.Factory.CreateDbContextAsync()) await Reviewers.AddAsync(db, owner.Email);
        var reviewerMenu = Render<AccountMenu>();
        reviewerMenu.WaitForAssertion(() => Assert.Contains(reviewerMenu.FindAll(".account-menu-items a"), a => a.GetAttribute("href") == "review/claims"));
    }

    [Fact]
    public void A_visitor_sees_sign_in_that_comes_back_to_the_page()
    {
        AddAuthorization();
        Services.GetRequiredService<NavigationManager>().NavigateTo("researchers/jing-huo?page=2");
        SetRendererInfo(new RendererInfo("Server", false));

        var menu = Render<AccountMenu>();

        // The app bar's links and, for narrow screens, the same links in a menu: both come back to the page.
        Assert.Equal(2, menu.FindAll("a.account-sign-in").Count);
        Assert.All(menu.FindAll("a.account-sign-in"), a => Assert.Equal("Account/Login?ReturnUrl=%2Fresearchers%2Fjing-huo%3Fpage%3D2", a.GetAttribute("href")));
        Assert.All(menu.FindAll("a.account-register"), a => Assert.Equal("Account/Register?ReturnUrl=%2Fresearchers%2Fjing-huo%3Fpage%3D2", a.GetAttribute("href")));
        Assert.Single(menu.FindAll("details.visitor-menu"));
        Assert.Empty(menu.FindAll("form"));
    }

    [Fact]
    public async Task The_development_outbox_lists_messages_with_their_links_to_this_app()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bzpeer-tests", Guid.NewGuid().ToString("N"));
        try
        {
            Services.AddSingleton(Options.Create(new EmailOptions { OutboxPath = folder }));
            Services.AddSingleton<IHostEnvironment>(new TestEnvironment(Environments.Development));
            var outbox = new OutboxEmailDelivery(folder, "x@bzpeer.example", _data.Clock);
            const string baseUri = "https://explorer.example/";
            await outbox.DeliverAsync(new EmailMessage("ada@example.org", "Confirm your BzPeer Explorer account", $"Open:\n{baseUri}Account/ConfirmEmail?userId=1&code=x\nNot this: https://elsewhere.example/"));

            var page = Render<OutboxPage>();

            Assert.Equal("Confirm your BzPeer Explorer account", page.Find(".outbox-head strong").TextContent);
            Assert.Equal($"{baseUri}Account/ConfirmEmail?userId=1&code=x", Assert.Single(page.FindAll("a.outbox-link")).GetAttribute("href"));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static ClaimForm ClaimForm(string name) => new() { ClaimantName = name, Statement = "My papers <b>all</b>." };

    [Fact]
    public async Task The_claimant_sees_each_claims_status_the_reviewers_reason_and_why_it_was_not_approved_at_once()
    {
        var claimant = await _data.AccountAsync(name: "Page Claimant");
        var (pendingRecord, _) = await _data.FreshRecordAsync();
        var (rejectedRecord, _) = await _data.FreshRecordAsync();
        var pending = (await _data.Claims.SubmitAsync(claimant.Principal, pendingRecord, ClaimForm("Page Claimant"), _data.BaseUri)).Value!;
        var rejected = (await _data.Claims.SubmitAsync(claimant.Principal, rejectedRecord, ClaimForm("Page Claimant"), _data.BaseUri)).Value!;
        var reviewer = await _data.ReviewerAsync();
        Assert.True((await _data.Claims.DecideAsync(reviewer.Principal, rejected.ClaimId, false, "Your <i>link</i> shows someone else.", _data.BaseUri)).Succeeded);
        SignIn(claimant);
        SetRendererInfo(new RendererInfo("Server", true));

        var page = Render<OwnClaimsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("li.claim").Count));
        var pendingItem = page.Find($"li.claim[data-claim-id='{pending.ClaimId}']");
        Assert.Equal("pending review", pendingItem.QuerySelector(".claim-status")!.TextContent);
        Assert.Contains("Not approved at once, because:", pendingItem.TextContent);
        Assert.Contains(pendingItem.QuerySelectorAll(".claim-review-reasons li"), li => li.TextContent.StartsWith("The account's name \"Page Claimant\" does not match", StringComparison.Ordinal));
        var rejectedItem = page.Find($"li.claim[data-claim-id='{rejected.ClaimId}']");
        Assert.Equal("not approved", rejectedItem.QuerySelector(".claim-status")!.TextContent);
        Assert.Equal("Reason: Your <i>link</i> shows someone else.", rejectedItem.QuerySelector(".claim-reason")!.TextContent);
        Assert.Contains("&lt;i&gt;link&lt;/i&gt;", rejectedItem.InnerHtml);
    }

    [Fact]
    public async Task The_review_page_shows_why_a_claim_was_not_automatic_beside_its_evidence_and_its_trail_and_revokes()
    {
        var claimant = await _data.AccountAsync(name: "Queued Claimant");
        var (record, _) = await _data.FreshRecordAsync();
        var claim = (await _data.Claims.SubmitAsync(claimant.Principal, record, ClaimForm("Queued Claimant"), _data.BaseUri)).Value!;
        var owner = await _data.AccountAsync(name: "Approved Owner");
        await _data.ClaimedRecordAsync(owner);
        var approvedId = Assert.Single(await _data.Claims.OwnClaimsAsync(owner.Principal)).Id;
        var reviewer = await _data.ReviewerAsync();
        SignIn(reviewer);
        SetRendererInfo(new RendererInfo("Server", true));

        var page = Render<ReviewQueuePage>();

        page.WaitForAssertion(() => page.Find($".review-claim[data-claim-id='{claim.ClaimId}']"));
        var queued = page.Find($".review-claim[data-claim-id='{claim.ClaimId}']");
        var reasons = queued.QuerySelector(".review-reasons")!;
        Assert.Contains("Not approved at once, because:", reasons.TextContent);
        Assert.Contains(reasons.QuerySelectorAll("li"), li => li.TextContent.StartsWith("The account's name \"Queued Claimant\" does not match", StringComparison.Ordinal));
        Assert.Equal("My papers <b>all</b>.", queued.QuerySelector(".evidence dd.plain-text")!.TextContent);
        var step = Assert.Single(queued.QuerySelectorAll(".claim-trail li"));
        Assert.Contains("Sent to review", step.TextContent);
        Assert.Contains(ClaimTrail.Automatic, step.TextContent);

        page.Find($"#revoke-reason-{approvedId}").Input("The record belongs to someone else.");
        page.Find($".approved-claim[data-claim-id='{approvedId}'] button").Click();

        page.WaitForAssertion(() => Assert.Contains("Revoked: the record of", page.Find(".mud-alert").TextContent));
        Assert.Empty(page.FindAll($".approved-claim[data-claim-id='{approvedId}']"));
        Assert.Equal(ClaimStatus.Revoked, Assert.Single(await _data.Claims.OwnClaimsAsync(owner.Principal)).Status);
    }

    private void SignIn(TestAccount account)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized(account.Email);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, account.Id));
    }

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "BzPeer.Explorer";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
