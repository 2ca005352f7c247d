namespace BzPeer.Explorer.Live;

/// <summary>
/// The innermost handler of the OpenAlex client: every request that goes out, retries included, waits for its turn
/// at the instance's <see cref="RequestPacer"/>.
/// </summary>
public sealed class PacedRequests(RequestPacer pacer) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await pacer.WaitTurnAsync(cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
