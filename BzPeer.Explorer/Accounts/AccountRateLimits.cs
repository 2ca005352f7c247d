using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace BzPeer.Explorer.Accounts;

/// <summary>
/// The <c>Accounts:RateLimits</c> section: how many form posts a client may make in a window, per kind. Every form that
/// signs in, sends an email or checks a secret is counted per client address (an IPv6 client by its /64; behind a
/// proxy, the forwarded address only from a known proxy), and the signed-in ones per account as well; invitations per
/// account. Counters are kept per app instance.
/// </summary>
public sealed class AccountRateLimits
{
    public const string Section = "Accounts:RateLimits";

    public Window SignIn { get; set; } = new() { PermitLimit = 10, Span = TimeSpan.FromMinutes(1) };
    public Window Register { get; set; } = new() { PermitLimit = 5, Span = TimeSpan.FromMinutes(10) };
    /// <summary>Forgot-password and resend-confirmation: each sends an email.</summary>
    public Window AccountEmail { get; set; } = new() { PermitLimit = 5, Span = TimeSpan.FromMinutes(10) };
    /// <summary>The reset page: each post checks a reset code.</summary>
    public Window PasswordReset { get; set; } = new() { PermitLimit = 5, Span = TimeSpan.FromMinutes(10) };
    /// <summary>The change-password page: each post checks the current password.</summary>
    public Window ChangePassword { get; set; } = new() { PermitLimit = 5, Span = TimeSpan.FromMinutes(15) };
    /// <summary>The email page: each post sends a confirmation link to an address the account names, perhaps a stranger's.</summary>
    public Window EmailChange { get; set; } = new() { PermitLimit = 3, Span = TimeSpan.FromHours(1) };
    /// <summary>Posts of the invitation form; the daily limit of invitations is kept separately, in the database.</summary>
    public Window Invitation { get; set; } = new() { PermitLimit = 5, Span = TimeSpan.FromMinutes(10) };

    public sealed class Window
    {
        public int PermitLimit { get; set; }
        public TimeSpan Span { get; set; }
    }

    /// <summary>Which window a post counts against, and whether per address, per account or both; null for posts that are not limited.</summary>
    private (string Kind, Window Window, bool PerAddress, bool PerAccount)? LimitFor(HttpContext context)
    {
        // Routing ignores case and a trailing slash, so the comparison does too.
        var path = (context.Request.Path.Value ?? "").TrimEnd('/').ToLowerInvariant();
        return path switch
        {
            "/account/login" => ("sign-in", SignIn, true, false),
            "/account/register" => ("register", Register, true, false),
            "/account/forgotpassword" or "/account/resendemailconfirmation" => ("account-email", AccountEmail, true, false),
            "/account/resetpassword" => ("password-reset", PasswordReset, true, false),
            "/account/manage/changepassword" => ("change-password", ChangePassword, true, true),
            "/account/manage/email" => ("email-change", EmailChange, true, true),
            _ when path.StartsWith("/researchers/", StringComparison.Ordinal) && path.EndsWith("/invite", StringComparison.Ordinal)
                => ("invitation", Invitation, false, true),
            _ => null,
        };
    }

    /// <summary>
    /// One global limiter that picks a window by what is posted, chained over two counters: the client's address and
    /// the signed-in account (a visitor posting a per-account form is counted by address). Page views pass freely.
    /// </summary>
    public void Configure(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        var byAddress = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            LimitFor(context) is { } limit && HttpMethods.IsPost(context.Request.Method)
                && (limit.PerAddress || SignedInUser.IdOf(context.User) is null)
                ? Partition($"{limit.Kind}:address:{ClientAddress.KeyOf(context.Connection.RemoteIpAddress)}", limit.Window)
                : RateLimitPartition.GetNoLimiter(""));
        var byAccount = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            LimitFor(context) is { PerAccount: true } limit && HttpMethods.IsPost(context.Request.Method)
                && SignedInUser.IdOf(context.User) is { } account
                ? Partition($"{limit.Kind}:account:{account}", limit.Window)
                : RateLimitPartition.GetNoLimiter(""));
        options.GlobalLimiter = PartitionedRateLimiter.CreateChained(byAddress, byAccount);
        options.OnRejected = async (rejected, cancellationToken) =>
        {
            var response = rejected.HttpContext.Response;
            if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many attempts · BzPeer Explorer</title></head>" +
                "<body style=\"font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem\">" +
                "<h1>Too many attempts</h1><p>This form was sent too often in a short time, so this attempt was not carried out. Wait a few minutes, then go back and try again.</p>" +
                "<p><a href=\"/\">BzPeer Explorer</a></p></body></html>", cancellationToken);
        };
    }

    private static RateLimitPartition<string> Partition(string key, Window window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, window.PermitLimit),
            Window = window.Span > TimeSpan.Zero ? window.Span : TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
