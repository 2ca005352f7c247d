using Microsoft.Extensions.Options;

namespace BzPeer.Explorer.Live;

/// <summary>
/// The day's allowance of list calls (OpenAlex:DailyListCalls) for this instance: OpenAlex counts list, filter and
/// search calls against a daily allowance that resets at midnight UTC, and lookups by id are free.
/// </summary>
public sealed class ListCallBudget(IOptions<OpenAlexOptions> options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private DateOnly _day;
    private int _used;

    public int Limit => options.Value.DailyListCalls;

    public int UsedToday
    {
        get
        {
            lock (_lock)
            {
                Roll();
                return _used;
            }
        }
    }

    public int Remaining => Math.Max(0, Limit - UsedToday);

    /// <summary>Takes <paramref name="calls"/> from today's allowance; false (and nothing taken) when they do not fit.</summary>
    public bool TryTake(int calls = 1)
    {
        lock (_lock)
        {
            Roll();
            if (_used + calls > Limit) return false;
            _used += calls;
            return true;
        }
    }

    private void Roll()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (today == _day) return;
        _day = today;
        _used = 0;
    }
}
