using System.Net.Mail;
using BzPeer.Explorer.Data;

namespace BzPeer.Explorer.Accounts.Claims;

/// <summary>
/// The command-line verb <c>add-reviewer EMAIL</c>: makes an existing account a reviewer of author claims. It reads the
/// database location the way the app does (appsettings, environment, <c>--ConnectionStrings:Explorer=…</c>).
/// </summary>
public static class AddReviewerCommand
{
    public const string Verb = "add-reviewer";

    private const string Usage = "Usage: add-reviewer EMAIL [--ConnectionStrings:Explorer=\"Data Source=…\"]";

    /// <param name="args">The whole command line, starting with the verb.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var operands = args.Skip(1).Where(a => !a.StartsWith('-')).ToList();
        if (args.FirstOrDefault() != Verb || operands.Count != 1)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        var email = operands[0].Trim();
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            await error.WriteLineAsync($"'{email}' is not an email address. {Usage}");
            return 2;
        }

        var settings = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args.Skip(1).Where(a => a.StartsWith('-')).ToArray() });
        DatabaseLocation location;
        try
        {
            location = ExplorerDatabase.Locate(settings.Configuration, settings.Environment.ContentRootPath);
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
        var file = location.Describe();
        if (location.Provider == DatabaseProvider.Sqlite && !File.Exists(file))
        {
            await error.WriteLineAsync($"There is no database at {file}. Start the app once and register the account first.");
            return 1;
        }

        var factory = ExplorerDatabase.CreateFactory(location);
        await using var db = await factory.CreateDbContextAsync();
        var result = await Reviewers.AddAsync(db, email);
        switch (result)
        {
            case Reviewers.AddResult.NoSuchAccount:
                await error.WriteLineAsync($"No account has the email {email} in {file}. Register it at /Account/Register first.");
                return 1;
            case Reviewers.AddResult.AlreadyReviewer:
                await output.WriteLineAsync($"{email} is already a reviewer.");
                return 0;
            default:
                await output.WriteLineAsync($"{email} is now a reviewer: the review queue is at /review/claims.");
                return 0;
        }
    }
}
