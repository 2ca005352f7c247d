namespace BzPeer.Explorer.Accounts;

/// <summary>
/// Our own wording for the account forms' validation, in place of the framework's defaults ("The Email field is
/// required."), which name C# properties and read like an error log. {1} is a length limit where one applies.
/// </summary>
public static class FormMessages
{
    public const string EmailRequired = "Enter your email address.";
    public const string EmailInvalid = "That is not an email address; it should look like name@example.org.";
    public const string PasswordRequired = "Enter your password.";
    public const string NewPasswordRequired = "Choose a password.";
    public const string TooLong = "This is too long: at most {1} characters.";
}
