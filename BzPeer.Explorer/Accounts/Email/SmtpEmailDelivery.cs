using System.Net;
using System.Net.Mail;
using System.Text;

namespace BzPeer.Explorer.Accounts.Email;

/// <summary>Sends through the SMTP server named in <c>Email:Smtp</c>.</summary>
public sealed class SmtpEmailDelivery(EmailOptions options) : IEmailDelivery
{
    public async Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        using var mail = new MailMessage(options.From, message.To)
        {
            Subject = message.Subject.ReplaceLineEndings(" "),
            Body = message.Body,
            IsBodyHtml = false,
            BodyEncoding = Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
        };
        using var client = new SmtpClient(options.Smtp.Host, options.Smtp.Port) { EnableSsl = options.Smtp.EnableSsl };
        if (!string.IsNullOrEmpty(options.Smtp.UserName))
            client.Credentials = new NetworkCredential(options.Smtp.UserName, options.Smtp.Password);
        await client.SendMailAsync(mail, cancellationToken);
    }
}
