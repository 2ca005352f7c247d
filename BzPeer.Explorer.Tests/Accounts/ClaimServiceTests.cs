using BzPeer.Explorer.Accounts;
using BzPeer.Explorer.Accounts.Claims;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Profiles.Researchers;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Tests.Accounts;

[Collection(AccountsDatabaseCollection.Name)]
public class ClaimServiceTests(AccountsDatabase data)
{
    private static ClaimForm Form(string name = "A. Person", string? orcid = null, string? url = null, string? email = null, string statement = "These are my papers.") =>
        new() { ClaimantName = name, EvidenceOrcid = orcid, EvidenceUrl = url, EvidenceEmail = email, Statement = statement };

    [Fact]
    public async Task A_confirmed_email_at_one_of_the_researchers_institutions_approves_the_claim_at_once()
    {
        var yang = await data.AccountAsync("yang.gao@cs.nju.edu.cn", "Yang Gao");
        var researcherId = await data.ResearcherIdAsync("yang-gao");

        var context = await data.Claims.ContextAsync(yang.Principal, researcherId);
        var outcome = await data.Claims.SubmitAsync(yang.Principal, researcherId, Form("Yang Gao"), data.BaseUri);

        Assert.True(context.Value!.ApprovedAtOnce);
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(ClaimStatus.Approved, outcome.Value!.Status);
        var trust = await TrustOfAsync("yang-gao");
        Assert.Equal(VerificationLevel.L3, trust.Level);
        Assert.True(trust.IsClaimed);
        await using var db = await data.Factory.CreateDbContextAsync();
        Assert.Equal(ClaimVerification.InstitutionalEmail, await db.AuthorClaims.Where(c => c.Id == outcome.Value.ClaimId).Select(c => c.VerifiedBy).SingleAsync());
    }

    [Fact]
    public async Task Without_matching_evidence_the_claim_waits_for_review_and_the_record_reads_as_before()
    {
        var claimant = await data.AccountAsync("wenbin@gmail.example");
        var researcherId = await data.ResearcherIdAsync("wenbin-li");
        // A typed institutional address is evidence for a reviewer, not a verified email.
        var outcome = await data.Claims.SubmitAsync(claimant.Principal, researcherId, Form("Wenbin Li", email: "wenbin.li@nju.edu.cn"), data.BaseUri);

        Assert.Equal(ClaimStatus.Pending, outcome.Value!.Status);
        Assert.False(outcome.Value.IsDispute);
        Assert.Contains("pending", outcome.Message);
        var trust = await TrustOfAsync("wenbin-li");
        Assert.Equal(VerificationLevel.L1, trust.Level);
        Assert.False(trust.IsClaimed);
    }

    [Fact]
    public async Task A_look_alike_domain_does_not_approve_a_claim()
    {
        var claimant = await data.AccountAsync("jing.wu@cardiff.ac.uk.attacker.example");
        var outcome = await data.Claims.SubmitAsync(claimant.Principal, await data.ResearcherIdAsync("jing-wu"), Form("Jing Wu"), data.BaseUri);
        Assert.Equal(ClaimStatus.Pending, outcome.Value!.Status);
    }

    [Fact]
    public async Task A_visitor_and_an_unconfirmed_account_cannot_claim()
    {
        var (researcherId, _) = await data.FreshRecordAsync();
        var unconfirmed = await data.AccountAsync(confirmed: false);

        Assert.Equal(OutcomeKind.SignInRequired, (await data.Claims.SubmitAsync(AccountsDatabase.Visitor, researcherId, Form(), data.BaseUri)).Kind);
        Assert.Equal(OutcomeKind.Forbidden, (await data.Claims.SubmitAsync(unconfirmed.Principal, researcherId, Form(), data.BaseUri)).Kind);
        Assert.Equal(OutcomeKind.SignInRequired, (await data.Claims.ContextAsync(AccountsDatabase.Visitor, researcherId)).Kind);
        await using var db = await data.Factory.CreateDbContextAsync();
        Assert.False(await db.AuthorClaims.AnyAsync(c => c.ResearcherId == researcherId));
    }

    [Theory]
    [InlineData("", null, null, null, "statement", "Say who you are")]
    [InlineData("Name", "0000-0002-1825-0098", null, null, "statement", "is not an ORCID iD")]
    [InlineData("Name", null, "javascript:alert(1)", null, "statement", "https://")]
    [InlineData("Name", null, null, "not-an-email", "statement", "is not an email address")]
    [InlineData("Name", null, null, null, "  ", "Write a short statement")]
    public async Task Bad_claim_input_is_refused_with_a_clear_message_and_nothing_is_stored(string name, string? orcid, string? url, string? email, string statement, string expected)
    {
        var claimant = await data.AccountAsync();
        var (researcherId, _) = await data.FreshRecordAsync();

        var outcome = await data.Claims.SubmitAsync(claimant.Principal, researcherId, Form(name, orcid, url, email, statement), data.BaseUri);

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Contains(expected, outcome.Message);
        await using var db = await data.Factory.CreateDbContextAsync();
        Assert.False(await db.AuthorClaims.AnyAsync(c => c.UserId == claimant.Id));
    }

    [Fact]
    public async Task Lengths_are_enforced_on_the_server_and_text_is_stored_as_typed()
    {
        var claimant = await data.AccountAsync();
        var (researcherId, _) = await data.FreshRecordAsync();
        var tooLong = await data.Claims.SubmitAsync(claimant.Principal, researcherId, Form(statement: new string('x', ClaimService.StatementMaxLength + 1)), data.BaseUri);
        Assert.Equal(OutcomeKind.Invalid, tooLong.Kind);
        Assert.Contains("2001 characters; the limit is 2000", tooLong.Message);

        const string markup = "<script>alert('x')</script> & <b>me</b>";
        var stored = await data.Claims.SubmitAsync(claimant.Principal, researcherId, Form(statement: markup, orcid: "https://orcid.org/0000-0002-1825-0097"), data.BaseUri);
        await using var db = await data.Factory.CreateDbContextAsync();
        var claim = await db.AuthorClaims.SingleAsync(c => c.Id == stored.Value!.ClaimId);
        Assert.Equal(markup, claim.Statement);
        Assert.Equal("0000-0002-1825-0097", claim.EvidenceOrcid);
    }

    [Fact]
    public async Task One_pending_claim_per_record_and_at_most_five_waiting()
    {
        var claimant = await data.AccountAsync();
        var records = new List<int>();
        for (var i = 0; i < 6; i++) records.Add((await data.FreshRecordAsync()).Id);

        Assert.True((await data.Claims.SubmitAsync(claimant.Principal, records[0], Form(), data.BaseUri)).Succeeded);
        var again = await data.Claims.SubmitAsync(claimant.Principal, records[0], Form(), data.BaseUri);
        Assert.Equal(OutcomeKind.LimitReached, again.Kind);
        Assert.Contains("already have a claim on this record", again.Message);

        for (var i = 1; i < 5; i++) Assert.True((await data.Claims.SubmitAsync(claimant.Principal, records[i], Form(), data.BaseUri)).Succeeded);
        var sixth = await data.Claims.SubmitAsync(claimant.Principal, records[5], Form(), data.BaseUri);
        Assert.Equal(OutcomeKind.LimitReached, sixth.Kind);
        Assert.Contains("5 claims waiting for review", sixth.Message);
    }

    [Fact]
    public async Task A_claim_on_a_claimed_record_is_a_dispute_for_review_even_with_a_matching_email()
    {
        var owner = await data.AccountAsync();
        var record = await data.ClaimedRecordAsync(owner);
        var domain = await InstitutionDomainAsync(record.Id);
        var challenger = await data.AccountAsync($"challenger-{Guid.NewGuid():N}@{domain}");

        var outcome = await data.Claims.SubmitAsync(challenger.Principal, record.Id, Form(), data.BaseUri);
        var ownAgain = await data.Claims.SubmitAsync(owner.Principal, record.Id, Form(), data.BaseUri);

        Assert.Equal(ClaimStatus.Pending, outcome.Value!.Status);
        Assert.True(outcome.Value.IsDispute);
        Assert.Contains("dispute", outcome.Message);
        Assert.Equal(OutcomeKind.Invalid, ownAgain.Kind);
        await using var db = await data.Factory.CreateDbContextAsync();
        Assert.Equal(owner.Id, await ClaimService.OwnerIdAsync(db, record.Id));
    }

    [Fact]
    public async Task Only_reviewers_see_the_queue_and_the_evidence_in_it()
    {
        var claimant = await data.AccountAsync();
        var (researcherId, _) = await data.FreshRecordAsync();
        var claim = await data.Claims.SubmitAsync(claimant.Principal, researcherId, Form(statement: "private evidence", url: "https://example.org/me"), data.BaseUri);
        var stranger = await data.AccountAsync();
        var reviewer = await data.ReviewerAsync();

        Assert.Equal(OutcomeKind.SignInRequired, (await data.Claims.QueueAsync(AccountsDatabase.Visitor)).Kind);
        var refused = await data.Claims.QueueAsync(stranger.Principal);
        Assert.Equal(OutcomeKind.Forbidden, refused.Kind);
        Assert.Null(refused.Value);
        Assert.DoesNotContain(await data.Claims.OwnClaimsAsync(stranger.Principal), c => c.Id == claim.Value!.ClaimId);
        Assert.Empty(await data.Claims.OwnClaimsAsync(AccountsDatabase.Visitor));

        var queue = await data.Claims.QueueAsync(reviewer.Principal);
        var entry = Assert.Single(queue.Value!, c => c.Id == claim.Value!.ClaimId);
        Assert.Equal("private evidence", entry.Statement);
        Assert.Equal(claimant.Email, entry.AccountEmail);
        Assert.Single(await data.Claims.OwnClaimsAsync(claimant.Principal), c => c.Id == claim.Value!.ClaimId);
    }

    [Fact]
    public async Task A_reviewer_approves_a_pending_claim_and_the_claimant_is_told()
    {
        var claimant = await data.AccountAsync();
        var (researcherId, _) = await data.FreshRecordAsync();
        var claim = (await data.Claims.SubmitAsync(claimant.Principal, researcherId, Form(), data.BaseUri)).Value!;
        var reviewer = await data.ReviewerAsync();

        var outcome = await data.Claims.DecideAsync(reviewer.Principal, claim.ClaimId, approve: true, reason: null, data.BaseUri);
        var twice = await data.Claims.DecideAsync(reviewer.Principal, claim.ClaimId, approve: false, reason: "late", data.BaseUri);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(OutcomeKind.NotFound, twice.Kind);
        var own = Assert.Single(await data.Claims.OwnClaimsAsync(claimant.Principal));
        Assert.Equal(ClaimStatus.Approved, own.Status);
        Assert.Equal(ClaimVerification.Reviewer, own.VerifiedBy);
        var mail = Assert.Single(data.Mail.To(claimant.Email));
        Assert.Equal("Your author claim was approved", mail.Subject);
        Assert.Contains("http://bzpeer.test/researchers/", mail.Body);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_which_the_claimant_sees()
    {
        var claimant = await data.AccountAsync();
        var (researcherId, _) = await data.FreshRecordAsync();
        var claim = (await data.Claims.SubmitAsync(claimant.Principal, researcherId, Form(), data.BaseUri)).Value!;
        var reviewer = await data.ReviewerAsync();

        Assert.Equal(OutcomeKind.Invalid, (await data.Claims.DecideAsync(reviewer.Principal, claim.ClaimId, false, "  ", data.BaseUri)).Kind);
        Assert.True((await data.Claims.DecideAsync(reviewer.Principal, claim.ClaimId, false, "The link shows a different person.", data.BaseUri)).Succeeded);

        var own = Assert.Single(await data.Claims.OwnClaimsAsync(claimant.Principal));
        Assert.Equal(ClaimStatus.Rejected, own.Status);
        Assert.Equal("The link shows a different person.", own.DecisionReason);
        Assert.Contains("The reviewer's reason, in their words:\n> The link shows a different person.", Assert.Single(data.Mail.To(claimant.Email)).Body);
    }

    [Fact]
    public async Task Nobody_but_a_reviewer_decides_and_a_reviewer_never_decides_their_own_claim()
    {
        var claimant = await data.AccountAsync();
        var (researcherId, _) = await data.FreshRecordAsync();
        var claim = (await data.Claims.SubmitAsync(claimant.Principal, researcherId, Form(), data.BaseUri)).Value!;
        var reviewer = await data.ReviewerAsync();
        var (otherRecord, _) = await data.FreshRecordAsync();
        var reviewersOwn = (await data.Claims.SubmitAsync(reviewer.Principal, otherRecord, Form(), data.BaseUri)).Value!;

        Assert.Equal(OutcomeKind.SignInRequired, (await data.Claims.DecideAsync(AccountsDatabase.Visitor, claim.ClaimId, true, null, data.BaseUri)).Kind);
        Assert.Equal(OutcomeKind.Forbidden, (await data.Claims.DecideAsync(claimant.Principal, claim.ClaimId, true, null, data.BaseUri)).Kind);
        Assert.Equal(OutcomeKind.Forbidden, (await data.Claims.DecideAsync(reviewer.Principal, reviewersOwn.ClaimId, true, null, data.BaseUri)).Kind);

        await using var db = await data.Factory.CreateDbContextAsync();
        Assert.All(await db.AuthorClaims.Where(c => c.Id == claim.ClaimId || c.Id == reviewersOwn.ClaimId).Select(c => c.Status).ToListAsync(),
            status => Assert.Equal(ClaimStatus.Pending, status));
    }

    [Fact]
    public async Task Upholding_a_dispute_moves_the_record_to_the_new_claimant()
    {
        var owner = await data.AccountAsync();
        var record = await data.ClaimedRecordAsync(owner);
        var challenger = await data.AccountAsync();
        var dispute = (await data.Claims.SubmitAsync(challenger.Principal, record.Id, Form(), data.BaseUri)).Value!;
        var reviewer = await data.ReviewerAsync();

        Assert.True((await data.Claims.DecideAsync(reviewer.Principal, dispute.ClaimId, true, "Institutional page lists them.", data.BaseUri)).Succeeded);

        await using var db = await data.Factory.CreateDbContextAsync();
        Assert.Equal(challenger.Id, await ClaimService.OwnerIdAsync(db, record.Id));
        Assert.Equal(ClaimStatus.Superseded, Assert.Single(await data.Claims.OwnClaimsAsync(owner.Principal)).Status);
        Assert.Equal(1, await db.AuthorClaims.CountAsync(c => c.ResearcherId == record.Id && c.Status == ClaimStatus.Approved));
    }

    [Fact]
    public async Task Only_the_claimed_author_edits_the_record_and_its_description_stays_one_line()
    {
        var owner = await data.AccountAsync();
        var record = await data.ClaimedRecordAsync(owner);
        var stranger = await data.AccountAsync();
        var reviewer = await data.ReviewerAsync();

        Assert.Equal(OutcomeKind.SignInRequired, (await data.Claims.UpdateRecordAsync(AccountsDatabase.Visitor, record.Id, "x", false)).Kind);
        Assert.Equal(OutcomeKind.Forbidden, (await data.Claims.UpdateRecordAsync(stranger.Principal, record.Id, "x", false)).Kind);
        Assert.Equal(OutcomeKind.Forbidden, (await data.Claims.UpdateRecordAsync(reviewer.Principal, record.Id, "x", false)).Kind);
        Assert.Equal(OutcomeKind.Forbidden, (await data.Claims.RecordForEditAsync(stranger.Principal, record.Id)).Kind);
        Assert.Equal(OutcomeKind.Invalid, (await data.Claims.UpdateRecordAsync(owner.Principal, record.Id, new string('x', 501), true)).Kind);

        Assert.True((await data.Claims.UpdateRecordAsync(owner.Principal, record.Id, "Vision <b>and</b>\r\ngraphics.", false)).Succeeded);

        await using var db = await data.Factory.CreateDbContextAsync();
        var saved = await db.Researchers.Where(r => r.Id == record.Id).Select(r => new { r.Summary, r.OpenToCollaborate }).SingleAsync();
        Assert.Equal("Vision <b>and</b> graphics.", saved.Summary);
        Assert.False(saved.OpenToCollaborate);
        Assert.True((await data.Claims.UpdateRecordAsync(owner.Principal, record.Id, "", true)).Succeeded);
        Assert.Null(await db.Researchers.Where(r => r.Id == record.Id).Select(r => r.Summary).SingleAsync());
    }

    [Fact]
    public async Task Withdrawing_is_for_the_claimant_only()
    {
        var claimant = await data.AccountAsync();
        var stranger = await data.AccountAsync();
        var (researcherId, _) = await data.FreshRecordAsync();
        var claim = (await data.Claims.SubmitAsync(claimant.Principal, researcherId, Form(), data.BaseUri)).Value!;

        Assert.Equal(OutcomeKind.NotFound, (await data.Claims.WithdrawAsync(stranger.Principal, claim.ClaimId)).Kind);
        Assert.True((await data.Claims.WithdrawAsync(claimant.Principal, claim.ClaimId)).Succeeded);
        Assert.Equal(ClaimStatus.Withdrawn, Assert.Single(await data.Claims.OwnClaimsAsync(claimant.Principal)).Status);
    }

    private async Task<TrustResult> TrustOfAsync(string slug)
    {
        await using var db = await data.Factory.CreateDbContextAsync();
        var researcher = await ResearcherQueries.FindAsync(db, slug);
        return (await ResearcherQueries.LoadProfileAsync(db, researcher!)).Trust;
    }

    private async Task<string> InstitutionDomainAsync(int researcherId)
    {
        await using var db = await data.Factory.CreateDbContextAsync();
        return (await ClaimService.InstitutionsAsync(db, researcherId)).First(i => i.Domain is not null).Domain!;
    }
}
