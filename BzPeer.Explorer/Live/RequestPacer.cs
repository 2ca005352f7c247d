using Microsoft.Extensions.Options;

namespace BzPeer.Explorer.Live;

/// <summary>
/// Keeps this instance's requests to OpenAlex at most OpenAlex:RequestsPerSecond in any second, for all users
/// together (a singleton). A request starts only when the request that many places before it started over a second
/// ago. (System.Threading.RateLimiting's limiters count per window or per refill tick, which lets twice the rate
/// through across a window's edge.)
/// </summary>
public sealed class RequestPacer(IOptions<OpenAlexOptions> options)
{
    // A little more than a second, so that requests held up on their way cannot arrive closer together than that.
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1.1);
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Queue<long> _starts = new();

    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        var limit = Math.Max(1, options.Value.RequestsPerSecond);
        await _turn.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var now = TimeProvider.System.GetTimestamp();
                while (_starts.Count > 0 && TimeProvider.System.GetElapsedTime(_starts.Peek(), now) >= Window) _starts.Dequeue();
                if (_starts.Count < limit)
                {
                    _starts.Enqueue(now);
                    return;
                }
                await Task.Delay(Window - TimeProvider.System.GetElapsedTime(_starts.Peek(), now), cancellationToken);
            }
        }
        finally
        {
            _turn.Release();
        }
    }
}
