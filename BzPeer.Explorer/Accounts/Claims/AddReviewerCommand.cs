using System.CommandLine;
using System.Net.Mail;
using BzPeer.Explorer.Cli;
using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Accounts.Claims;

/// <summary>The command-line verb <c>add-reviewer EMAIL</c>: makes an existing account a reviewer of author claims.</summary>
public sealed class AddReviewerCommand : IVerb
{
    public const string Verb = "add-reviewer";

    public string Details => """
        The account must exist (register it at /Account/Register first); the review queue is at /review/claims.

        Exit code: 0 when the account is a reviewer (now or already); 64 for bad arguments; 1 when there is no
        such account or no database.
        """;

    private readonly Argument<string> _email = new Argument<string>("EMAIL") { Description = "the account's email address" }.OptionsRefused();
    private readonly Option<string> _db = VerbDatabase.CreateOption("the SQLite database (default: the configured Database:Provider and ConnectionStrings:Explorer, as the app uses them)");

    public AddReviewerCommand()
    {
        _email.Validators.Add(result =>
        {
            var email = result.GetValueOrDefault<string>()?.Trim() ?? "";
            if (!email.StartsWith('-') && (!MailAddress.TryCreate(email, out var address) || address.Address != email)) result.AddError($"'{email}' is not an email address");
        });
        Command = new Command(Verb, "Makes an existing account a reviewer of author claims.") { _email, _db };
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult parse, VerbRun run, CancellationToken cancellationToken)
    {
        var email = parse.GetValue(_email)!.Trim();
        var location = run.Database.Location;
        var file = location.Describe();
        if (location.Provider == DatabaseProvider.Sqlite && !File.Exists(file))
            throw new VerbFailure($"There is no database at {file}. Start the app once and register the account first.");

        await using var db = await run.Services.GetRequiredService<IDbContextFactory<ExplorerDbContext>>().CreateDbContextAsync(cancellationToken);
        switch (await Reviewers.AddAsync(db, email, cancellationToken))
        {
            case Reviewers.AddResult.NoSuchAccount:
                throw new VerbFailure($"No account has the email {email} in {file}. Register it at /Account/Register first.");
            case Reviewers.AddResult.AlreadyReviewer:
                run.Output.Line($"{email} is already a reviewer.");
                return ExitCodes.Success;
            default:
                run.Output.Line($"{email} is now a reviewer: the review queue is at /review/claims.");
                return ExitCodes.Success;
        }
    }
}
