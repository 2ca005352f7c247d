namespace BzPeer.Explorer.Accounts.Collaboration;

public enum CollaborationChangeKind
{
    MessagePosted,
    /// <summary>The account read messages (its unread count fell); conversation pages ignore it.</summary>
    MessagesRead,
    InvitationsChanged,
    /// <summary>A block was made or lifted.</summary>
    ConversationsChanged,
}

/// <summary>Something changed for an account: the listener reloads through the service, which checks what it may see.</summary>
public sealed record CollaborationChange(CollaborationChangeKind Kind, int? ConversationId = null);

/// <summary>
/// Tells open pages (Blazor Server circuits in this process) that an account's conversations or invitations changed,
/// so a new message appears without a reload. Listeners subscribe for the signed-in account and dispose the
/// subscription with the component. Carries no content: only which account and which conversation.
/// </summary>
public sealed class CollaborationNotifier(ILogger<CollaborationNotifier> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Subscription>> _byUser = new(StringComparer.Ordinal);

    public IDisposable Subscribe(string userId, Func<CollaborationChange, Task> listener)
    {
        var subscription = new Subscription(this, userId, listener);
        lock (_gate)
        {
            if (!_byUser.TryGetValue(userId, out var list)) _byUser[userId] = list = [];
            list.Add(subscription);
        }
        return subscription;
    }

    public void Publish(CollaborationChange change, params IEnumerable<string> userIds)
    {
        List<Subscription> listeners;
        lock (_gate)
        {
            listeners = userIds.Distinct(StringComparer.Ordinal)
                .SelectMany(id => _byUser.TryGetValue(id, out var list) ? list : [])
                .ToList();
        }
        foreach (var listener in listeners) _ = NotifyAsync(listener, change);
    }

    internal int ListenerCount(string userId)
    {
        lock (_gate) return _byUser.TryGetValue(userId, out var list) ? list.Count : 0;
    }

    private async Task NotifyAsync(Subscription subscription, CollaborationChange change)
    {
        try
        {
            await subscription.Listener(change);
        }
        catch (Exception e)
        {
            // A listener's failure (a closed circuit, say) must not reach the sender of the message.
            logger.LogWarning(e, "A collaboration listener failed on {Change}", change);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            if (!_byUser.TryGetValue(subscription.UserId, out var list)) return;
            list.Remove(subscription);
            if (list.Count == 0) _byUser.Remove(subscription.UserId);
        }
    }

    private sealed class Subscription(CollaborationNotifier owner, string userId, Func<CollaborationChange, Task> listener) : IDisposable
    {
        public string UserId => userId;
        public Func<CollaborationChange, Task> Listener => listener;
        public void Dispose() => owner.Remove(this);
    }
}
