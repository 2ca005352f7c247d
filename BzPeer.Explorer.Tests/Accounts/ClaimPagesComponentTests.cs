using System.Security.Claims;
using Bunit;
using BzPeer.Explorer.Accounts.Claims;
using BzPeer.Explorer.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace BzPeer.Explorer.Tests.Accounts;

/// <summary>The claimant's and the reviewers' claim pages, rendered with the real service over the shared accounts database.</summary>
[Collection(AccountsDatabaseCollection.Name)]
public class ClaimPagesComponentTests : ComponentTestContext
{
    private readonly AccountsDatabase _data;

    public ClaimPagesComponentTests(AccountsDatabase data)
    {
        _data = data;
        Services.AddSingleton(data.Claims);
    }

    private static ClaimForm Form(string name) => new() { ClaimantName = name, Statement = "My papers <b>all</b>." };

    [Fact]
    public async Task The_claimant_sees_each_claims_status_the_reviewers_reason_and_why_it_was_not_approved_at_once()
    {
        var claimant = await _data.AccountAsync(name: "Page Claimant");
        var (pendingRecord, _) = await _data.FreshRecordAsync();
        var (rejectedRecord, _) = await _data.FreshRecordAsync();
        var pending = (await _data.Claims.SubmitAsync(claimant.Principal, pendingRecord, Form("Page Claimant"), _data.BaseUri)).Value!;
        var rejected = (await _data.Claims.SubmitAsync(claimant.Principal, rejectedRecord, Form("Page Claimant"), _data.BaseUri)).Value!;
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
        var claim = (await _data.Claims.SubmitAsync(claimant.Principal, record, Form("Queued Claimant"), _data.BaseUri)).Value!;
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
}
