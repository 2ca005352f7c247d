using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using BzPeer.Explorer.Accounts.Claims;
using BzPeer.Explorer.Accounts.Email;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Tests.Import;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BzPeer.Explorer.Tests.Hosting;

/// <summary>What a person does with the account forms, done over HTTP as a browser without scripts would.</summary>
public static partial class AccountSteps
{
    public const string Password = "correct horse battery";

    /// <summary>Opens a page and posts its statically rendered form (found by its form name), hidden fields and antiforgery token included.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(HttpClient client, string path, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var values = await FormFieldsAsync(client, path, formName);
        foreach (var (name, value) in fields) values[name] = value;
        return await client.PostAsync(path, new FormUrlEncodedContent(values));
    }

    /// <summary>The hidden fields of a page's form: its handler name and antiforgery token.</summary>
    public static async Task<Dictionary<string, string>> FormFieldsAsync(HttpClient client, string path, string formName)
    {
        var html = await client.GetStringAsync(path);
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector("input[name=_handler]")?.GetAttribute("value") == formName)
            ?? throw new InvalidOperationException($"{path} has no form named {formName}.");
        return form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
    }

    /// <summary>A confirmed account made through the app's own user manager, as if registered and confirmed.</summary>
    public static async Task<string> CreateConfirmedAccountAsync(ExplorerApp app, string email, string name = "Test Person")
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ExplorerUser>>();
        var user = new ExplorerUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return user.Id;
    }

    public static async Task MakeReviewerAsync(ExplorerApp app, string email)
    {
        var result = await Verbs.RunAsync(Verbs.ConfigurationOf(app.Database), "add-reviewer", email);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password, string? returnUrl = null)
    {
        var path = returnUrl is null ? "/Account/Login" : $"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        return await SubmitFormAsync(client, path, "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    /// <summary>A client signed in as a new confirmed account.</summary>
    public static async Task<(HttpClient Client, string UserId)> SignedInClientAsync(ExplorerApp app, string email, string name = "Test Person")
    {
        var userId = await CreateConfirmedAccountAsync(app, email, name);
        var client = app.CreateCookieClient();
        var response = await SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, userId);
    }

    /// <summary>Waits for the outbox to hold a message to the address, and returns the first link in it to the given path.</summary>
    public static async Task<string> LinkFromOutboxAsync(string outboxFolder, string to, string path)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var link = OutboxEmailDelivery.ReadAll(outboxFolder)
                .Where(m => string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase))
                .SelectMany(m => LinkPattern().Matches(m.Body).Select(match => match.Value))
                .FirstOrDefault(url => new Uri(url).AbsolutePath.Equals(path, StringComparison.OrdinalIgnoreCase));
            if (link is not null) return link;
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"No email to {to} with a link to {path} in {outboxFolder}.");
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
