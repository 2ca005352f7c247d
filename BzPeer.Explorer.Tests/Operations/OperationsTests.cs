using System.Net;
using BzPeer.Explorer.Tests.Hosting;
using Microsoft.Data.Sqlite;

namespace BzPeer.Explorer.Tests.Operations;

/// <summary>What an operator and a browser's security checks see: the health endpoint, headers, HTTPS.</summary>
public class OperationsTests
{
    [Fact]
    public async Task Healthz_answers_200_while_the_database_answers_and_503_when_a_migration_is_missing_or_the_file_is_broken()
    {
        using var app = new ExplorerApp();
        app.Start();
        using var client = app.CreateHttpClient();

        var healthy = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal("Healthy", await healthy.Content.ReadAsStringAsync());

        string lastMigration;
        using (var connection = new SqliteConnection(app.Database.ConnectionString))
        {
            connection.Open();
            using var select = connection.CreateCommand();
            select.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1";
            lastMigration = (string)select.ExecuteScalar()!;
            using var forget = connection.CreateCommand();
            forget.CommandText = "DELETE FROM __EFMigrationsHistory WHERE MigrationId = $id";
            forget.Parameters.AddWithValue("$id", lastMigration);
            forget.ExecuteNonQuery();
        }
        var behind = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, behind.StatusCode);
        Assert.Equal("Unhealthy", await behind.Content.ReadAsStringAsync());

        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(app.Database.Folder, "explorer.db*")) File.Delete(file);
        await File.WriteAllTextAsync(app.Database.FilePath, new string('x', 8192));
        var broken = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, broken.StatusCode);
    }

    [Fact]
    public async Task Outside_development_plain_http_is_redirected_to_https_and_https_answers_carry_hsts()
    {
        using var app = new ExplorerApp(new Dictionary<string, string?> { ["https_port"] = "443", ["App:PublicUrl"] = "https://explorer.example/" }, kestrel: false);
        app.Start();

        using var plain = app.CreateCookieClient(new Uri("http://explorer.example/"));
        var redirect = await plain.GetAsync("/researchers/meihao-kong");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        Assert.Equal("https://explorer.example/researchers/meihao-kong", redirect.Headers.Location?.ToString());

        using var secure = app.CreateCookieClient(new Uri("https://explorer.example/"));
        var page = await secure.GetAsync("/researchers/meihao-kong");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task In_development_http_is_served_as_is_without_hsts()
    {
        using var app = new ExplorerApp(new Dictionary<string, string?> { ["environment"] = "Development", ["https_port"] = "443", ["App:PublicUrl"] = "https://explorer.example/" }, kestrel: false);
        app.Start();

        using var plain = app.CreateCookieClient(new Uri("http://explorer.example/"));
        var page = await plain.GetAsync("/researchers/meihao-kong");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var secure = app.CreateCookieClient(new Uri("https://explorer.example/"));
        Assert.False((await secure.GetAsync("/")).Headers.Contains("Strict-Transport-Security"));
    }
}

/// <summary>The headers every response of the running app carries.</summary>
[Collection(ExplorerAppCollection.Name)]
public class SecurityHeaderTests(ExplorerAppFixture fixture)
{
    private readonly HttpClient _client = fixture.App.CreateHttpClient();

    [Theory]
    [InlineData("/")]
    [InlineData("/researchers/meihao-kong")]
    [InlineData("/no/such/page")]
    [InlineData("/app.css")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("/Account/Login")]
    [InlineData("/healthz")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await _client.GetAsync(path);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.Matches("script-src 'self' 'nonce-[0-9A-F]{32}'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.DoesNotContain("*", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task The_import_map_carries_the_nonce_of_its_own_responses_policy_and_each_response_has_a_new_one()
    {
        var first = await _client.GetAsync("/");
        var second = await _client.GetAsync("/");
        var nonce = NonceOf(first);

        Assert.NotEqual(nonce, NonceOf(second));
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", await first.Content.ReadAsStringAsync());
    }

    private static string NonceOf(HttpResponseMessage response) =>
        System.Text.RegularExpressions.Regex.Match(response.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;
}
