using System.Security.Claims;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Profiles.Shared;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Accounts.Follows;

/// <summary>Whether the acting account follows a researcher, and how many accounts do.</summary>
public sealed record FollowState(bool Following, int Followers);

/// <summary>A followed researcher as the Following page lists them.</summary>
public sealed record FollowedResearcher(int ResearcherId, string Slug, string Name, string? InstitutionName, int WorksCount, DateTime FollowedAt);

/// <summary>A recent work by someone the account follows, with who that is.</summary>
public sealed record FollowedWork(WorkListItem Work, string ResearcherSlug, string ResearcherName);

/// <summary>Following researchers: every change checks the signed-in account on the server.</summary>
public sealed class FollowService(IDbContextFactory<ExplorerDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Follows (or stops following) a researcher; setting the state it already has changes nothing.</summary>
    public async Task<Outcome<FollowState>> SetAsync(ClaimsPrincipal principal, int researcherId, bool follow, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await Account.FindAsync(db, principal, cancellationToken);
        if (account is null) return Refusal.SignInRequired;
        if (!await db.Researchers.AnyAsync(r => r.Id == researcherId, cancellationToken)) return Refusal.NotFound("No such researcher.");

        var existing = db.Follows.Where(f => f.UserId == account.Id && f.ResearcherId == researcherId);
        if (follow && !await existing.AnyAsync(cancellationToken))
        {
            db.Follows.Add(new Follow { UserId = account.Id, ResearcherId = researcherId, CreatedAt = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Only a second click racing the first gets here; anything else is a real failure.
                if (!await existing.AnyAsync(cancellationToken)) throw;
            }
        }
        else if (!follow)
        {
            await existing.ExecuteDeleteAsync(cancellationToken);
        }

        var followers = await db.Follows.CountAsync(f => f.ResearcherId == researcherId, cancellationToken);
        return Outcome<FollowState>.Done(new FollowState(follow, followers));
    }

    public async Task<List<FollowedResearcher>> FollowingAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var userId = SignedInUser.IdOf(principal);
        if (userId is null) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (
            from follow in db.Follows
            where follow.UserId == userId
            join researcher in db.Researchers on follow.ResearcherId equals researcher.Id
            orderby researcher.DisplayName, researcher.Id
            select new FollowedResearcher(researcher.Id, researcher.Slug, researcher.DisplayName,
                researcher.LastKnownInstitution != null ? researcher.LastKnownInstitution.DisplayName : null,
                researcher.WorksCount, follow.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The newest works authored by researchers the account follows, newest first.</summary>
    public async Task<List<FollowedWork>> RecentWorksAsync(ClaimsPrincipal principal, int count, CancellationToken cancellationToken = default)
    {
        var userId = SignedInUser.IdOf(principal);
        if (userId is null) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var followed = db.Follows.Where(f => f.UserId == userId).Select(f => f.ResearcherId);
        // IN (…) rather than EXISTS, so SQLite starts from the followed researchers' authorships, not from every work.
        var followedWorkIds = db.Authorships.Where(a => followed.Contains(a.ResearcherId)).Select(a => a.WorkId);
        var works = await db.Works
            .Where(w => followedWorkIds.Contains(w.Id))
            .OrderByDescending(w => w.Year).ThenByDescending(w => w.PublicationDate).ThenByDescending(w => w.Id)
            .Take(count)
            .Select(WorkListItem.FromWork)
            .ToListAsync(cancellationToken);

        var workIds = works.Select(w => w.Id).ToList();
        var firstFollowedAuthor = (await db.Authorships
                .Where(a => workIds.Contains(a.WorkId) && followed.Contains(a.ResearcherId))
                .OrderBy(a => a.AuthorOrder)
                .Select(a => new { a.WorkId, a.Researcher.Slug, a.Researcher.DisplayName })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.WorkId)
            .ToDictionary(g => g.Key, g => g.First());
        return works.Select(work =>
        {
            var author = firstFollowedAuthor[work.Id];
            return new FollowedWork(work, author.Slug, author.DisplayName);
        }).ToList();
    }
}
