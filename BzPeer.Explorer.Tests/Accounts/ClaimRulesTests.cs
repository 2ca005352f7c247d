using BzPeer.Explorer.Accounts;
using BzPeer.Explorer.Accounts.Claims;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Profiles.Researchers;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Tests.Accounts;

/// <summary>The rules of DESIGN.md §3 for claims, one by one: when a claim is approved at once, the trail, revocation, followers.</summary>
[Collection(AccountsDatabaseCollection.Name)]
public class ClaimRulesTests(AccountsDatabase data)
{
    private static ClaimForm Form(string name) => new() { ClaimantName = name, Statement = "These are my papers." };

    [Fact]
    public async Task A_name_written_with_initials_is_approved_at_once()
    {
        var lai = await data.AccountAsync("yk.lai@cs.cardiff.ac.uk", "Y.-K. Lai");

        var outcome = await data.Claims.SubmitAsync(lai.Principal, await data.ResearcherIdAsync("yu-kun-lai"), Form("Y.-K. Lai"), data.BaseUri);

        Assert.Equal(ClaimStatus.Approved, outcome.Value!.Status);
        Assert.Equal(VerificationLevel.L3, (await TrustOfAsync("yu-kun-lai")).Level);
    }

    [Fact]
    public async Task A_name_without_its_accents_is_approved_at_once_and_so_is_an_alternative_name()
    {
        var (plain, domain) = await RecordNamedAsync("José García");
        var jose = await data.AccountAsync($"jose.garcia-{Guid.NewGuid():N}@{domain}", "Jose Garcia");
        Assert.Equal(ClaimStatus.Approved, (await data.Claims.SubmitAsync(jose.Principal, plain, Form("Jose Garcia"), data.BaseUri)).Value!.Status);

        var (alternative, otherDomain) = await RecordNamedAsync("M. Kowalska", ["Małgorzata Kowalska-Nowak", "Malgorzata Kowalska"]);
        var malgorzata = await data.AccountAsync($"mk-{Guid.NewGuid():N}@{otherDomain}", "MALGORZATA KOWALSKA");
        Assert.Equal(ClaimStatus.Approved, (await data.Claims.SubmitAsync(malgorzata.Principal, alternative, Form("Małgorzata Kowalska"), data.BaseUri)).Value!.Status);
    }

    [Fact]
    public async Task A_name_that_does_not_match_waits_for_review_and_reviewer_and_claimant_read_why()
    {
        var (record, domain) = await RecordNamedAsync("Henrike Albers");
        var colleague = await data.AccountAsync($"colleague-{Guid.NewGuid():N}@{domain}", "Tomas Berg");

        var outcome = await data.Claims.SubmitAsync(colleague.Principal, record, Form("Henrike Albers"), data.BaseUri);

        Assert.Equal(ClaimStatus.Pending, outcome.Value!.Status);
        Assert.Equal(VerificationLevel.L0, (await TrustOfAsync(record)).Level);
        var own = Assert.Single(await data.Claims.OwnClaimsAsync(colleague.Principal));
        var reason = Assert.Single(own.NotAutomaticBecause);
        Assert.Equal("The account's name \"Tomas Berg\" does not match the record's name \"Henrike Albers\".", reason);
        var queued = Assert.Single((await data.Claims.QueueAsync((await data.ReviewerAsync()).Principal)).Value!, c => c.Id == own.Id);
        Assert.Equal([reason], queued.NotAutomaticBecause);
    }

    [Fact]
    public async Task An_account_that_holds_a_record_has_a_second_claim_reviewed()
    {
        var (first, second, domain) = await TwoRecordsAtOneInstitutionAsync("Ana Example");
        var ana = await data.AccountAsync($"ana-{Guid.NewGuid():N}@{domain}", "Ana Example");

        var firstClaim = await data.Claims.SubmitAsync(ana.Principal, first, Form("Ana Example"), data.BaseUri);
        var context = await data.Claims.ContextAsync(ana.Principal, second);
        var secondClaim = await data.Claims.SubmitAsync(ana.Principal, second, Form("Ana Example"), data.BaseUri);

        Assert.Equal(ClaimStatus.Approved, firstClaim.Value!.Status);
        Assert.False(context.Value!.ApprovedAtOnce);
        Assert.Equal(ClaimStatus.Pending, secondClaim.Value!.Status);
        var reason = Assert.Single(Assert.Single(await data.Claims.OwnClaimsAsync(ana.Principal), c => c.Id == secondClaim.Value.ClaimId).NotAutomaticBecause);
        Assert.StartsWith("The account already holds an approved claim, on the record of Ana Example", reason);
        Assert.False((await TrustOfAsync(second)).IsClaimed);
    }

    [Fact]
    public async Task Two_claims_made_at_the_same_moment_by_one_account_approve_at_most_one()
    {
        var (first, second, domain) = await TwoRecordsAtOneInstitutionAsync("Bo Concurrent");
        var bo = await data.AccountAsync($"bo-{Guid.NewGuid():N}@{domain}", "Bo Concurrent");

        var outcomes = await Task.WhenAll(
            Task.Run(() => data.Claims.SubmitAsync(bo.Principal, first, Form("Bo Concurrent"), data.BaseUri)),
            Task.Run(() => data.Claims.SubmitAsync(bo.Principal, second, Form("Bo Concurrent"), data.BaseUri)));

        Assert.All(outcomes, outcome => Assert.True(outcome.Succeeded, outcome.Message));
        Assert.Equal(1, outcomes.Count(o => o.Value!.Status == ClaimStatus.Approved));
        Assert.Single(await data.Claims.OwnClaimsAsync(bo.Principal), c => c.Status == ClaimStatus.Approved);
    }

    [Fact]
    public async Task A_claim_on_a_claimed_record_is_a_dispute_and_the_owner_is_told()
    {
        var owner = await data.AccountAsync(name: "Record Owner");
        var record = await data.ClaimedRecordAsync(owner);
        var challenger = await data.AccountAsync(name: "Challenger");

        var outcome = await data.Claims.SubmitAsync(challenger.Principal, record.Id, Form("Challenger"), data.BaseUri);

        Assert.True(outcome.Value!.IsDispute);
        Assert.Contains(Assert.Single(await data.Claims.OwnClaimsAsync(challenger.Principal)).NotAutomaticBecause, r => r.StartsWith("This record already has an approved claim", StringComparison.Ordinal));
        var mail = Assert.Single(data.Mail.To(owner.Email));
        Assert.Equal("Another account claims your author record", mail.Subject);
        Assert.Contains($"http://bzpeer.test/researchers/{record.Slug}", mail.Body);
        await using var db = await data.Factory.CreateDbContextAsync();
        Assert.Equal(owner.Id, await ClaimService.OwnerIdAsync(db, record.Id));
    }

    [Fact]
    public async Task Every_decision_is_kept_with_who_took_it_when_and_why()
    {
        var (automatic, domain) = await RecordNamedAsync("Pieter de Vries");
        var pieter = await data.AccountAsync($"pieter-{Guid.NewGuid():N}@{domain}", "Pieter de Vries");
        var approvedAtOnce = (await data.Claims.SubmitAsync(pieter.Principal, automatic, Form("Pieter de Vries"), data.BaseUri)).Value!;
        var claimant = await data.AccountAsync(name: "Reviewed Claimant");
        var (reviewed, _) = await data.FreshRecordAsync();
        var pending = (await data.Claims.SubmitAsync(claimant.Principal, reviewed, Form("Reviewed Claimant"), data.BaseUri)).Value!;
        var reviewer = await data.ReviewerAsync();
        data.Clock.Advance(TimeSpan.FromHours(2));
        Assert.True((await data.Claims.DecideAsync(reviewer.Principal, pending.ClaimId, true, "Staff page lists the papers.", data.BaseUri)).Succeeded);

        var approved = (await data.Claims.ApprovedClaimsAsync(reviewer.Principal)).Value!;
        var automaticStep = Assert.Single(Assert.Single(approved, c => c.Id == approvedAtOnce.ClaimId).Trail);
        Assert.Equal(ClaimDecisionKind.ApprovedAutomatically, automaticStep.Kind);
        Assert.Equal(ClaimTrail.Automatic, automaticStep.Who);
        Assert.Contains($"pieter-", automaticStep.Reason);
        var trail = Assert.Single(approved, c => c.Id == pending.ClaimId).Trail;
        Assert.Equal([ClaimDecisionKind.SentToReview, ClaimDecisionKind.Approved], trail.Select(s => s.Kind).ToArray());
        Assert.Equal(ClaimTrail.Automatic, trail[0].Who);
        Assert.Equal("reviewer Reviewer", trail[1].Who);
        Assert.Equal("Staff page lists the papers.", trail[1].Reason);
        Assert.Equal(TimeSpan.FromHours(2), trail[1].At - trail[0].At);
        Assert.Equal(OutcomeKind.Forbidden, (await data.Claims.ApprovedClaimsAsync(claimant.Principal)).Kind);
    }

    [Fact]
    public async Task A_reviewer_revokes_an_approved_claim_the_record_is_unclaimed_its_invitations_closed_and_its_owner_told()
    {
        var owner = await data.AccountAsync(name: "Revoked Owner");
        var record = await data.ClaimedRecordAsync(owner);
        var sender = await data.AccountAsync(name: "Hopeful Sender");
        Assert.True((await data.Collaboration.InviteAsync(sender.Principal, record.Id, "Work together?", "Hello.", data.BaseUri)).Succeeded);
        var reviewer = await data.ReviewerAsync();
        var claimId = Assert.Single(await data.Claims.OwnClaimsAsync(owner.Principal)).Id;

        Assert.Equal(OutcomeKind.Forbidden, (await data.Claims.RevokeAsync(sender.Principal, claimId, "no", data.BaseUri)).Kind);
        Assert.Equal(OutcomeKind.Invalid, (await data.Claims.RevokeAsync(reviewer.Principal, claimId, " ", data.BaseUri)).Kind);
        Assert.True((await data.Claims.IsReviewerAsync(reviewer.Principal)));
        Assert.True((await TrustOfAsync(record.Id)).IsClaimed);

        var revoked = await data.Claims.RevokeAsync(reviewer.Principal, claimId, "The staff page names another person.", data.BaseUri);

        Assert.True(revoked.Succeeded, revoked.Message);
        var trust = await TrustOfAsync(record.Id);
        Assert.False(trust.IsClaimed);
        Assert.NotEqual(VerificationLevel.L3, trust.Level);
        var own = Assert.Single(await data.Claims.OwnClaimsAsync(owner.Principal));
        Assert.Equal(ClaimStatus.Revoked, own.Status);
        Assert.Equal("The staff page names another person.", own.DecisionReason);
        var mail = Assert.Single(data.Mail.To(owner.Email), m => m.Subject == "Your author claim was revoked");
        Assert.Contains("The reviewer's reason, in their words:\n> The staff page names another person.", mail.Body);
        var sent = Assert.Single((await data.Collaboration.InboxAsync(sender.Principal)).Value!.Sent);
        Assert.Equal(InvitationStatus.Closed, sent.Status);
        Assert.DoesNotContain((await data.Collaboration.InboxAsync(owner.Principal)).Value!.Received, i => i.Status == InvitationStatus.Pending);
        Assert.Equal(OutcomeKind.NotFound, (await data.Claims.RevokeAsync(reviewer.Principal, claimId, "again", data.BaseUri)).Kind);
        Assert.DoesNotContain((await data.Claims.ApprovedClaimsAsync(reviewer.Principal)).Value!, c => c.Id == claimId);
        await using var db = await data.Factory.CreateDbContextAsync();
        var step = await db.ClaimDecisions.SingleAsync(d => d.ClaimId == claimId && d.Kind == ClaimDecisionKind.Revoked);
        Assert.Equal(reviewer.Id, step.ByUserId);
    }

    [Fact]
    public async Task Followers_count_only_from_confirmed_accounts()
    {
        var (record, slug) = await data.FreshRecordAsync();
        var confirmed = await data.AccountAsync();
        var unconfirmed = await data.AccountAsync(confirmed: false);
        Assert.True((await data.Follows.SetAsync(confirmed.Principal, record, true)).Succeeded);
        await using (var db = await data.Factory.CreateDbContextAsync())
        {
            db.Follows.Add(new Follow { UserId = unconfirmed.Id, ResearcherId = record, CreatedAt = data.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        await using var read = await data.Factory.CreateDbContextAsync();
        var profile = await ResearcherQueries.LoadProfileAsync(read, (await ResearcherQueries.FindAsync(read, slug))!);
        Assert.Equal(1, profile.Followers);
        Assert.Contains(profile.Trust.Components, c => c.Label == "1 follower");
    }

    private async Task<TrustResult> TrustOfAsync(string slug) => await TrustOfAsync(await data.ResearcherIdAsync(slug));

    private async Task<TrustResult> TrustOfAsync(int researcherId)
    {
        await using var db = await data.Factory.CreateDbContextAsync();
        var slug = await db.Researchers.Where(r => r.Id == researcherId).Select(r => r.Slug).SingleAsync();
        return (await ResearcherQueries.LoadProfileAsync(db, (await ResearcherQueries.FindAsync(db, slug))!)).Trust;
    }

    /// <summary>A fresh record renamed for the test, and the web domain of one of its institutions.</summary>
    private async Task<(int Id, string Domain)> RecordNamedAsync(string name, List<string>? alternativeNames = null)
    {
        await using var db = await data.Factory.CreateDbContextAsync();
        while (true)
        {
            var (id, _) = await data.FreshRecordAsync();
            if ((await ClaimService.InstitutionsAsync(db, id)).FirstOrDefault(i => i.Domain is not null)?.Domain is not { } domain) continue;
            await db.Researchers.Where(r => r.Id == id).ExecuteUpdateAsync(set => set.SetProperty(r => r.DisplayName, name));
            var record = await db.Researchers.AsTracking().SingleAsync(r => r.Id == id);
            record.AlternativeNames = alternativeNames ?? [];
            await db.SaveChangesAsync();
            return (id, domain);
        }
    }

    /// <summary>Two fresh records at one institution, both renamed to the same person, and the institution's domain.</summary>
    private async Task<(int First, int Second, string Domain)> TwoRecordsAtOneInstitutionAsync(string name)
    {
        var (first, domain) = await RecordNamedAsync(name);
        await using var db = await data.Factory.CreateDbContextAsync();
        var taken = await db.AuthorClaims.Select(c => c.ResearcherId).ToListAsync();
        var institutionIds = await db.Institutions.Where(i => i.HomepageUrl != null && i.HomepageUrl.Contains(domain)).Select(i => i.Id).ToListAsync();
        var second = await db.Affiliations
            .Where(a => institutionIds.Contains(a.InstitutionId) && a.ResearcherId != first && !taken.Contains(a.ResearcherId))
            .OrderByDescending(a => a.ResearcherId).Select(a => a.ResearcherId).FirstAsync();
        await db.Researchers.Where(r => r.Id == second).ExecuteUpdateAsync(set => set.SetProperty(r => r.DisplayName, name));
        return (first, second, domain);
    }
}
