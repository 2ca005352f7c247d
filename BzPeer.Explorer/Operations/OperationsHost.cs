namespace BzPeer.Explorer.Operations;

/// <summary>What the operator needs: health endpoint, security headers, HTTPS outside Development, the proxies to believe.</summary>
public static class OperationsHost
{
    public const string HealthPath = "/healthz";

    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.AddKnownProxies();
        return builder;
    }

    /// <summary>
    /// First in the pipeline (after the forwarded headers, which say who the client is), so even error pages and static files carry the headers. HTTPS redirection only acts
    /// when the app knows its HTTPS port (an https URL in ASPNETCORE_URLS, or ASPNETCORE_HTTPS_PORTS behind a proxy);
    /// on plain http alone it logs that and serves as is.
    /// </summary>
    public static WebApplication UseOperations(this WebApplication app)
    {
        app.UseKnownProxies();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        return app;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath);
        return app;
    }
}
