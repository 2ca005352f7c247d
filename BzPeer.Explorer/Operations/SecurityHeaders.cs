using System.Security.Cryptography;

namespace BzPeer.Explorer.Operations;

/// <summary>
/// Headers on every response: a Content-Security-Policy that allows the app's own origin only, nosniff, a referrer
/// policy and no framing. Scripts come from the app itself; the one inline script, the import map Blazor renders,
/// carries a per-request nonce. Styles allow inline ones, because MudBlazor's theme and Blazor.Diagrams' node
/// positions are set as style attributes. 'self' covers the circuit's WebSocket to the same host.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "csp-nonce";

    public static string Policy(string nonce) => string.Join("; ",
        "default-src 'self'",
        $"script-src 'self' 'nonce-{nonce}'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'");

    /// <summary>The nonce of this request's policy, for the inline scripts the page itself renders.</summary>
    public static string Nonce(this HttpContext context) => (string)context.Items[NonceKey]!;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
