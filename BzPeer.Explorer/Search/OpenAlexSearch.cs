using System.Text.Json;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace BzPeer.Explorer.Search;

/// <summary>One of OpenAlex's matches for a search, not stored here; its address makes the profile page fetch it.</summary>
public sealed record OpenAlexMatch(SearchKind Kind, string OpenAlexId, string Name, string? Hint)
{
    public string Link => $"{SearchRequest.AddressName(Kind)}/{OpenAlexId}";
}

/// <summary>OpenAlex's matches, or why there are none (null when OpenAlex was not asked, or answered).</summary>
public sealed record OpenAlexMatches(IReadOnlyList<OpenAlexMatch> Matches, string? Note)
{
    public static readonly OpenAlexMatches None = new([], null);
}

/// <summary>
/// Search reaching OpenAlex when the database has few matches: OpenAlex's autocomplete endpoint, priced and counted
/// as a list call, asked with a short wait; answers are kept per kind and query for a few minutes, and records
/// already stored are left out. Switched off, unreachable, slow or over budget, it answers no matches (with a note)
/// and never throws.
/// </summary>
public sealed class OpenAlexSearch(
    IHttpClientFactory httpClients, IOptions<OpenAlexOptions> options, ListCallBudget budget, IMemoryCache cache,
    IDbContextFactory<ExplorerDbContext> dbFactory, ILogger<OpenAlexSearch> logger)
{
    /// <summary>Below this many local matches of a kind, OpenAlex is asked too.</summary>
    public const int FewLocalMatches = 5;

    /// <summary>How long a search waits for OpenAlex before showing local results alone.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan Kept = TimeSpan.FromMinutes(5);

    public bool Enabled => options.Value.Enabled;

    /// <summary>OpenAlex's matches of one kind (the results page's tab).</summary>
    public Task<OpenAlexMatches> FindAsync(SearchKind kind, string? text, CancellationToken cancellationToken = default) =>
        FindAsync((SearchKind?)kind, text, cancellationToken);

    /// <summary>
    /// OpenAlex's matches of every kind the app shows (researchers, papers, topics, institutions), from one call to its
    /// autocomplete endpoint without a kind: the app bar's suggestions, at the price of one list call.
    /// </summary>
    public Task<OpenAlexMatches> FindAnyKindAsync(string? text, CancellationToken cancellationToken = default) =>
        FindAsync(null, text, cancellationToken);

    private async Task<OpenAlexMatches> FindAsync(SearchKind? kind, string? text, CancellationToken cancellationToken)
    {
        var query = SearchTerms.Parse(text).IsEmpty ? "" : text!.Trim();
        if (!Enabled || query.Length == 0) return OpenAlexMatches.None;
        var key = (nameof(OpenAlexSearch), kind, query.ToLowerInvariant());
        if (!cache.TryGetValue(key, out IReadOnlyList<OpenAlexMatch>? found) || found is null)
        {
            try
            {
                found = await AskAsync(kind, query, cancellationToken);
            }
            catch (OpenAlexProblem problem)
            {
                logger.LogInformation("Search did not reach OpenAlex: {Problem}", problem.Message);
                return new([], problem.Kind == OpenAlexProblemKind.BudgetSpent
                    ? "OpenAlex's matches are not shown: today's allowance of OpenAlex calls is spent."
                    : "OpenAlex's matches are not shown: OpenAlex did not answer.");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new([], "OpenAlex's matches are not shown: OpenAlex did not answer in time.");
            }
            cache.Set(key, found, Kept);
        }
        return new(await WithoutStoredAsync(found, cancellationToken), null);
    }

    private async Task<IReadOnlyList<OpenAlexMatch>> AskAsync(SearchKind? kind, string query, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(Wait);
        var client = new OpenAlexClient(httpClients.CreateClient(OpenAlexClient.Name), options.Value, budget);
        var path = kind is { } one ? $"autocomplete/{Entity(one)}" : "autocomplete";
        using var answer = await client.GetListAsync(path, [KeyValuePair.Create("q", query)], wait.Token);
        var matches = new List<OpenAlexMatch>();
        foreach (var result in answer.RootElement.GetProperty("results").EnumerateArray())
        {
            if (result.ValueKind != JsonValueKind.Object || Text(result, "id") is not { } id || Text(result, "display_name") is not { } name) continue;
            var shortId = id[(id.LastIndexOf('/') + 1)..].ToUpperInvariant();
            // Only ids in OpenAlex's form, of a kind the app shows (and of the kind asked for, if one was), become addresses.
            if (shortId.Length < 2 || shortId.Length > 20 || !shortId[1..].All(char.IsAsciiDigit)) continue;
            if (KindOf(shortId[0]) is not { } found || (kind is not null && found != kind)) continue;
            matches.Add(new OpenAlexMatch(found, shortId, name, Text(result, "hint")));
        }
        return matches.DistinctBy(m => m.OpenAlexId).ToList();
    }

    private async Task<IReadOnlyList<OpenAlexMatch>> WithoutStoredAsync(IReadOnlyList<OpenAlexMatch> matches, CancellationToken cancellationToken)
    {
        if (matches.Count == 0) return matches;
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var group in matches.GroupBy(m => m.Kind))
        {
            var ids = group.Select(m => m.OpenAlexId).ToList();
            known.UnionWith(group.Key switch
            {
                SearchKind.Researchers => await db.Researchers.Where(r => ids.Contains(r.OpenAlexId!)).Select(r => r.OpenAlexId!).ToListAsync(cancellationToken),
                SearchKind.Works => await db.Works.Where(w => ids.Contains(w.OpenAlexId!)).Select(w => w.OpenAlexId!).ToListAsync(cancellationToken),
                SearchKind.Topics => await db.Topics.Where(t => ids.Contains(t.OpenAlexId!)).Select(t => t.OpenAlexId!).ToListAsync(cancellationToken),
                _ => await db.Institutions.Where(i => ids.Contains(i.OpenAlexId!)).Select(i => i.OpenAlexId!).ToListAsync(cancellationToken),
            });
        }
        return matches.Where(m => !known.Contains(m.OpenAlexId)).ToList();
    }

    private static string? Text(JsonElement record, string field) =>
        record.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString() : null;

    private static string Entity(SearchKind kind) => kind switch
    {
        SearchKind.Researchers => "authors", SearchKind.Works => "works", SearchKind.Topics => "topics", _ => "institutions",
    };

    private static SearchKind? KindOf(char prefix) => prefix switch
    {
        'A' => SearchKind.Researchers, 'W' => SearchKind.Works, 'T' => SearchKind.Topics, 'I' => SearchKind.Institutions, _ => null,
    };
}
