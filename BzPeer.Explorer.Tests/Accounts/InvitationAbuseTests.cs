using System.Text.RegularExpressions;
using BzPeer.Explorer.Accounts;
using BzPeer.Explorer.Accounts.Claims;
using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Tests.Accounts;

/// <summary>Invitations used against their recipient: the app's emails speaking an attacker's words, and a record's former owner answering for it.</summary>
[Collection(AccountsDatabaseCollection.Name)]
public partial class InvitationAbuseTests(AccountsDatabase data)
{
    [Fact]
    public async Task An_invitation_subject_with_a_link_reaches_the_owner_only_as_marked_quoted_text_without_a_link()
    {
        var owner = await data.AccountAsync(name: "Owner");
        var record = await data.ClaimedRecordAsync(owner);
        var sender = await data.AccountAsync(name: "Security https://evil.example/login");

        var sent = await data.Collaboration.InviteAsync(sender.Principal, record.Id, "verify at https://evil.example", "Your account expires, verify at www.evil.example now", data.BaseUri);

        Assert.True(sent.Succeeded, sent.Message);
        var mail = Assert.Single(data.Mail.To(owner.Email));
        Assert.DoesNotContain("evil.example", mail.Subject + "\n" + mail.Body);
        // Every link in the email is the app's own.
        Assert.All(LinkPattern().Matches(mail.Body), link => Assert.StartsWith(data.BaseUri.AbsoluteUri, link.Value));
        // What the sender wrote is there, on lines marked as quoted and introduced as the sender's words.
        var quoted = mail.Body.Split('\n').Where(line => line.TrimStart().StartsWith('>')).ToList();
        Assert.Contains(quoted, line => line.Contains("verify at", StringComparison.Ordinal));
        Assert.Contains(quoted, line => line.Contains("Security", StringComparison.Ordinal));
        Assert.DoesNotContain(mail.Body.Split('\n').Where(line => !line.TrimStart().StartsWith('>')), line => line.Contains("verify at", StringComparison.Ordinal));
        Assert.Contains("as the sender wrote", mail.Body);
    }

    [Fact]
    public async Task An_acceptance_email_quotes_the_owners_name_and_the_subject()
    {
        var owner = await data.AccountAsync(name: "Owner at evil.example");
        var record = await data.ClaimedRecordAsync(owner);
        var sender = await data.AccountAsync(name: "Sender");
        await data.Collaboration.InviteAsync(sender.Principal, record.Id, "see http://evil.example", "m", data.BaseUri);
        var invitationId = Assert.Single((await data.Collaboration.InboxAsync(owner.Principal)).Value!.Received).Id;

        Assert.True((await data.Collaboration.RespondAsync(owner.Principal, invitationId, true, data.BaseUri)).Succeeded);

        var mail = Assert.Single(data.Mail.To(sender.Email));
        Assert.DoesNotContain("evil.example", mail.Body);
        Assert.All(LinkPattern().Matches(mail.Body), link => Assert.StartsWith(data.BaseUri.AbsoluteUri, link.Value));
    }

    [Fact]
    public async Task A_replaced_owner_cannot_accept_an_invitation_sent_to_the_record()
    {
        var formerOwner = await data.AccountAsync(name: "Former");
        var record = await data.ClaimedRecordAsync(formerOwner);
        var sender = await data.AccountAsync(name: "Sender");
        Assert.True((await data.Collaboration.InviteAsync(sender.Principal, record.Id, "Subject", "Message", data.BaseUri)).Succeeded);
        var invitationId = Assert.Single((await data.Collaboration.InboxAsync(formerOwner.Principal)).Value!.Received).Id;

        // The record changes hands by a path that leaves the invitation open (the reviewer's paths close it as well).
        var newOwner = await data.AccountAsync(name: "Rightful");
        await using (var change = await data.Factory.CreateDbContextAsync())
            await change.AuthorClaims.Where(c => c.ResearcherId == record.Id && c.Status == ClaimStatus.Approved)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.UserId, newOwner.Id));

        var accepted = await data.Collaboration.RespondAsync(formerOwner.Principal, invitationId, true, data.BaseUri);

        Assert.Equal(OutcomeKind.Forbidden, accepted.Kind);
        Assert.Contains("no longer", accepted.Message);
        await using var db = await data.Factory.CreateDbContextAsync();
        Assert.False(await db.Conversations.AnyAsync(c => c.ResearcherId == record.Id));
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
