using BzPeer.Explorer.Accounts;

namespace BzPeer.Explorer.Tests.Accounts;

public class AccountNamesTests
{
    [Theory]
    [InlineData("Dave\u200b D", "Dave D")]
    [InlineData("\u202eevaD", "evaD")]
    [InlineData("Dave\u2066 D\u2069", "Dave D")]
    [InlineData("\ufeffMeihao\u00a0\u00a0Kong ", "Meihao Kong")]
    [InlineData("Ｍｅｉｈａｏ", "Meihao")]
    [InlineData("Dave\u3164D", "Dave D")]
    [InlineData("Zoë Ångström", "Zoë Ångström")]
    [InlineData("Kong\U000E0041\U000E007F", "Kong")]
    [InlineData("孔美豪", "孔美豪")]
    public void A_name_loses_invisible_and_direction_characters_and_look_alike_forms(string typed, string stored) =>
        Assert.Equal(stored, AccountNames.Normalize(typed));

    [Theory]
    [InlineData("\u200b\u200d")]
    [InlineData("  ")]
    [InlineData(null)]
    public void A_name_with_nothing_visible_is_no_name(string? typed)
    {
        Assert.Null(AccountNames.Normalize(typed));
        Assert.Contains("Give your name", AccountNames.Problem(typed));
    }

    [Theory]
    [InlineData("You")]
    [InlineData("you")]
    [InlineData("Y O U")]
    [InlineData("(You)")]
    [InlineData("Y\u200bou")]
    [InlineData("Reviewer")]
    [InlineData("ADMIN")]
    [InlineData("Administrator")]
    [InlineData("Moderator")]
    [InlineData("ＢｚＰｅｅｒ")]
    [InlineData("BzPeer Support")]
    [InlineData("The BzPeer Explorer team")]
    public void Names_that_read_as_the_reader_or_the_app_are_refused(string typed) =>
        Assert.Equal(AccountNames.Reserved, AccountNames.Problem(typed));

    [Theory]
    [InlineData("Yousef Ali")]
    [InlineData("Young")]
    [InlineData("Ada Reviewer-Smith")]
    [InlineData("Meihao Kong")]
    public void Ordinary_names_are_accepted(string typed) => Assert.Null(AccountNames.Problem(typed));
}
