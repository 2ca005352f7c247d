using Microsoft.Extensions.Options;

namespace BzPeer.Explorer.Live;

/// <summary>
/// Keeps this instance's requests to OpenAlex at most OpenAlex:RequestsPerSecond in any second, for all users
/// together (a singleton), as OpenAlex counts them: on arrival. A request starts only when the request that many places
/// before it was answered (so had arrived) over a second ago; one still unanswered holds its place. A slow first
/// connection therefore cannot bunch requests together at OpenAlex's end. (System.Threading.RateLimiting's limiters
/// count starts per window or per refill tick, which lets twice the rate through across a window's edge.)
/// </summary>
public sealed class RequestPacer(IOptions<OpenAlexOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    // How often to look again while every place is held by a request still waiting for its answer.
    private static readonly TimeSpan InFlightPoll = TimeSpan.FromMilliseconds(20);
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Lock _lock = new();
    private readonly List<Turn> _turns = [];

    /// <summary>A place among the requests of the last second; <see cref="Answered"/> once its answer (or failure) is in.</summary>
    public sealed class Turn
    {
        internal long? AnsweredAt;
    }

    public async Task<Turn> WaitTurnAsync(CancellationToken cancellationToken)
    {
        var limit = Math.Max(1, options.Value.RequestsPerSecond);
        await _turn.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_lock)
                {
                    var now = TimeProvider.System.GetTimestamp();
                    _turns.RemoveAll(t => t.AnsweredAt is { } at && TimeProvider.System.GetElapsedTime(at, now) >= Window);
                    if (_turns.Count < limit)
                    {
                        var turn = new Turn();
                        _turns.Add(turn);
                        return turn;
                    }
                    var answered = _turns.Where(t => t.AnsweredAt is not null).Select(t => Window - TimeProvider.System.GetElapsedTime(t.AnsweredAt!.Value, now)).ToList();
                    wait = answered.Count > 0 ? answered.Min() : InFlightPoll;
                }
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), cancellationToken);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Answered(Turn turn)
    {
        lock (_lock) turn.AnsweredAt = TimeProvider.System.GetTimestamp();
    }
}
