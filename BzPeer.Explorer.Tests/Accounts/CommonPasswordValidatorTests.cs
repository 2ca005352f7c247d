using BzPeer.Explorer.Accounts.Identity;

namespace BzPeer.Explorer.Tests.Accounts;

public class CommonPasswordValidatorTests
{
    [Theory]
    [InlineData("password123")]
    [InlineData("Password123!")]
    [InlineData("P@ssw0rd2024")]
    [InlineData("qwerty12345")]
    [InlineData("qwertyuiop")]
    [InlineData("1q2w3e4r5t")]
    [InlineData("iloveyou123")]
    [InlineData("123456password")]
    [InlineData("passwordpassword")]
    [InlineData("football1234")]
    [InlineData("1234567890")]
    [InlineData("0987654321")]
    [InlineData("!@#$%^&*()")]
    [InlineData("1231231231")]
    [InlineData("19871987ab")]
    [InlineData("letmein2025!")]
    [InlineData("bzpeer12345")]
    [InlineData("Pass Word 123")]
    public void Passwords_everyone_tries_first_are_refused(string password) => Assert.True(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("a different long phrase")]
    [InlineData("lanterns over kestrel bay")]
    [InlineData("8403917265")]
    [InlineData("Tr0ub4dor&3x")]
    [InlineData("passwordlessly pink")]
    public void Passwords_not_on_the_list_pass(string password) => Assert.False(CommonPasswordValidator.IsCommon(password));
}
