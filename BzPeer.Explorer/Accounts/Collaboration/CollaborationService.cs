using System.Security.Claims;
using System.Threading.RateLimiting;
using BzPeer.Explorer.Accounts.Claims;
using BzPeer.Explorer.Accounts.Email;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Profiles;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Accounts.Collaboration;

/// <summary>What the invitation page shows before sending: to whom, and how many invitations are left today.</summary>
public sealed record InviteContext(int ResearcherId, string Slug, string ResearcherName, string OwnerName, int InvitationsLeftToday);

public sealed record InvitationView(
    int Id, string ResearcherSlug, string ResearcherName, string OtherPartyName, string Subject, string Message,
    InvitationStatus Status, DateTime CreatedAt, DateTime? RespondedAt, int? ConversationId);

public sealed record ConversationSummary(
    int Id, string Subject, string ResearcherSlug, string ResearcherName, string OtherPartyName, DateTime LastMessageAt, int Unread);

public sealed record BlockedAccount(string UserId, string Name, DateTime Since);

/// <summary>An account's inbox: invitations received and sent, conversations with unread counts, accounts it blocked.</summary>
public sealed record Inbox(List<InvitationView> Received, List<InvitationView> Sent, List<ConversationSummary> Conversations, List<BlockedAccount> Blocked);

public sealed record MessageView(int Id, bool Mine, string SenderName, string Body, DateTime SentAt);

/// <summary>A conversation as one participant sees it. <see cref="ClosedReason"/> says why no message can be sent, if none can.</summary>
public sealed record ConversationView(
    int Id, string Subject, string ResearcherSlug, string ResearcherName, string OtherPartyName, List<MessageView> Messages,
    bool BlockedByYou, string? ClosedReason);

/// <summary>
/// Direct collaboration: invitations to the account that claimed a record, and the conversations they open. Every
/// method takes the signed-in principal and checks on the server that the account may act: only participants read or
/// write a conversation, only its recipient answers an invitation, and blocks and limits hold whatever the page shows.
/// </summary>
public sealed class CollaborationService(
    IDbContextFactory<ExplorerDbContext> dbFactory, CollaborationNotifier notifier, AccountEmails emails, TimeProvider clock) : IDisposable
{
    public const int SubjectMaxLength = 200;
    public const int MessageMaxLength = 2000;
    public const int MaxInvitationsPerDay = 10;
    public const int MaxMessagesPerMinute = 20;

    // Messages travel over the circuit, not HTTP, so the HTTP rate limiter cannot see them: the same limiter type guards them here.
    private readonly PartitionedRateLimiter<string> _messageLimiter = PartitionedRateLimiter.Create<string, string>(userId =>
        RateLimitPartition.GetSlidingWindowLimiter(userId, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = MaxMessagesPerMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0,
        }));

    public async Task<Outcome<InviteContext>> InviteContextAsync(ClaimsPrincipal principal, int researcherId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await Account.FindAsync(db, principal, cancellationToken);
        if (account is null) return Refusal.SignInRequired;
        var check = await CheckCanInviteAsync(db, account, researcherId, cancellationToken);
        if (check.Refusal is { } refusal) return refusal;
        return Outcome<InviteContext>.Done(new InviteContext(researcherId, check.Slug!, check.ResearcherName!, check.OwnerName!, MaxInvitationsPerDay - check.SentToday));
    }

    public async Task<Outcome> InviteAsync(ClaimsPrincipal principal, int researcherId, string? subject, string? message, Uri appBaseUri, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await Account.FindAsync(db, principal, cancellationToken);
        if (account is null) return Refusal.SignInRequired;
        var cleanSubject = PlainText.SingleLine(subject);
        var cleanMessage = PlainText.Multiline(message);
        if (cleanSubject is null) return Refusal.Invalid("Give the invitation a subject.");
        if (cleanSubject.Length > SubjectMaxLength) return Refusal.Invalid($"The subject is {cleanSubject.Length} characters; the limit is {SubjectMaxLength}.");
        if (cleanMessage is null) return Refusal.Invalid("Write a message: what you would like to work on together.");
        if (cleanMessage.Length > MessageMaxLength) return Refusal.Invalid($"The message is {cleanMessage.Length} characters; the limit is {MessageMaxLength}.");

        // Checked and written in one immediate transaction, so two sends at once cannot both pass the limits.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var check = await CheckCanInviteAsync(db, account, researcherId, cancellationToken);
        if (check.Refusal is { } refusal) return refusal;
        db.CollaborationInvitations.Add(new CollaborationInvitation
        {
            ResearcherId = researcherId,
            SenderUserId = account.Id,
            RecipientUserId = check.OwnerId!,
            Subject = cleanSubject,
            Message = cleanMessage,
            Status = InvitationStatus.Pending,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Refusal.LimitReached("You already have an invitation waiting for this researcher's answer.");
        }

        notifier.Publish(new CollaborationChange(CollaborationChangeKind.InvitationsChanged), check.OwnerId!, account.Id);
        var ownerEmail = await db.Users.Where(u => u.Id == check.OwnerId).Select(u => u.Email).SingleAsync(cancellationToken);
        if (ownerEmail is not null)
            await emails.NotifyInvitationReceivedAsync(ownerEmail, account.PublicName, check.ResearcherName!, cleanSubject, new Uri(appBaseUri, "inbox").AbsoluteUri);
        return Outcome.Done($"Invitation sent to {check.OwnerName}. You will see the answer in your inbox.");
    }

    /// <summary>The recipient accepts (opening a conversation whose first message is the invitation's) or declines.</summary>
    public async Task<Outcome<int?>> RespondAsync(ClaimsPrincipal principal, int invitationId, bool accept, Uri appBaseUri, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await Account.FindAsync(db, principal, cancellationToken);
        if (account is null) return Refusal.SignInRequired;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invitation = await db.CollaborationInvitations.AsTracking()
            .SingleOrDefaultAsync(i => i.Id == invitationId && i.RecipientUserId == account.Id, cancellationToken);
        if (invitation is null) return Refusal.NotFound("No such invitation in your inbox.");
        if (invitation.Status != InvitationStatus.Pending) return Refusal.Invalid($"This invitation was already {invitation.Status.ToString().ToLowerInvariant()}.");
        if (accept && await IsBlockedAsync(db, account.Id, invitation.SenderUserId, cancellationToken))
            return Refusal.Forbidden("You cannot open a conversation with an account you blocked or that blocked you.");
        // Invitations go to the record's owner at the time; whoever holds the record now answers them.
        if (accept && await ClaimService.OwnerIdAsync(db, invitation.ResearcherId, cancellationToken) != account.Id)
            return Refusal.Forbidden("You are no longer the claimed author of this record, so you cannot accept invitations sent to it.");

        var now = clock.GetUtcNow().UtcDateTime;
        invitation.Status = accept ? InvitationStatus.Accepted : InvitationStatus.Declined;
        invitation.RespondedAt = now;
        Conversation? conversation = null;
        if (accept)
        {
            conversation = new Conversation
            {
                ResearcherId = invitation.ResearcherId,
                StartedByUserId = invitation.SenderUserId,
                RecipientUserId = account.Id,
                Subject = invitation.Subject,
                CreatedAt = now,
                LastMessageAt = invitation.CreatedAt,
                Messages = [new ConversationMessage { SenderUserId = invitation.SenderUserId, Body = invitation.Message, SentAt = invitation.CreatedAt }],
            };
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync(cancellationToken);
            // The sender wrote the first message and the recipient has just read it.
            conversation.StarterLastReadMessageId = conversation.RecipientLastReadMessageId = conversation.Messages[0].Id;
            invitation.ConversationId = conversation.Id;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        notifier.Publish(new CollaborationChange(CollaborationChangeKind.InvitationsChanged), invitation.SenderUserId, account.Id);
        if (conversation is null) return Outcome<int?>.Done(null, "Invitation declined.");

        var senderEmail = await db.Users.Where(u => u.Id == invitation.SenderUserId).Select(u => u.Email).SingleAsync(cancellationToken);
        if (senderEmail is not null)
            await emails.NotifyInvitationAcceptedAsync(senderEmail, account.PublicName, invitation.Subject, new Uri(appBaseUri, $"inbox/{conversation.Id}").AbsoluteUri);
        return Outcome<int?>.Done(conversation.Id, "Invitation accepted: the conversation is open.");
    }

    /// <summary>The sender takes back an invitation that has not been answered.</summary>
    public async Task<Outcome> WithdrawAsync(ClaimsPrincipal principal, int invitationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await Account.FindAsync(db, principal, cancellationToken);
        if (account is null) return Refusal.SignInRequired;
        var invitation = db.CollaborationInvitations.Where(i => i.Id == invitationId && i.SenderUserId == account.Id && i.Status == InvitationStatus.Pending);
        var recipient = await invitation.Select(i => i.RecipientUserId).SingleOrDefaultAsync(cancellationToken);
        if (recipient is null) return Refusal.NotFound("You have no waiting invitation with this number.");
        await invitation.ExecuteUpdateAsync(set => set.SetProperty(i => i.Status, InvitationStatus.Withdrawn).SetProperty(i => i.RespondedAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
        notifier.Publish(new CollaborationChange(CollaborationChangeKind.InvitationsChanged), recipient, account.Id);
        return Outcome.Done("Invitation withdrawn.");
    }

    public async Task<Outcome<Inbox>> InboxAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await Account.FindAsync(db, principal, cancellationToken);
        if (account is null) return Refusal.SignInRequired;
        var me = account.Id;

        var received = await Invitations(db, db.CollaborationInvitations.Where(i => i.RecipientUserId == me), received: true)
            .Take(100).ToListAsync(cancellationToken);
        var sent = await Invitations(db, db.CollaborationInvitations.Where(i => i.SenderUserId == me), received: false)
            .Take(100).ToListAsync(cancellationToken);
        var conversations = await (
            from c in db.Conversations
            where c.StartedByUserId == me || c.RecipientUserId == me
            join r in db.Researchers on c.ResearcherId equals r.Id
            orderby c.LastMessageAt descending, c.Id descending
            select new
            {
                c.Id, c.Subject, r.Slug, r.DisplayName, c.LastMessageAt,
                OtherId = c.StartedByUserId == me ? c.RecipientUserId : c.StartedByUserId,
                Unread = c.Messages.Count(m => m.SenderUserId != me && m.Id > (c.StartedByUserId == me ? c.StarterLastReadMessageId : c.RecipientLastReadMessageId)),
            })
            .Take(200).ToListAsync(cancellationToken);
        var otherIds = conversations.Select(c => c.OtherId).Distinct().ToList();
        var names = await db.Users.Where(u => otherIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => Account.PublicNameOf(u.DisplayName), cancellationToken);
        var blocked = await (
            from b in db.UserBlocks
            where b.BlockerUserId == me
            join u in db.Users on b.BlockedUserId equals u.Id
            orderby b.CreatedAt descending
            select new BlockedAccount(u.Id, u.DisplayName ?? "", b.CreatedAt))
            .ToListAsync(cancellationToken);

        return Outcome<Inbox>.Done(new Inbox(
            received.Select(WithPublicName).ToList(),
            sent.Select(WithPublicName).ToList(),
            conversations.Select(c => new ConversationSummary(c.Id, c.Subject, c.Slug, c.DisplayName, names.GetValueOrDefault(c.OtherId, Account.PublicNameOf(null)), c.LastMessageAt, c.Unread)).ToList(),
            blocked.Select(b => b with { Name = Account.PublicNameOf(b.Name) }).ToList()));
    }

    /// <summary>Unread messages plus invitations waiting for the account's answer: the number beside "Inbox".</summary>
    public async Task<int> UnreadCountAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var me = SignedInUser.IdOf(principal);
        if (me is null) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var messages = await db.Conversations
            .Where(c => c.StartedByUserId == me || c.RecipientUserId == me)
            .SumAsync(c => c.Messages.Count(m => m.SenderUserId != me && m.Id > (c.StartedByUserId == me ? c.StarterLastReadMessageId : c.RecipientLastReadMessageId)), cancellationToken);
        var invitations = await db.CollaborationInvitations.CountAsync(i => i.RecipientUserId == me && i.Status == InvitationStatus.Pending, cancellationToken);
        return messages + invitations;
    }

    /// <summary>A participant reads a conversation; everything in it is then marked read for them.</summary>
    public async Task<Outcome<ConversationView>> ReadAsync(ClaimsPrincipal principal, int conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await Account.FindAsync(db, principal, cancellationToken);
        if (account is null) return Refusal.SignInRequired;
        var me = account.Id;
        var conversation = await AsParticipant(db, conversationId, me)
            .Select(c => new { c.Id, c.Subject, c.StartedByUserId, c.RecipientUserId, c.ResearcherId })
            .SingleOrDefaultAsync(cancellationToken);
        // Someone else's conversation and a missing one answer the same.
        if (conversation is null) return Refusal.NotFound("No such conversation.");
        var otherId = conversation.StartedByUserId == me ? conversation.RecipientUserId : conversation.StartedByUserId;

        var researcher = await db.Researchers.Where(r => r.Id == conversation.ResearcherId).Select(r => new { r.Slug, r.DisplayName }).SingleAsync(cancellationToken);
        var names = await db.Users.Where(u => u.Id == me || u.Id == otherId).ToDictionaryAsync(u => u.Id, u => Account.PublicNameOf(u.DisplayName), cancellationToken);
        var messages = await db.ConversationMessages.Where(m => m.ConversationId == conversationId)
            .OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.SenderUserId, m.Body, m.SentAt })
            .ToListAsync(cancellationToken);

        if (messages.Count > 0)
        {
            var last = messages[^1].Id;
            var asStarter = conversation.StartedByUserId == me;
            var marked = asStarter
                ? await db.Conversations.Where(c => c.Id == conversationId && c.StarterLastReadMessageId < last)
                    .ExecuteUpdateAsync(set => set.SetProperty(c => c.StarterLastReadMessageId, last), cancellationToken)
                : await db.Conversations.Where(c => c.Id == conversationId && c.RecipientLastReadMessageId < last)
                    .ExecuteUpdateAsync(set => set.SetProperty(c => c.RecipientLastReadMessageId, last), cancellationToken);
            if (marked > 0) notifier.Publish(new CollaborationChange(CollaborationChangeKind.MessagesRead, conversationId), me);
        }

        var blockedByYou = await db.UserBlocks.AnyAsync(b => b.BlockerUserId == me && b.BlockedUserId == otherId, cancellationToken);
        var blockedByOther = await db.UserBlocks.AnyAsync(b => b.BlockerUserId == otherId && b.BlockedUserId == me, cancellationToken);
        var otherName = names.GetValueOrDefault(otherId, Account.PublicNameOf(null));
        return Outcome<ConversationView>.Done(new ConversationView(
            conversation.Id, conversation.Subject, researcher.Slug, researcher.DisplayName, otherName,
            messages.Select(m => new MessageView(m.Id, m.SenderUserId == me, names.GetValueOrDefault(m.SenderUserId, Account.PublicNameOf(null)), m.Body, m.SentAt)).ToList(),
            blockedByYou,
            blockedByYou ? $"You blocked {otherName}. Unblock them in your inbox to write again."
            : blockedByOther ? "You can no longer send messages in this conversation."
            : null));
    }

    public async Task<Outcome> SendAsync(ClaimsPrincipal principal, int conversationId, string? body, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await Account.FindAsync(db, principal, cancellationToken);
        if (account is null) return Refusal.SignInRequired;
        var me = account.Id;
        var conversation = await AsParticipant(db, conversationId, me)
            .Select(c => new { c.StartedByUserId, c.RecipientUserId })
            .SingleOrDefaultAsync(cancellationToken);
        if (conversation is null) return Refusal.NotFound("No such conversation.");
        var otherId = conversation.StartedByUserId == me ? conversation.RecipientUserId : conversation.StartedByUserId;

        var text = PlainText.Multiline(body);
        if (text is null) return Refusal.Invalid("Write something first.");
        if (text.Length > MessageMaxLength) return Refusal.Invalid($"The message is {text.Length} characters; the limit is {MessageMaxLength}.");
        if (await IsBlockedAsync(db, me, otherId, cancellationToken)) return Refusal.Forbidden("You can no longer send messages in this conversation.");
        using var lease = _messageLimiter.AttemptAcquire(me);
        if (!lease.IsAcquired) return Refusal.LimitReached($"You have sent {MaxMessagesPerMinute} messages in the last minute; wait a little before the next.");

        var now = clock.GetUtcNow().UtcDateTime;
        var message = new ConversationMessage { ConversationId = conversationId, SenderUserId = me, Body = text, SentAt = now };
        db.ConversationMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        var asStarter = conversation.StartedByUserId == me;
        await db.Conversations.Where(c => c.Id == conversationId)
            .ExecuteUpdateAsync(set =>
            {
                set.SetProperty(c => c.LastMessageAt, now);
                if (asStarter) set.SetProperty(c => c.StarterLastReadMessageId, message.Id);
                else set.SetProperty(c => c.RecipientLastReadMessageId, message.Id);
            }, cancellationToken);

        notifier.Publish(new CollaborationChange(CollaborationChangeKind.MessagePosted, conversationId), otherId, me);
        return Outcome.Done();
    }

    /// <summary>A participant blocks the other side of a conversation.</summary>
    public async Task<Outcome> BlockInConversationAsync(ClaimsPrincipal principal, int conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await Account.FindAsync(db, principal, cancellationToken);
        if (account is null) return Refusal.SignInRequired;
        var me = account.Id;
        var otherId = await AsParticipant(db, conversationId, me)
            .Select(c => c.StartedByUserId == me ? c.RecipientUserId : c.StartedByUserId)
            .SingleOrDefaultAsync(cancellationToken);
        if (otherId is null) return Refusal.NotFound("No such conversation.");
        return await BlockAsync(db, me, otherId, cancellationToken);
    }

    /// <summary>The recipient of an invitation blocks its sender (declining anything still waiting).</summary>
    public async Task<Outcome> BlockInvitationSenderAsync(ClaimsPrincipal principal, int invitationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await Account.FindAsync(db, principal, cancellationToken);
        if (account is null) return Refusal.SignInRequired;
        var senderId = await db.CollaborationInvitations
            .Where(i => i.Id == invitationId && i.RecipientUserId == account.Id)
            .Select(i => i.SenderUserId)
            .SingleOrDefaultAsync(cancellationToken);
        if (senderId is null) return Refusal.NotFound("No such invitation in your inbox.");
        return await BlockAsync(db, account.Id, senderId, cancellationToken);
    }

    /// <summary>Lifts the account's own block; the id names a row of the account's own block list, nothing else.</summary>
    public async Task<Outcome> UnblockAsync(ClaimsPrincipal principal, string blockedUserId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await Account.FindAsync(db, principal, cancellationToken);
        if (account is null) return Refusal.SignInRequired;
        var removed = await db.UserBlocks.Where(b => b.BlockerUserId == account.Id && b.BlockedUserId == blockedUserId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0) return Refusal.NotFound("You have not blocked this account.");
        notifier.Publish(new CollaborationChange(CollaborationChangeKind.ConversationsChanged), account.Id, blockedUserId);
        return Outcome.Done("Unblocked.");
    }

    public void Dispose() => _messageLimiter.Dispose();

    private async Task<Outcome> BlockAsync(ExplorerDbContext db, string me, string otherId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.UserBlocks.AnyAsync(b => b.BlockerUserId == me && b.BlockedUserId == otherId, cancellationToken))
        {
            db.UserBlocks.Add(new UserBlock { BlockerUserId = me, BlockedUserId = otherId, CreatedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
        }
        await PendingInvitationsBetween(db, me, otherId)
            .ExecuteUpdateAsync(set => set
                .SetProperty(i => i.Status, i => i.SenderUserId == me ? InvitationStatus.Withdrawn : InvitationStatus.Declined)
                .SetProperty(i => i.RespondedAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notifier.Publish(new CollaborationChange(CollaborationChangeKind.ConversationsChanged), me, otherId);
        return Outcome.Done("Blocked: no invitations or messages pass between you while the block stands.");
    }

    private sealed record InviteCheck(Refusal? Refusal, string? OwnerId = null, string? OwnerName = null, string? Slug = null, string? ResearcherName = null, int SentToday = 0);

    private async Task<InviteCheck> CheckCanInviteAsync(ExplorerDbContext db, Account account, int researcherId, CancellationToken cancellationToken)
    {
        if (!account.EmailConfirmed) return new(Refusal.Forbidden("Confirm your email address before sending invitations."));
        var researcher = await db.Researchers.Where(r => r.Id == researcherId).Select(r => new { r.Slug, r.DisplayName, r.OpenToCollaborate }).SingleOrDefaultAsync(cancellationToken);
        if (researcher is null) return new(Refusal.NotFound("No such researcher."));
        var ownerId = await ClaimService.OwnerIdAsync(db, researcherId, cancellationToken);
        if (ownerId is null) return new(Refusal.Forbidden("This author record is not claimed yet, so there is nobody to invite."));
        if (ownerId == account.Id) return new(Refusal.Invalid("This is your own record: invitations to it arrive in your inbox."));
        if (!researcher.OpenToCollaborate) return new(Refusal.Forbidden($"{researcher.DisplayName} is not taking collaboration invitations at the moment."));
        if (await db.UserBlocks.AnyAsync(b => b.BlockerUserId == account.Id && b.BlockedUserId == ownerId, cancellationToken))
            return new(Refusal.Forbidden("You blocked this researcher's account. Unblock it in your inbox to invite them."));
        if (await db.UserBlocks.AnyAsync(b => b.BlockerUserId == ownerId && b.BlockedUserId == account.Id, cancellationToken))
            return new(Refusal.Forbidden("You cannot send invitations to this researcher."));
        if (await PendingInvitationsBetween(db, account.Id, ownerId).AnyAsync(cancellationToken))
            return new(Refusal.LimitReached("An invitation between you and this researcher is already waiting for an answer: one at a time."));
        if (await ConversationsBetween(db, account.Id, ownerId, researcherId).AnyAsync(cancellationToken))
            return new(Refusal.LimitReached("You already have a conversation with this researcher: continue it in your inbox."));
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var sentToday = await db.CollaborationInvitations.CountAsync(i => i.SenderUserId == account.Id && i.CreatedAt > since, cancellationToken);
        if (sentToday >= MaxInvitationsPerDay)
            return new(Refusal.LimitReached($"You have sent {MaxInvitationsPerDay} invitations in the last 24 hours, the most allowed. Try again tomorrow."));
        var ownerName = await db.Users.Where(u => u.Id == ownerId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        return new(null, ownerId, Account.PublicNameOf(ownerName), researcher.Slug, researcher.DisplayName, sentToday);
    }

    /// <summary>Whether either account blocked the other.</summary>
    internal static Task<bool> IsBlockedAsync(ExplorerDbContext db, string one, string other, CancellationToken cancellationToken = default) =>
        db.UserBlocks.AnyAsync(b => (b.BlockerUserId == one && b.BlockedUserId == other) || (b.BlockerUserId == other && b.BlockedUserId == one), cancellationToken);

    /// <summary>Invitations waiting for an answer between two accounts, whichever sent them.</summary>
    internal static IQueryable<CollaborationInvitation> PendingInvitationsBetween(ExplorerDbContext db, string one, string other) =>
        db.CollaborationInvitations.Where(i => i.Status == InvitationStatus.Pending
            && ((i.SenderUserId == one && i.RecipientUserId == other) || (i.SenderUserId == other && i.RecipientUserId == one)));

    /// <summary>
    /// Closes the unanswered invitations to a record whose claim ended (revoked, or moved to another account by a
    /// dispute): they were sent to the person the record no longer names. Runs in the caller's transaction.
    /// </summary>
    internal static Task<int> CloseOpenInvitationsToRecordAsync(ExplorerDbContext db, int researcherId, DateTime now, CancellationToken cancellationToken = default) =>
        db.CollaborationInvitations.Where(i => i.ResearcherId == researcherId && i.Status == InvitationStatus.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Status, InvitationStatus.Closed).SetProperty(i => i.RespondedAt, now), cancellationToken);

    /// <summary>Conversations between two accounts about one record, whichever started them.</summary>
    internal static IQueryable<Conversation> ConversationsBetween(ExplorerDbContext db, string one, string other, int researcherId) =>
        db.Conversations.Where(c => c.ResearcherId == researcherId
            && ((c.StartedByUserId == one && c.RecipientUserId == other) || (c.StartedByUserId == other && c.RecipientUserId == one)));

    /// <summary>The conversation, if the account takes part in it: where every conversation action starts.</summary>
    private static IQueryable<Conversation> AsParticipant(ExplorerDbContext db, int conversationId, string userId) =>
        db.Conversations.Where(c => c.Id == conversationId && (c.StartedByUserId == userId || c.RecipientUserId == userId));

    private static IQueryable<InvitationView> Invitations(ExplorerDbContext db, IQueryable<CollaborationInvitation> invitations, bool received) =>
        from i in invitations
        join r in db.Researchers on i.ResearcherId equals r.Id
        join other in db.Users on (received ? i.SenderUserId : i.RecipientUserId) equals other.Id
        orderby i.Status == InvitationStatus.Pending descending, i.CreatedAt descending, i.Id descending
        select new InvitationView(i.Id, r.Slug, r.DisplayName, other.DisplayName ?? "", i.Subject, i.Message, i.Status, i.CreatedAt, i.RespondedAt, i.ConversationId);

    private static InvitationView WithPublicName(InvitationView invitation) => invitation with { OtherPartyName = Account.PublicNameOf(invitation.OtherPartyName) };
}
