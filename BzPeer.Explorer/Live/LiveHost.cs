using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace BzPeer.Explorer.Live;

/// <summary>The live OpenAlex API's services: its settings, the instance's pace and budget, the client and the fetcher.</summary>
public static class LiveHost
{
    public static IServiceCollection AddOpenAlexLive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OpenAlexOptions>().Bind(configuration.GetSection(OpenAlexOptions.Section))
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https", "OpenAlex:BaseUrl must be an http(s) address")
            .Validate(o => o.RequestsPerSecond > 0 && o.DailyListCalls >= 0 && o.Timeout > TimeSpan.Zero,
                "OpenAlex:RequestsPerSecond and OpenAlex:Timeout must be above zero, OpenAlex:DailyListCalls not below")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RequestPacer>();
        services.AddSingleton<ListCallBudget>();
        services.AddSingleton<OpenAlexFetcher>();
        services.AddSingleton<Graph.INeighbourhoodSource>(provider => provider.GetRequiredService<OpenAlexFetcher>());
        services.AddMemoryCache();
        services.AddTransient<PacedRequests>();
        var client = services.AddHttpClient(OpenAlexClient.Name, http =>
            {
                // The resilience pipeline times requests out; the client's own timeout would only cut it short.
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.DefaultRequestHeaders.UserAgent.ParseAdd("BzPeerExplorer/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All });
        client.AddResilienceHandler("openalex", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<OpenAlexOptions>>().Value;
                pipeline.AddTimeout(options.Timeout);
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    BackoffType = DelayBackoffType.Exponential,
                    // No jitter: the pacer already spreads this instance's requests, and the pause stays predictable.
                    UseJitter = false,
                    Delay = TimeSpan.FromSeconds(0.5),
                    // OpenAlex may ask to wait hours when a day's allowance is spent: a person browsing does not wait that.
                    MaxDelay = TimeSpan.FromSeconds(2),
                    // OpenAlex answers 403 as well as 429 when a limit is passed.
                    ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)
                        || args.Outcome.Result?.StatusCode == HttpStatusCode.Forbidden),
                });
                pipeline.AddTimeout(options.Timeout / 2);
            });
        // Added after the resilience handler, so inside it: every attempt, retries included, waits for its turn.
        client.AddHttpMessageHandler<PacedRequests>();
        return services;
    }
}
