using System.Security.Claims;
using BzPeer.Explorer.Accounts.Claims;
using BzPeer.Explorer.Accounts.Collaboration;
using BzPeer.Explorer.Accounts.Email;
using BzPeer.Explorer.Accounts.Follows;
using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace BzPeer.Explorer.Tests.Accounts;

/// <summary>
/// One demo database shared by the account service tests, with the services over it, a clock the tests move and an
/// email delivery that keeps what it was given. Tests make their own accounts and claim records no other test uses.
/// </summary>
public sealed class AccountsDatabase : IAsyncLifetime
{
    private readonly TemporaryDatabase _database = new();
    private int _nextSyntheticRecord;

    public AccountsDatabase()
    {
        Notifier = new CollaborationNotifier(NullLogger<CollaborationNotifier>.Instance);
        var emails = new AccountEmails(Mail, NullLogger<AccountEmails>.Instance);
        Follows = new FollowService(Factory, Clock);
        Claims = new ClaimService(Factory, emails, Clock);
        Collaboration = new CollaborationService(Factory, Notifier, emails, Clock);
    }

    public IDbContextFactory<ExplorerDbContext> Factory => _database.Factory;
    public TestClock Clock { get; } = new();
    public RecordingEmailDelivery Mail { get; } = new();
    public CollaborationNotifier Notifier { get; }
    public FollowService Follows { get; }
    public ClaimService Claims { get; }
    public CollaborationService Collaboration { get; }
    public Uri BaseUri { get; } = new("http://bzpeer.test/");

    public static ClaimsPrincipal Visitor { get; } = new(new ClaimsIdentity());

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync()
    {
        Collaboration.Dispose();
        _database.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A new confirmed account (an unconfirmed one when asked), signed in: the principal the cookie would give.</summary>
    public async Task<TestAccount> AccountAsync(string? email = null, string? name = null, bool confirmed = true)
    {
        email ??= $"person-{Guid.NewGuid():N}@example.org";
        var user = new ExplorerUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = confirmed, DisplayName = name ?? "Person " + email[..12], SecurityStamp = Guid.NewGuid().ToString(),
        };
        await using var db = await Factory.CreateDbContextAsync();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return new TestAccount(user.Id, email, user.DisplayName!, new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, email)], "Identity.Application")));
    }

    public async Task<TestAccount> ReviewerAsync()
    {
        var reviewer = await AccountAsync(name: "Reviewer");
        await using var db = await Factory.CreateDbContextAsync();
        Assert.Equal(Reviewers.AddResult.Added, await Reviewers.AddAsync(db, reviewer.Email));
        return reviewer;
    }

    /// <summary>A synthetic researcher no other test has taken (the reference record's people are left to the tests that name them).</summary>
    public async Task<(int Id, string Slug)> FreshRecordAsync()
    {
        var index = Interlocked.Increment(ref _nextSyntheticRecord);
        await using var db = await Factory.CreateDbContextAsync();
        var record = await db.Researchers.Where(r => r.Origin == RecordOrigin.Synthetic).OrderBy(r => r.Id).Skip(index * 7).Select(r => new { r.Id, r.Slug }).FirstAsync();
        return (record.Id, record.Slug);
    }

    /// <summary>A fresh record claimed by the account (an approved claim written directly), open to collaborate.</summary>
    public async Task<(int Id, string Slug)> ClaimedRecordAsync(TestAccount owner, bool open = true)
    {
        var record = await FreshRecordAsync();
        await using var db = await Factory.CreateDbContextAsync();
        db.AuthorClaims.Add(new AuthorClaim
        {
            ResearcherId = record.Id, UserId = owner.Id, ClaimantName = owner.Name, Status = ClaimStatus.Approved,
            VerifiedBy = ClaimVerification.Reviewer, CreatedAt = Clock.GetUtcNow().UtcDateTime, DecidedAt = Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
        await db.Researchers.Where(r => r.Id == record.Id).ExecuteUpdateAsync(set => set.SetProperty(r => r.OpenToCollaborate, open));
        return record;
    }

    /// <summary>An invitation from a new sender to the owner of a new claimed record, accepted: the conversation it opened.</summary>
    public async Task<(TestAccount Owner, TestAccount Sender, int ConversationId)> ConversationAsync(
        string subject = "Subject", string opening = "opening", string ownerName = "Owner", string senderName = "Sender")
    {
        var owner = await AccountAsync(name: ownerName);
        var record = await ClaimedRecordAsync(owner);
        var sender = await AccountAsync(name: senderName);
        Assert.True((await Collaboration.InviteAsync(sender.Principal, record.Id, subject, opening, BaseUri)).Succeeded);
        var invitationId = Assert.Single((await Collaboration.InboxAsync(owner.Principal)).Value!.Received).Id;
        var accepted = await Collaboration.RespondAsync(owner.Principal, invitationId, true, BaseUri);
        return (owner, sender, accepted.Value!.Value);
    }

    public async Task<int> ResearcherIdAsync(string slug)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Researchers.Where(r => r.Slug == slug).Select(r => r.Id).SingleAsync();
    }
}

public sealed record TestAccount(string Id, string Email, string Name, ClaimsPrincipal Principal);

[CollectionDefinition(Name)]
public sealed class AccountsDatabaseCollection : ICollectionFixture<AccountsDatabase>
{
    public const string Name = "Accounts database";
}

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

public sealed class RecordingEmailDelivery : IEmailDelivery
{
    private readonly List<EmailMessage> _sent = [];

    public IReadOnlyList<EmailMessage> To(string address)
    {
        lock (_sent) return _sent.Where(m => m.To == address).ToList();
    }

    public Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        lock (_sent) _sent.Add(message);
        return Task.CompletedTask;
    }
}
