using BzPeer.Explorer.Accounts.Email;

namespace BzPeer.Explorer.Tests.Accounts;

public class EmailTests
{
    [Fact]
    public async Task The_outbox_writes_one_readable_file_per_message_and_reads_them_back_newest_first()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bzpeer-tests", Guid.NewGuid().ToString("N"));
        var clock = new TestClock();
        var outbox = new OutboxEmailDelivery(folder, "BzPeer Explorer <no-reply@bzpeer.example>", clock);
        try
        {
            await outbox.DeliverAsync(new EmailMessage("a@example.org", "First", "Line one\nhttp://localhost/Account/ConfirmEmail?userId=1&code=abc"));
            clock.Advance(TimeSpan.FromSeconds(1));
            await outbox.DeliverAsync(new EmailMessage("b@example.org", "Zweite Nachricht für Jürgen", "Grüße\r\nLine two"));

            var files = Directory.GetFiles(folder, "*.eml");
            Assert.Equal(2, files.Length);
            Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
            var raw = File.ReadAllText(files.Order().First());
            Assert.Contains("To: a@example.org\r\n", raw);
            Assert.Contains("Content-Type: text/plain; charset=utf-8", raw);
            Assert.Contains("http://localhost/Account/ConfirmEmail?userId=1&code=abc", raw);

            var messages = OutboxEmailDelivery.ReadAll(folder);
            Assert.Equal(["b@example.org", "a@example.org"], messages.Select(m => m.To));
            Assert.Equal("Zweite Nachricht für Jürgen", messages[0].Subject);
            Assert.Equal("Grüße\nLine two", messages[0].Body);
            Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds(), messages[0].Date.ToUnixTimeSeconds());
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_line_break_in_a_subject_cannot_add_a_header()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bzpeer-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await new OutboxEmailDelivery(folder, "x@bzpeer.example", new TestClock())
                .DeliverAsync(new EmailMessage("a@example.org", "Hello\r\nBcc: victim@example.org", "Body"));
            var raw = File.ReadAllText(Directory.GetFiles(folder).Single());
            Assert.DoesNotContain("\r\nBcc:", raw);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Bad_email_settings_are_reported_with_the_settings_name()
    {
        Assert.Empty(new EmailOptions().Problems());
        Assert.Contains(new EmailOptions { From = "nobody" }.Problems(), p => p.StartsWith("Email:From", StringComparison.Ordinal));
        Assert.Contains(new EmailOptions { Smtp = { Host = "smtp.example.org", Port = 0 } }.Problems(), p => p.StartsWith("Email:Smtp:Port", StringComparison.Ordinal));
        Assert.Contains(new EmailOptions { Smtp = { Host = "smtp.example.org", UserName = "me" } }.Problems(), p => p.Contains("Email:Smtp:Password", StringComparison.Ordinal));
        Assert.True(new EmailOptions { Smtp = { Host = "smtp.example.org" } }.UsesSmtp);
    }

    [Fact]
    public void A_relative_outbox_path_is_under_the_content_root()
    {
        var root = Path.Combine(Path.GetTempPath(), "app-root");
        Assert.Equal(Path.Combine(root, "data", "outbox"), new EmailOptions().ResolveOutboxFolder(root));
        Assert.Equal("/srv/mail", new EmailOptions { OutboxPath = "/srv/mail" }.ResolveOutboxFolder(root));
    }
}
