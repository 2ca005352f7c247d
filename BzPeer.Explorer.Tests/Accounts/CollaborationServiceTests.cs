using BzPeer.Explorer.Accounts;
using BzPeer.Explorer.Accounts.Collaboration;
using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Tests.Accounts;

[Collection(AccountsDatabaseCollection.Name)]
public class CollaborationServiceTests(AccountsDatabase data)
{
    [Fact]
    public async Task An_accepted_invitation_opens_a_conversation_with_its_message_first()
    {
        var owner = await data.AccountAsync(name: "Owner");
        var record = await data.ClaimedRecordAsync(owner);
        var sender = await data.AccountAsync(name: "Sender");

        var sent = await data.Collaboration.InviteAsync(sender.Principal, record.Id, "Style transfer", "Shall we work on pruning?", data.BaseUri);
        var inbox = (await data.Collaboration.InboxAsync(owner.Principal)).Value!;
        var invitation = Assert.Single(inbox.Received);
        Assert.True(sent.Succeeded, sent.Message);
        Assert.Equal(("Sender", "Style transfer", InvitationStatus.Pending), (invitation.OtherPartyName, invitation.Subject, invitation.Status));
        Assert.Equal(1, await data.Collaboration.UnreadCountAsync(owner.Principal));
        Assert.Contains("\n> Sender\n", Assert.Single(data.Mail.To(owner.Email)).Body);

        var accepted = await data.Collaboration.RespondAsync(owner.Principal, invitation.Id, accept: true, data.BaseUri);
        var conversationId = accepted.Value!.Value;
        var conversation = (await data.Collaboration.ReadAsync(owner.Principal, conversationId)).Value!;

        Assert.Equal("Style transfer", conversation.Subject);
        Assert.Equal("Sender", conversation.OtherPartyName);
        var first = Assert.Single(conversation.Messages);
        Assert.Equal(("Shall we work on pruning?", false), (first.Body, first.Mine));
        Assert.Null(conversation.ClosedReason);
        Assert.Equal(0, await data.Collaboration.UnreadCountAsync(owner.Principal));
        Assert.Contains($"http://bzpeer.test/inbox/{conversationId}", Assert.Single(data.Mail.To(sender.Email)).Body);
    }

    [Fact]
    public async Task Messages_keep_their_order_count_as_unread_for_the_other_side_and_stay_plain_text()
    {
        var (owner, sender, conversationId) = await data.ConversationAsync();
        const string markup = "<img src=x onerror=alert(1)> & \"quotes\"";

        Assert.True((await data.Collaboration.SendAsync(sender.Principal, conversationId, "second")).Succeeded);
        Assert.True((await data.Collaboration.SendAsync(sender.Principal, conversationId, markup)).Succeeded);
        Assert.Equal(2, await data.Collaboration.UnreadCountAsync(owner.Principal));
        Assert.Equal(2, Assert.Single((await data.Collaboration.InboxAsync(owner.Principal)).Value!.Conversations).Unread);
        Assert.Equal(0, await data.Collaboration.UnreadCountAsync(sender.Principal));

        var read = (await data.Collaboration.ReadAsync(owner.Principal, conversationId)).Value!;
        Assert.Equal(["opening", "second", markup], read.Messages.Select(m => m.Body));
        Assert.Equal(0, await data.Collaboration.UnreadCountAsync(owner.Principal));

        Assert.True((await data.Collaboration.SendAsync(owner.Principal, conversationId, "reply")).Succeeded);
        Assert.Equal(1, await data.Collaboration.UnreadCountAsync(sender.Principal));
    }

    [Fact]
    public async Task Nobody_outside_a_conversation_reads_or_writes_it()
    {
        var (_, _, conversationId) = await data.ConversationAsync();
        var stranger = await data.AccountAsync();

        Assert.Equal(OutcomeKind.SignInRequired, (await data.Collaboration.ReadAsync(AccountsDatabase.Visitor, conversationId)).Kind);
        var read = await data.Collaboration.ReadAsync(stranger.Principal, conversationId);
        Assert.Equal(OutcomeKind.NotFound, read.Kind);
        Assert.Null(read.Value);
        Assert.Equal(OutcomeKind.SignInRequired, (await data.Collaboration.SendAsync(AccountsDatabase.Visitor, conversationId, "hi")).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await data.Collaboration.SendAsync(stranger.Principal, conversationId, "hi")).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await data.Collaboration.BlockInConversationAsync(stranger.Principal, conversationId)).Kind);
        Assert.Empty((await data.Collaboration.InboxAsync(stranger.Principal)).Value!.Conversations);

        await using var db = await data.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.ConversationMessages.CountAsync(m => m.ConversationId == conversationId));
    }

    [Fact]
    public async Task Only_the_recipient_answers_an_invitation_and_only_once()
    {
        var owner = await data.AccountAsync();
        var record = await data.ClaimedRecordAsync(owner);
        var sender = await data.AccountAsync();
        var stranger = await data.AccountAsync();
        await data.Collaboration.InviteAsync(sender.Principal, record.Id, "Subject", "Message", data.BaseUri);
        var invitationId = Assert.Single((await data.Collaboration.InboxAsync(owner.Principal)).Value!.Received).Id;

        Assert.Equal(OutcomeKind.SignInRequired, (await data.Collaboration.RespondAsync(AccountsDatabase.Visitor, invitationId, true, data.BaseUri)).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await data.Collaboration.RespondAsync(sender.Principal, invitationId, true, data.BaseUri)).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await data.Collaboration.RespondAsync(stranger.Principal, invitationId, true, data.BaseUri)).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await data.Collaboration.BlockInvitationSenderAsync(stranger.Principal, invitationId)).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await data.Collaboration.WithdrawAsync(stranger.Principal, invitationId)).Kind);

        var declined = await data.Collaboration.RespondAsync(owner.Principal, invitationId, false, data.BaseUri);
        Assert.True(declined.Succeeded);
        Assert.Null(declined.Value);
        Assert.Equal(OutcomeKind.Invalid, (await data.Collaboration.RespondAsync(owner.Principal, invitationId, true, data.BaseUri)).Kind);
        Assert.Equal(InvitationStatus.Declined, Assert.Single((await data.Collaboration.InboxAsync(sender.Principal)).Value!.Sent).Status);
    }

    [Fact]
    public async Task Invitations_go_only_to_claimed_open_records_of_someone_else()
    {
        var owner = await data.AccountAsync();
        var closed = await data.ClaimedRecordAsync(owner, open: false);
        var open = await data.ClaimedRecordAsync(owner);
        var (unclaimed, _) = await data.FreshRecordAsync();
        var sender = await data.AccountAsync();
        var unconfirmed = await data.AccountAsync(confirmed: false);

        Assert.Equal(OutcomeKind.SignInRequired, (await data.Collaboration.InviteAsync(AccountsDatabase.Visitor, open.Id, "s", "m", data.BaseUri)).Kind);
        Assert.Equal(OutcomeKind.Forbidden, (await data.Collaboration.InviteAsync(unconfirmed.Principal, open.Id, "s", "m", data.BaseUri)).Kind);
        Assert.Equal(OutcomeKind.Forbidden, (await data.Collaboration.InviteAsync(sender.Principal, unclaimed, "s", "m", data.BaseUri)).Kind);
        var closedOutcome = await data.Collaboration.InviteAsync(sender.Principal, closed.Id, "s", "m", data.BaseUri);
        Assert.Equal(OutcomeKind.Forbidden, closedOutcome.Kind);
        Assert.Contains("not taking collaboration invitations", closedOutcome.Message);
        Assert.Equal(OutcomeKind.Invalid, (await data.Collaboration.InviteAsync(owner.Principal, open.Id, "s", "m", data.BaseUri)).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await data.Collaboration.InviteAsync(sender.Principal, int.MaxValue, "s", "m", data.BaseUri)).Kind);

        await using var db = await data.Factory.CreateDbContextAsync();
        Assert.False(await db.CollaborationInvitations.AnyAsync(i => i.RecipientUserId == owner.Id));
    }

    [Fact]
    public async Task Subject_and_message_lengths_are_enforced_on_the_server()
    {
        var owner = await data.AccountAsync();
        var record = await data.ClaimedRecordAsync(owner);
        var sender = await data.AccountAsync();

        var longMessage = await data.Collaboration.InviteAsync(sender.Principal, record.Id, "s", new string('m', 2001), data.BaseUri);
        var longSubject = await data.Collaboration.InviteAsync(sender.Principal, record.Id, new string('s', 201), "m", data.BaseUri);
        var empty = await data.Collaboration.InviteAsync(sender.Principal, record.Id, " ", "m", data.BaseUri);

        Assert.Equal(OutcomeKind.Invalid, longMessage.Kind);
        Assert.Contains("2001 characters; the limit is 2000", longMessage.Message);
        Assert.Equal(OutcomeKind.Invalid, longSubject.Kind);
        Assert.Equal(OutcomeKind.Invalid, empty.Kind);
        Assert.True((await data.Collaboration.InviteAsync(sender.Principal, record.Id, "s", new string('m', 2000), data.BaseUri)).Succeeded);

        var (_, messenger, conversationId) = await data.ConversationAsync();
        Assert.Equal(OutcomeKind.Invalid, (await data.Collaboration.SendAsync(messenger.Principal, conversationId, new string('x', 2001))).Kind);
        Assert.Equal(OutcomeKind.Invalid, (await data.Collaboration.SendAsync(messenger.Principal, conversationId, "\r\n ")).Kind);
    }

    [Fact]
    public async Task One_pending_invitation_per_pair_and_one_conversation_per_record()
    {
        var owner = await data.AccountAsync();
        var record = await data.ClaimedRecordAsync(owner);
        var secondRecord = await data.ClaimedRecordAsync(owner);
        var sender = await data.AccountAsync();

        Assert.True((await data.Collaboration.InviteAsync(sender.Principal, record.Id, "s", "m", data.BaseUri)).Succeeded);
        var second = await data.Collaboration.InviteAsync(sender.Principal, secondRecord.Id, "s", "m", data.BaseUri);
        Assert.Equal(OutcomeKind.LimitReached, second.Kind);
        Assert.Contains("already waiting for an answer", second.Message);

        var invitationId = Assert.Single((await data.Collaboration.InboxAsync(owner.Principal)).Value!.Received).Id;
        await data.Collaboration.RespondAsync(owner.Principal, invitationId, true, data.BaseUri);
        var again = await data.Collaboration.InviteAsync(sender.Principal, record.Id, "s", "m", data.BaseUri);
        Assert.Equal(OutcomeKind.LimitReached, again.Kind);
        Assert.Contains("continue it in your inbox", again.Message);
    }

    [Fact]
    public async Task At_most_ten_invitations_a_day_with_a_clear_message_over_the_limit()
    {
        var sender = await data.AccountAsync();
        var owners = new List<(int Id, string Slug)>();
        for (var i = 0; i < 11; i++) owners.Add(await data.ClaimedRecordAsync(await data.AccountAsync()));

        for (var i = 0; i < 10; i++)
            Assert.True((await data.Collaboration.InviteAsync(sender.Principal, owners[i].Id, $"s{i}", "m", data.BaseUri)).Succeeded);
        var eleventh = await data.Collaboration.InviteAsync(sender.Principal, owners[10].Id, "s", "m", data.BaseUri);
        var context = await data.Collaboration.InviteContextAsync(sender.Principal, owners[10].Id);

        Assert.Equal(OutcomeKind.LimitReached, eleventh.Kind);
        Assert.Equal("You have sent 10 invitations in the last 24 hours, the most allowed. Try again tomorrow.", eleventh.Message);
        Assert.Equal(OutcomeKind.LimitReached, context.Kind);

        data.Clock.Advance(TimeSpan.FromHours(24.1));
        Assert.True((await data.Collaboration.InviteAsync(sender.Principal, owners[10].Id, "s", "m", data.BaseUri)).Succeeded);
    }

    [Fact]
    public async Task A_block_stops_messages_and_invitations_both_ways_until_lifted()
    {
        var (owner, sender, conversationId) = await data.ConversationAsync();
        var record = await data.ClaimedRecordAsync(owner);

        Assert.True((await data.Collaboration.BlockInConversationAsync(owner.Principal, conversationId)).Succeeded);

        var fromBlocked = await data.Collaboration.SendAsync(sender.Principal, conversationId, "still there?");
        Assert.Equal(OutcomeKind.Forbidden, fromBlocked.Kind);
        Assert.Equal(OutcomeKind.Forbidden, (await data.Collaboration.SendAsync(owner.Principal, conversationId, "bye")).Kind);
        Assert.Equal(OutcomeKind.Forbidden, (await data.Collaboration.InviteAsync(sender.Principal, record.Id, "s", "m", data.BaseUri)).Kind);
        var ownerView = (await data.Collaboration.ReadAsync(owner.Principal, conversationId)).Value!;
        var senderView = (await data.Collaboration.ReadAsync(sender.Principal, conversationId)).Value!;
        Assert.True(ownerView.BlockedByYou);
        Assert.Contains("You blocked", ownerView.ClosedReason);
        Assert.Equal("You can no longer send messages in this conversation.", senderView.ClosedReason);

        Assert.Equal(OutcomeKind.NotFound, (await data.Collaboration.UnblockAsync(sender.Principal, owner.Id)).Kind);
        var blocked = Assert.Single((await data.Collaboration.InboxAsync(owner.Principal)).Value!.Blocked);
        Assert.True((await data.Collaboration.UnblockAsync(owner.Principal, blocked.UserId)).Succeeded);
        Assert.True((await data.Collaboration.SendAsync(sender.Principal, conversationId, "thanks")).Succeeded);
    }

    [Fact]
    public async Task Blocking_an_invitations_sender_declines_it()
    {
        var owner = await data.AccountAsync();
        var record = await data.ClaimedRecordAsync(owner);
        var sender = await data.AccountAsync();
        await data.Collaboration.InviteAsync(sender.Principal, record.Id, "Buy my product", "Spam", data.BaseUri);
        var invitationId = Assert.Single((await data.Collaboration.InboxAsync(owner.Principal)).Value!.Received).Id;

        Assert.True((await data.Collaboration.BlockInvitationSenderAsync(owner.Principal, invitationId)).Succeeded);

        Assert.Equal(InvitationStatus.Declined, Assert.Single((await data.Collaboration.InboxAsync(owner.Principal)).Value!.Received).Status);
        Assert.Equal(OutcomeKind.Forbidden, (await data.Collaboration.InviteAsync(sender.Principal, record.Id, "Again", "Spam", data.BaseUri)).Kind);
    }

    [Fact]
    public async Task The_other_side_is_told_of_a_new_message_and_a_stranger_is_not()
    {
        var (owner, sender, conversationId) = await data.ConversationAsync();
        var stranger = await data.AccountAsync();
        var ownerHeard = new TaskCompletionSource<CollaborationChange>();
        var strangerHeard = false;
        using (data.Notifier.Subscribe(owner.Id, change => { ownerHeard.TrySetResult(change); return Task.CompletedTask; }))
        using (data.Notifier.Subscribe(stranger.Id, _ => { strangerHeard = true; return Task.CompletedTask; }))
        {
            await data.Collaboration.SendAsync(sender.Principal, conversationId, "news");
            var change = await ownerHeard.Task.WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Equal(new CollaborationChange(CollaborationChangeKind.MessagePosted, conversationId), change);
        }
        Assert.False(strangerHeard);
        Assert.Equal(0, data.Notifier.ListenerCount(owner.Id));
    }

    [Fact]
    public async Task A_failing_listener_does_not_fail_the_sender()
    {
        var (owner, sender, conversationId) = await data.ConversationAsync();
        using var _ = data.Notifier.Subscribe(owner.Id, _ => throw new InvalidOperationException("circuit gone"));
        Assert.True((await data.Collaboration.SendAsync(sender.Principal, conversationId, "hello")).Succeeded);
    }
}
