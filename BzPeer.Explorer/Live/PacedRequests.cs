namespace BzPeer.Explorer.Live;

/// <summary>
/// The innermost handler of the OpenAlex client: every request that goes out, retries included, waits for its turn
/// at the instance's <see cref="RequestPacer"/>, and gives the turn back timed from its answer.
/// </summary>
public sealed class PacedRequests(RequestPacer pacer) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var turn = await pacer.WaitTurnAsync(cancellationToken);
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            pacer.Answered(turn);
        }
    }
}
