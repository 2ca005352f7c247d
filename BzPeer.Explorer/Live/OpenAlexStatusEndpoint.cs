using System.Globalization;
using Microsoft.Extensions.Options;

namespace BzPeer.Explorer.Live;

/// <summary>
/// <c>GET /healthz/openalex</c>: whether this instance reads from OpenAlex, and how much of the day's list-call budget
/// it has used, for whoever runs it. The key itself is never shown, only whether one is set.
/// </summary>
public static class OpenAlexStatusEndpoint
{
    public const string Path = "/healthz/openalex";

    public static void MapOpenAlexStatus(this WebApplication app) => app.MapGet(Path, (IOptions<OpenAlexOptions> options, ListCallBudget budget) =>
    {
        var o = options.Value;
        return Results.Text(string.Create(CultureInfo.InvariantCulture, $"""
            enabled: {(o.Enabled ? "yes" : "no")}
            base url: {o.BaseUrl}
            api key: {(string.IsNullOrWhiteSpace(o.ApiKey) ? "not set" : "set")}
            requests per second: {o.RequestsPerSecond}
            list calls today: {budget.UsedToday} of {budget.Limit} ({budget.Remaining} left; resets at midnight UTC)
            refresh after: {o.RefreshAfter}
            """), "text/plain");
    });
}
