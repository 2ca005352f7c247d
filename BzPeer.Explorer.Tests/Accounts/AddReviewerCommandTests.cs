using BzPeer.Explorer.Cli;
using BzPeer.Explorer.Tests.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace BzPeer.Explorer.Tests.Accounts;

[Collection(AccountsDatabaseCollection.Name)]
public class AddReviewerCommandTests(AccountsDatabase data)
{
    [Fact]
    public async Task The_verb_makes_an_existing_account_a_reviewer_once()
    {
        var account = await data.AccountAsync();
        var configuration = await ConfigurationAsync();

        var first = await Verbs.RunAsync(configuration, "add-reviewer", account.Email);
        var second = await Verbs.RunAsync(configuration, "add-reviewer", account.Email);

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (first.ExitCode, second.ExitCode));
        Assert.Equal([$"{account.Email} is now a reviewer: the review queue is at /review/claims."], first.Output);
        Assert.Equal([$"{account.Email} is already a reviewer."], second.Output);
        Assert.True(await data.Claims.IsReviewerAsync(account.Principal));
    }

    [Theory]
    [InlineData(new[] { "add-reviewer" }, "error: add-reviewer: Required argument 'EMAIL' missing for command: 'add-reviewer' (see add-reviewer --help)")]
    [InlineData(new[] { "add-reviewer", "a@b.example", "c@d.example" }, "error: add-reviewer: Unrecognized command or argument 'c@d.example' (see add-reviewer --help)")]
    [InlineData(new[] { "add-reviewer", "not an email" }, "error: add-reviewer: 'not an email' is not an email address (see add-reviewer --help)")]
    [InlineData(new[] { "add-reviewer", "a@b.example", "--ConnectionStrings:Explorer=Data Source=x.db" }, "error: add-reviewer: Unrecognized command or argument '--ConnectionStrings:Explorer=Data Source=x.db' (see add-reviewer --help)")]
    public async Task Bad_arguments_are_a_usage_error(string[] args, string message)
    {
        var result = await Verbs.RunAsync(await ConfigurationAsync(), args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal([message], result.Errors);
    }

    [Fact]
    public async Task An_unknown_email_or_a_missing_database_changes_nothing_and_says_why()
    {
        var unknown = await Verbs.RunAsync(await ConfigurationAsync(), "add-reviewer", "nobody@example.org");
        var missingPath = Path.Combine(Path.GetTempPath(), "bzpeer-tests", Guid.NewGuid().ToString("N"), "none.db");
        var missing = await Verbs.RunAsync("add-reviewer", "nobody@example.org", "--db", missingPath);

        Assert.Equal((ExitCodes.Failure, ExitCodes.Failure), (unknown.ExitCode, missing.ExitCode));
        Assert.StartsWith("error: No account has the email nobody@example.org", Assert.Single(unknown.Errors));
        Assert.StartsWith($"error: There is no database at {missingPath}", Assert.Single(missing.Errors));
        Assert.False(File.Exists(missingPath));
    }

    private async Task<IConfiguration> ConfigurationAsync()
    {
        await using var db = await data.Factory.CreateDbContextAsync();
        return new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Explorer"] = db.Database.GetConnectionString() })
            .Build();
    }
}
