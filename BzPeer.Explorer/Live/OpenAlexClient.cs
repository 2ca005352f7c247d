using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace BzPeer.Explorer.Live;

/// <summary>
/// The OpenAlex API over the named HttpClient <see cref="Name"/> (retries, timeouts and the instance's pace are in its
/// handlers): lookups of one record, which are free, and list calls, which take from the day's budget first. Every
/// request carries api_key= and mailto= when they are set. Redirects (OpenAlex answers 301 for a merged record) are
/// followed here, each as a paced request, and only to OpenAlex's own host, so the key goes nowhere else.
/// </summary>
public sealed class OpenAlexClient(HttpClient http, OpenAlexOptions options, ListCallBudget budget)
{
    public const string Name = "OpenAlex";
    private const int MostRedirects = 3;

    /// <summary>A record by its id (W…, A…) or another id OpenAlex reads ("orcid:…", "doi:…", "ror:…"); null when OpenAlex has none.</summary>
    public async Task<JsonDocument?> GetRecordAsync(string entity, string id, CancellationToken cancellationToken)
    {
        var document = await GetAsync(Address($"{entity}/{EscapePath(id)}", []), cancellationToken);
        if (document is not null && document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new OpenAlexProblem(OpenAlexProblemKind.BadAnswer, $"OpenAlex's answer for {entity}/{id} is not a record (a JSON object)");
        }
        return document;
    }

    /// <summary>
    /// A page of a list call (filter, sort, paging in <paramref name="query"/>); takes <paramref name="cost"/> list calls
    /// from the day's budget first, and throws <see cref="OpenAlexProblemKind.BudgetSpent"/> when they do not fit.
    /// </summary>
    public async Task<JsonDocument> GetListAsync(string entity, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken, int cost = 1)
    {
        if (!budget.TryTake(cost))
            throw new OpenAlexProblem(OpenAlexProblemKind.BudgetSpent,
                $"today's allowance of OpenAlex list calls ({budget.Limit}) is spent; records already stored still show, and lookups by id still work");
        var document = await GetAsync(Address(entity, query), cancellationToken)
            ?? throw new OpenAlexProblem(OpenAlexProblemKind.BadAnswer, $"OpenAlex answered 404 to a list of {entity}");
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            document.Dispose();
            throw new OpenAlexProblem(OpenAlexProblemKind.BadAnswer, $"OpenAlex's answer to a list of {entity} has no list of results");
        }
        return document;
    }

    private async Task<JsonDocument?> GetAsync(Uri address, CancellationToken cancellationToken)
    {
        for (var hop = 0; ; hop++)
        {
            using var response = await SendAsync(address, cancellationToken);
            if (response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect)
            {
                if (hop >= MostRedirects || response.Headers.Location is not { } location)
                    throw new OpenAlexProblem(OpenAlexProblemKind.BadAnswer, "OpenAlex redirected too often, or nowhere");
                address = FollowTo(address, location);
                continue;
            }
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            if (!response.IsSuccessStatusCode) throw Refused(response.StatusCode);
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            }
            catch (JsonException e)
            {
                throw new OpenAlexProblem(OpenAlexProblemKind.BadAnswer, $"OpenAlex's answer is not valid JSON ({e.Message})", e);
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                throw Unreachable(e);
            }
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri address, CancellationToken cancellationToken)
    {
        try
        {
            return await http.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or IOException
                                  || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw Unreachable(e);
        }
    }

    private OpenAlexProblem Unreachable(Exception e) => e is TimeoutRejectedException or OperationCanceledException
        ? new(OpenAlexProblemKind.Unavailable, $"OpenAlex did not answer within {options.Timeout.TotalSeconds:0} s", e)
        : new(OpenAlexProblemKind.Unavailable, $"OpenAlex cannot be reached ({e.Message})", e);

    private static OpenAlexProblem Refused(HttpStatusCode status) => new(OpenAlexProblemKind.Unavailable, (int)status switch
    {
        429 => "OpenAlex refused: over its limits for now (429)",
        403 => "OpenAlex refused (403: over a limit, or the API key is not accepted)",
        >= 500 => $"OpenAlex failed ({(int)status}); try again later",
        _ => $"OpenAlex refused the request ({(int)status})",
    });

    /// <summary>Where a redirect leads, on OpenAlex's host only, with the key and contact address kept.</summary>
    private Uri FollowTo(Uri from, Uri location)
    {
        var target = location.IsAbsoluteUri ? location : new Uri(from, location);
        var home = new Uri(options.BaseUrl);
        if (!string.Equals(target.Host, home.Host, StringComparison.OrdinalIgnoreCase) || target.Port != home.Port)
            throw new OpenAlexProblem(OpenAlexProblemKind.BadAnswer, $"OpenAlex redirected to another host ({target.Host}); not followed");
        var path = target.AbsolutePath.StartsWith(home.AbsolutePath, StringComparison.Ordinal) ? target.AbsolutePath[home.AbsolutePath.Length..] : target.AbsolutePath;
        var query = System.Web.HttpUtility.ParseQueryString(target.Query);
        return Address(path.TrimStart('/'), query.AllKeys.OfType<string>().Where(k => k is not "api_key" and not "mailto")
            .Select(k => KeyValuePair.Create(k, query[k]!)).ToList());
    }

    /// <summary>The address of <paramref name="path"/> under OpenAlex:BaseUrl, with the query, the key and the contact address.</summary>
    private Uri Address(string path, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var parameters = query.ToList();
        if (!string.IsNullOrWhiteSpace(options.ApiKey)) parameters.Add(KeyValuePair.Create("api_key", options.ApiKey.Trim()));
        if (!string.IsNullOrWhiteSpace(options.Mailto)) parameters.Add(KeyValuePair.Create("mailto", options.Mailto.Trim()));
        var text = options.BaseUrl.TrimEnd('/') + "/" + path;
        if (parameters.Count > 0)
            text += "?" + string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={EscapeValue(p.Value)}"));
        return new Uri(text);
    }

    // OpenAlex reads ids such as doi:10.1/abc in the path as they are, slash and colon included.
    private static string EscapePath(string id) =>
        Uri.EscapeDataString(id).Replace("%2F", "/", StringComparison.OrdinalIgnoreCase).Replace("%3A", ":", StringComparison.OrdinalIgnoreCase);

    // Filters keep their punctuation (author.id:A1|A2, cited_by_count:desc) readable; the rest is escaped.
    private static string EscapeValue(string value) => Uri.EscapeDataString(value)
        .Replace("%3A", ":", StringComparison.OrdinalIgnoreCase).Replace("%7C", "|", StringComparison.OrdinalIgnoreCase)
        .Replace("%2C", ",", StringComparison.OrdinalIgnoreCase);
}
