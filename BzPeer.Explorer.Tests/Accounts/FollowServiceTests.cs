using BzPeer.Explorer.Accounts;
using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Tests.Accounts;

[Collection(AccountsDatabaseCollection.Name)]
public class FollowServiceTests(AccountsDatabase data)
{
    [Fact]
    public async Task Following_and_unfollowing_change_the_count_at_once_and_repeat_safely()
    {
        var person = await data.AccountAsync();
        var (researcherId, _) = await data.FreshRecordAsync();

        var followed = await data.Follows.SetAsync(person.Principal, researcherId, follow: true);
        var again = await data.Follows.SetAsync(person.Principal, researcherId, follow: true);
        Assert.True(followed.Succeeded);
        Assert.Equal(new(true, 1), followed.Value);
        Assert.Equal(new(true, 1), again.Value);

        var unfollowed = await data.Follows.SetAsync(person.Principal, researcherId, follow: false);
        Assert.Equal(new(false, 0), unfollowed.Value);
    }

    [Fact]
    public async Task A_visitor_cannot_follow_and_nothing_is_written()
    {
        var (researcherId, _) = await data.FreshRecordAsync();

        var outcome = await data.Follows.SetAsync(AccountsDatabase.Visitor, researcherId, follow: true);

        Assert.Equal(OutcomeKind.SignInRequired, outcome.Kind);
        await using var db = await data.Factory.CreateDbContextAsync();
        Assert.False(await db.Follows.AnyAsync(f => f.ResearcherId == researcherId));
    }

    [Fact]
    public async Task A_principal_whose_account_no_longer_exists_is_treated_as_signed_out()
    {
        var (researcherId, _) = await data.FreshRecordAsync();
        var ghost = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, "no-such-account")], "Identity.Application"));

        Assert.Equal(OutcomeKind.SignInRequired, (await data.Follows.SetAsync(ghost, researcherId, true)).Kind);
    }

    [Fact]
    public async Task Following_a_researcher_that_does_not_exist_is_refused()
    {
        var person = await data.AccountAsync();
        Assert.Equal(OutcomeKind.NotFound, (await data.Follows.SetAsync(person.Principal, int.MaxValue, true)).Kind);
    }

    [Fact]
    public async Task One_account_unfollowing_leaves_another_accounts_follow_alone()
    {
        var first = await data.AccountAsync();
        var second = await data.AccountAsync();
        var (researcherId, _) = await data.FreshRecordAsync();
        await data.Follows.SetAsync(first.Principal, researcherId, true);

        var outcome = await data.Follows.SetAsync(second.Principal, researcherId, false);

        Assert.Equal(new(false, 1), outcome.Value);
        Assert.Single(await data.Follows.FollowingAsync(first.Principal));
        Assert.Empty(await data.Follows.FollowingAsync(second.Principal));
    }

    [Fact]
    public async Task The_following_list_and_recent_works_are_the_accounts_own()
    {
        var person = await data.AccountAsync();
        var meihao = await data.ResearcherIdAsync("meihao-kong");
        var (prolific, prolificSlug) = await data.FreshRecordAsync();
        await data.Follows.SetAsync(person.Principal, meihao, true);
        await data.Follows.SetAsync(person.Principal, prolific, true);

        var following = await data.Follows.FollowingAsync(person.Principal);
        var works = await data.Follows.RecentWorksAsync(person.Principal, 50);

        Assert.Equal(2, following.Count);
        Assert.Contains(following, f => f.Slug == "meihao-kong" && f.Name == "Meihao Kong");
        Assert.Contains(works, w => w.Work.Title == "Playing Lottery Tickets in Style Transfer Models" && w.ResearcherSlug == "meihao-kong");
        Assert.All(works, w => Assert.Contains(w.ResearcherSlug, new[] { "meihao-kong", prolificSlug }));
        var years = works.Select(w => w.Work.Year ?? 0).ToList();
        Assert.Equal(years.OrderByDescending(y => y), years);
        Assert.Empty(await data.Follows.FollowingAsync(AccountsDatabase.Visitor));
        Assert.Empty(await data.Follows.RecentWorksAsync(AccountsDatabase.Visitor, 10));
    }
}
