using BzPeer.Explorer.Accounts.Claims;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Tests.Accounts;

[Collection(AccountsDatabaseCollection.Name)]
public class AddReviewerCommandTests(AccountsDatabase data)
{
    [Fact]
    public async Task The_verb_makes_an_existing_account_a_reviewer_once()
    {
        var account = await data.AccountAsync();
        var connection = await ConnectionStringAsync();
        var output = new StringWriter();

        var first = await AddReviewerCommand.RunAsync(["add-reviewer", account.Email, $"--ConnectionStrings:Explorer={connection}"], output, new StringWriter());
        var second = await AddReviewerCommand.RunAsync(["add-reviewer", account.Email, $"--ConnectionStrings:Explorer={connection}"], output, new StringWriter());

        Assert.Equal((0, 0), (first, second));
        Assert.Contains("is now a reviewer", output.ToString());
        Assert.Contains("is already a reviewer", output.ToString());
        Assert.True(await data.Claims.IsReviewerAsync(account.Principal));
    }

    [Theory]
    [InlineData(new[] { "add-reviewer" }, 2, "Usage: add-reviewer EMAIL")]
    [InlineData(new[] { "add-reviewer", "a@b.example", "c@d.example" }, 2, "Usage: add-reviewer EMAIL")]
    [InlineData(new[] { "add-reviewer", "not an email" }, 2, "is not an email address")]
    public async Task Bad_arguments_get_the_usage(string[] args, int exitCode, string message)
    {
        var error = new StringWriter();
        Assert.Equal(exitCode, await AddReviewerCommand.RunAsync(args, new StringWriter(), error));
        Assert.Contains(message, error.ToString());
    }

    [Fact]
    public async Task An_unknown_email_or_a_missing_database_changes_nothing_and_says_why()
    {
        var error = new StringWriter();
        var unknown = await AddReviewerCommand.RunAsync(["add-reviewer", "nobody@example.org", $"--ConnectionStrings:Explorer={await ConnectionStringAsync()}"], new StringWriter(), error);
        var missingPath = Path.Combine(Path.GetTempPath(), "bzpeer-tests", Guid.NewGuid().ToString("N"), "none.db");
        var missing = await AddReviewerCommand.RunAsync(["add-reviewer", "nobody@example.org", $"--ConnectionStrings:Explorer=Data Source={missingPath}"], new StringWriter(), error);

        Assert.Equal((1, 1), (unknown, missing));
        Assert.Contains("No account has the email nobody@example.org", error.ToString());
        Assert.Contains("There is no database at", error.ToString());
        Assert.False(File.Exists(missingPath));
    }

    private async Task<string> ConnectionStringAsync()
    {
        await using var db = await data.Factory.CreateDbContextAsync();
        return db.Database.GetConnectionString()!;
    }
}
