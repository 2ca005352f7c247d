using Microsoft.AspNetCore.Components;

namespace BzPeer.Explorer.Live;

/// <summary>
/// What a profile page does for an address whose record is not stored: when the address names it by an id OpenAlex
/// knows, the prerendered page says it is fetching, and the interactive page fetches it and moves to the stored
/// record's own address, or says why it could not. Shared by the researcher, work, institution and topic pages.
/// </summary>
internal static class LivePageFetch
{
    /// <param name="show">Shows the fetching state or the problem on the page (and renders it).</param>
    /// <param name="addressOf">The page address of the stored record with this OpenAlex id, or null when there is none.</param>
    /// <returns>False when the page should answer "not found": no such id, OpenAlex switched off, or OpenAlex has no such record.</returns>
    public static async Task<bool> TryAsync(OpenAlexFetcher fetcher, LiveKey? key, string what, bool interactive, bool withNeighbourhood,
        Action<LiveFetchPanel.LiveFetchState?> show, Func<string, Task<string?>> addressOf, NavigationManager navigation)
    {
        if (key is null || !fetcher.Enabled) return false;
        var fetching = new LiveFetchPanel.LiveFetchState($"{what} {key.ApiId}", null);
        show(fetching);
        if (!interactive) return true;
        var outcome = await fetcher.FetchForPageAsync(key, withNeighbourhood);
        if (outcome.Status == LiveStatus.NotFound)
        {
            show(null);
            return false;
        }
        if (!outcome.HasRecord)
        {
            show(fetching with { Problem = outcome.Message });
            return true;
        }
        if (await addressOf(outcome.OpenAlexId!) is not { } address)
        {
            show(null);
            return false;
        }
        navigation.NavigateTo(address, replace: true);
        return true;
    }
}
