using System.Text.RegularExpressions;
using BzPeer.Explorer.Tests.Hosting;
using Microsoft.Playwright;
using static BzPeer.Explorer.Tests.Hosting.AccountSteps;

namespace BzPeer.Explorer.Tests.Browser;

/// <summary>
/// The accounts' "done when" flows in a browser, two people in two browser contexts. They follow and claim records,
/// which changes what the reference profile shows, so they run against an app of their own.
/// </summary>
[Collection(ExplorerAppCollection.Name)]
[Trait("Category", "Browser")]
public partial class AccountsBrowserTests(AccountsAppFixture fixture)
{
    private ExplorerApp App => fixture.App;

    [BrowserFact]
    public async Task Two_people_register_follow_claim_invite_accept_and_talk_live()
    {
        var browser = await fixture.BrowserAsync();
        var a = await browser.NewPageAsync();
        var b = await browser.NewPageAsync();

        // A visitor's "Follow researcher" leads to sign-in and back to the same page.
        await a.GotoAsync("/researchers/meihao-kong");
        await a.WaitForCircuitAsync();
        var followButton = a.Locator("[data-panel=follow] .connect-button");
        await Assertions.Expect(followButton).ToHaveTextAsync(new Regex(@"^\s*Follow researcher\s*0\s*$"));
        await followButton.ClickAsync();
        // The sign-in page may arrive by enhanced navigation, which fires no load event: the address is what counts, and
        // the next step waits for the page's own link.
        await a.WaitForAddressAsync(new Regex(@"/Account/Login\?ReturnUrl=%2Fresearchers%2Fmeihao-kong$"), loaded: false);

        // A registers with her institutional address and confirms through the outbox.
        const string jingEmail = "jing.huo@nju.edu.cn";
        await a.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await RegisterAsync(a, "Jing Huo", jingEmail);
        await Assertions.Expect(a.Locator("h1")).ToHaveTextAsync("Check your email");
        await a.ScreenshotForReviewAsync("account-register-confirmation");
        await a.GotoAsync(await LinkFromOutboxAsync(App.OutboxFolder, jingEmail, "/Account/ConfirmEmail"));
        await ConfirmWithPasswordAsync(a);
        await Assertions.Expect(a.Locator(".status-message")).ToContainTextAsync("your email address is confirmed");
        await a.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).Last.ClickAsync();
        await a.ScreenshotForReviewAsync("account-sign-in");
        await FillSignInAsync(a, jingEmail);

        // Back on the reference profile, signed in: following counts at once.
        await a.WaitForAddressAsync(new Regex("/researchers/meihao-kong$"));
        await a.WaitForCircuitAsync();
        await Assertions.Expect(a.Locator(".account-name")).ToHaveTextAsync("Jing Huo");
        await Assertions.Expect(followButton).ToHaveTextAsync(new Regex(@"^\s*Follow researcher\s*0\s*$"));
        await followButton.ClickAsync();
        await Assertions.Expect(followButton).ToHaveTextAsync(new Regex(@"^\s*Following\s*1\s*$"));
        await Assertions.Expect(a.Locator(".trust-snapshot .count").Nth(1)).ToHaveTextAsync("1follower");
        await a.ScreenshotForReviewAsync("account-following-reference");

        // Her start page shows recent works by the people she follows; the Following page lists them.
        await a.Locator("a.brand").ClickAsync();
        await Assertions.Expect(a.Locator(".followed-works .followed-work-title")).ToHaveTextAsync("Playing Lottery Tickets in Style Transfer Models");
        await a.ScreenshotForReviewAsync("account-home-followed-works");
        await a.Locator("details.account-menu > summary").ClickAsync();
        await a.Locator(".account-menu-items a", new() { HasText = "Following" }).ClickAsync();
        await Assertions.Expect(a.Locator(".following-list li a")).ToHaveTextAsync("Meihao Kong");
        await a.ScreenshotForReviewAsync("account-following-page");
        await a.Locator(".following-list li a").ClickAsync();
        await Assertions.Expect(a.Locator("h1")).ToHaveTextAsync("Meihao Kong");

        // She claims her own record, Jing Huo at Nanjing University: her confirmed email approves it at once.
        await a.Locator(".collaborators a", new() { HasText = "Jing Huo" }).ClickAsync();
        await Assertions.Expect(a.Locator("h1")).ToHaveTextAsync("Jing Huo");
        await a.WaitForCircuitAsync();
        var trustBefore = await a.Locator(".trust-chip.score").InnerTextAsync();
        Assert.Equal("Unclaimed author", await a.Locator(".trust-chip").Nth(2).InnerTextAsync());
        await a.GetByRole(AriaRole.Link, new() { Name = "Claim this record" }).ClickAsync();
        await Assertions.Expect(a.Locator(".claim-verification")).ToContainTextAsync("Approved at once");
        await a.Locator("[id='Input.ClaimantName']").FillAsync("Jing Huo");
        await a.Locator("[id='Input.EvidenceUrl']").FillAsync("https://cs.nju.edu.cn/huojing/");
        await a.Locator("[id='Input.Statement']").FillAsync("I am the second author of the style transfer paper.");
        await a.ScreenshotForReviewAsync("account-claim-form");
        await a.GetByRole(AriaRole.Button, new() { Name = "Submit the claim" }).ClickAsync();

        await a.WaitForAddressAsync(new Regex("/researchers/jing-huo$"));
        await a.WaitForCircuitAsync();
        var chips = a.Locator(".trust-chip");
        await Assertions.Expect(chips.Nth(2)).ToHaveTextAsync("Claimed author");
        await Assertions.Expect(chips.Nth(1)).ToHaveTextAsync("Verification L3");
        var trustAfter = await a.Locator(".trust-chip.score").InnerTextAsync();
        Assert.NotEqual(trustBefore, trustAfter);
        Assert.Equal("Trust 63 - Established", trustAfter);
        await Assertions.Expect(a.Locator("[data-panel=claim] .state.owner")).ToHaveTextAsync("You are the claimed author of this record.");
        await a.ScreenshotForReviewAsync("account-claimed-record");

        // As the claimed author she writes the record's one-line description.
        await a.GetByRole(AriaRole.Link, new() { Name = "Edit description and availability" }).ClickAsync();
        await a.Locator("[id='Input.Summary']").FillAsync("Style transfer and image synthesis at Nanjing University.");
        await a.ScreenshotForReviewAsync("account-edit-record");
        await a.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await a.WaitForAddressAsync(new Regex("/researchers/jing-huo$"));
        await Assertions.Expect(a.Locator(".researcher-description")).ToHaveTextAsync("Style transfer and image synthesis at Nanjing University.");
        await Assertions.Expect(a.Locator(".badge.open")).ToHaveTextAsync("Open to collaborate");

        // B registers and sends the claimed author an invitation.
        const string bEmail = "b.researcher@cardiff.ac.uk";
        await b.GotoAsync("/researchers/jing-huo");
        await b.WaitForCircuitAsync();
        await b.GetByRole(AriaRole.Link, new() { Name = "Log in to start a conversation" }).ClickAsync();
        await b.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await RegisterAsync(b, "Bea Researcher", bEmail);
        await b.GotoAsync(await LinkFromOutboxAsync(App.OutboxFolder, bEmail, "/Account/ConfirmEmail"));
        await ConfirmWithPasswordAsync(b);
        await b.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).Last.ClickAsync();
        await FillSignInAsync(b, bEmail);
        await b.WaitForAddressAsync(new Regex("/researchers/jing-huo$"));
        await b.GetByRole(AriaRole.Link, new() { Name = "Invite to collaborate" }).ClickAsync();
        await b.Locator("[id='Input.Subject']").FillAsync("Pruning style transfer models");
        await b.Locator("[id='Input.Message']").FillAsync("Hello Jing,\nwould you like to look at winning tickets for video style transfer together?");
        await b.ScreenshotForReviewAsync("account-invite-form");
        await b.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await b.WaitForAddressAsync(new Regex("/researchers/jing-huo$"));
        await Assertions.Expect(b.Locator("[data-panel=collaboration] .state.pending")).ToContainTextAsync("Your invitation is waiting for an answer.");

        // A sees it in her inbox (the menu counts it) and accepts: the conversation opens with B's message.
        await a.ReloadAsync();
        await a.WaitForCircuitAsync();
        await Assertions.Expect(a.Locator("summary .account-badge")).ToHaveTextAsync("1");
        await a.Locator("details.account-menu > summary").ClickAsync();
        await a.ScreenshotForReviewAsync("account-menu-open");
        await a.Locator(".account-menu-items a", new() { HasText = "Inbox" }).ClickAsync();
        await a.WaitForAddressAsync(new Regex("/inbox$"));
        await Assertions.Expect(a.Locator(".invitation-subject").First).ToHaveTextAsync("Pruning style transfer models");
        await a.ScreenshotForReviewAsync("account-inbox");
        await a.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await a.WaitForAddressAsync(new Regex(@"/inbox/\d+$"));
        var conversationUrl = a.Url;
        await Assertions.Expect(a.Locator(".message-body").First).ToContainTextAsync("winning tickets for video style transfer");

        // B opens the conversation and writes; A, with it open, sees the message without a reload.
        await b.GotoAsync(conversationUrl);
        await b.WaitForCircuitAsync();
        await Assertions.Expect(b.Locator(".message")).ToHaveCountAsync(1);
        await b.Locator("#message-input").FillAsync("Great! Shall we start with <b>AdaIN</b>?");
        await b.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(b.Locator(".message")).ToHaveCountAsync(2);

        await Assertions.Expect(a.Locator(".message")).ToHaveCountAsync(2);
        await Assertions.Expect(a.Locator(".message.theirs .message-body").Last).ToHaveTextAsync("Great! Shall we start with <b>AdaIN</b>?");
        Assert.Equal(conversationUrl, a.Url);
        // Read as it arrived: nothing is left unread in her menu.
        await Assertions.Expect(a.Locator("summary .account-badge")).ToHaveCountAsync(0);
        await a.ScreenshotForReviewAsync("account-conversation-live");
    }

    [BrowserFact]
    public async Task A_claim_without_matching_evidence_waits_for_a_reviewer_who_approves_it()
    {
        var browser = await fixture.BrowserAsync();
        var claimant = await browser.NewPageAsync();
        var reviewer = await browser.NewPageAsync();
        const string claimantEmail = "wenbin.li.research@gmail.example";
        const string reviewerEmail = "reviewer@bzpeer.example";
        await CreateConfirmedAccountAsync(App, claimantEmail, "Wenbin Li");
        await CreateConfirmedAccountAsync(App, reviewerEmail, "Rita Reviewer");
        await MakeReviewerAsync(App, reviewerEmail);

        await claimant.GotoAsync("/Account/Login?ReturnUrl=%2Fresearchers%2Fwenbin-li%2Fclaim");
        await FillSignInAsync(claimant, claimantEmail);
        await Assertions.Expect(claimant.Locator(".claim-verification")).ToContainTextAsync("A reviewer will decide.");
        await Assertions.Expect(claimant.Locator(".claim-verification .review-reasons li")).ToContainTextAsync(
            "The account's confirmed email wenbin.li.research@gmail.example is not at the domain of any of the record's institutions (nju.edu.cn).");
        await claimant.Locator("[id='Input.ClaimantName']").FillAsync("Wenbin Li");
        await claimant.Locator("[id='Input.EvidenceEmail']").FillAsync("wenbin.li@nju.edu.cn");
        await claimant.Locator("[id='Input.EvidenceOrcid']").FillAsync("0000-0002-1825-0097");
        await claimant.Locator("[id='Input.Statement']").FillAsync("Third author; my NJU page lists the paper.");
        await claimant.GetByRole(AriaRole.Button, new() { Name = "Submit the claim" }).ClickAsync();
        await claimant.WaitForAddressAsync(new Regex("/researchers/wenbin-li$"));
        await claimant.WaitForCircuitAsync();
        await Assertions.Expect(claimant.Locator("[data-panel=claim] .state.pending")).ToContainTextAsync("Your claim is pending review.");
        // A pending claim changes nothing anyone sees, the claimant included.
        await Assertions.Expect(claimant.Locator(".trust-chip").Nth(1)).ToHaveTextAsync("Verification L1");
        await Assertions.Expect(claimant.Locator(".trust-chip").Nth(2)).ToHaveTextAsync("Unclaimed author");

        await reviewer.GotoAsync("/Account/Login?ReturnUrl=%2FAccount%2FManage");
        await FillSignInAsync(reviewer, reviewerEmail);
        await Assertions.Expect(reviewer.Locator("[id='Input.DisplayName']")).ToHaveValueAsync("Rita Reviewer");
        await reviewer.ScreenshotForReviewAsync("account-manage-profile");
        await reviewer.GotoAsync("/");
        await reviewer.WaitForCircuitAsync();
        await reviewer.Locator("details.account-menu > summary").ClickAsync();
        await reviewer.Locator(".account-menu-items a", new() { HasText = "Review queue" }).ClickAsync();
        await reviewer.WaitForAddressAsync(new Regex("/review/claims$"));
        var claim = reviewer.Locator(".review-claim", new() { HasText = "Wenbin Li" });
        await Assertions.Expect(claim).ToContainTextAsync("Third author; my NJU page lists the paper.");
        await Assertions.Expect(claim).ToContainTextAsync("wenbin.li@nju.edu.cn");
        await Assertions.Expect(claim.Locator(".review-reasons")).ToContainTextAsync("is not at the domain of any of the record's institutions (nju.edu.cn)");
        await reviewer.ScreenshotForReviewAsync("account-review-queue");
        await claim.Locator("textarea").FillAsync("The NJU staff page lists this paper under his name.");
        await claim.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(reviewer.Locator(".mud-alert")).ToContainTextAsync("Approved");
        await Assertions.Expect(reviewer.Locator(".review-claim", new() { HasText = "Wenbin Li" })).ToHaveCountAsync(0);

        await claimant.ReloadAsync();
        await claimant.WaitForCircuitAsync();
        await Assertions.Expect(claimant.Locator(".trust-chip").Nth(2)).ToHaveTextAsync("Claimed author");
        await Assertions.Expect(claimant.Locator(".trust-chip").Nth(1)).ToHaveTextAsync("Verification L3");
        await Assertions.Expect(claimant.Locator("[data-panel=claim] .state.owner")).ToBeVisibleAsync();
        await claimant.GotoAsync("/claims");
        await Assertions.Expect(claimant.Locator(".claim", new() { HasText = "Wenbin Li" }).Locator(".claim-status")).ToHaveTextAsync("approved by a reviewer");
        await claimant.ScreenshotForReviewAsync("account-own-claims");
        Assert.NotNull(await LinkFromOutboxAsync(App.OutboxFolder, claimantEmail, "/researchers/wenbin-li"));
    }

    private static async Task RegisterAsync(IPage page, string name, string email)
    {
        await page.WaitForAddressAsync(new Regex("/Account/Register"));
        await page.Locator("[id='Input.DisplayName']").FillAsync(name);
        await page.Locator("[id='Input.Email']").FillAsync(email);
        await page.Locator("[id='Input.Password']").FillAsync(Password);
        await page.Locator("[id='Input.ConfirmPassword']").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
    }

    /// <summary>The confirmation link asks for the password chosen at registration.</summary>
    private static async Task ConfirmWithPasswordAsync(IPage page)
    {
        await page.Locator("[id='Input.Password']").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my address" }).ClickAsync();
    }

    internal static async Task FillSignInAsync(IPage page, string email)
    {
        await page.Locator("[id='Input.Email']").FillAsync(email);
        await page.Locator("[id='Input.Password']").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
