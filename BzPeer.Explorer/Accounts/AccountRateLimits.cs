using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace BzPeer.Explorer.Accounts;

/// <summary>
/// The <c>Accounts:RateLimits</c> section: how many form posts a client may make in a window, per kind. Sign-in,
/// registration and the account emails are counted per client address (behind a proxy, configure forwarded headers so
/// that is the visitor's); invitations per signed-in account.
/// </summary>
public sealed class AccountRateLimits
{
    public const string Section = "Accounts:RateLimits";

    public Window SignIn { get; set; } = new() { PermitLimit = 10, Span = TimeSpan.FromMinutes(1) };
    public Window Register { get; set; } = new() { PermitLimit = 5, Span = TimeSpan.FromMinutes(10) };
    /// <summary>Forgot-password and resend-confirmation: each sends an email.</summary>
    public Window AccountEmail { get; set; } = new() { PermitLimit = 5, Span = TimeSpan.FromMinutes(10) };
    /// <summary>Posts of the invitation form; the daily limit of invitations is kept separately, in the database.</summary>
    public Window Invitation { get; set; } = new() { PermitLimit = 5, Span = TimeSpan.FromMinutes(10) };

    public sealed class Window
    {
        public int PermitLimit { get; set; }
        public TimeSpan Span { get; set; }
    }

    /// <summary>Which window a post counts against, and for whom; null for posts that are not limited.</summary>
    private (string Kind, Window Window, string Key)? LimitFor(HttpContext context)
    {
        // Routing ignores case and a trailing slash, so the comparison does too.
        var path = (context.Request.Path.Value ?? "").TrimEnd('/').ToLowerInvariant();
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return path switch
        {
            "/account/login" => ("sign-in", SignIn, client),
            "/account/register" => ("register", Register, client),
            "/account/forgotpassword" or "/account/resendemailconfirmation" => ("account-email", AccountEmail, client),
            _ when path.StartsWith("/researchers/", StringComparison.Ordinal) && path.EndsWith("/invite", StringComparison.Ordinal)
                => ("invitation", Invitation, SignedInUser.IdOf(context.User) ?? client),
            _ => null,
        };
    }

    /// <summary>One global limiter that picks a window by what is posted; page views and everything else pass freely.</summary>
    public void Configure(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!HttpMethods.IsPost(context.Request.Method) || LimitFor(context) is not { } limit)
                return RateLimitPartition.GetNoLimiter("");
            return RateLimitPartition.GetFixedWindowLimiter($"{limit.Kind}:{limit.Key}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, limit.Window.PermitLimit),
                Window = limit.Window.Span > TimeSpan.Zero ? limit.Window.Span : TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        });
        options.OnRejected = async (rejected, cancellationToken) =>
        {
            var response = rejected.HttpContext.Response;
            if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many attempts · BzPeer Explorer</title></head>" +
                "<body style=\"font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem\">" +
                "<h1>Too many attempts</h1><p>This form was sent too often from here in a short time. Wait a few minutes, then go back and try again.</p>" +
                "<p><a href=\"/\">BzPeer Explorer</a></p></body></html>", cancellationToken);
        };
    }
}
