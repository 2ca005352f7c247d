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

    [Theory]
    [InlineData("\u0410dmin")]            // Cyrillic А, then Latin
    [InlineData("Meihao K\u043eng")]      // Cyrillic о in a Latin surname
    [InlineData("\u0391dmin Team")]       // Greek Α
    [InlineData("Y\u043eu")]
    [InlineData("Jo\u0455\u00e9 Garc\u0456a")]
    public void A_word_mixing_latin_with_cyrillic_or_greek_letters_is_refused(string typed) =>
        Assert.Equal(AccountNames.MixedAlphabets, AccountNames.Problem(typed));

    [Theory]
    [InlineData("\u0422\u0415\u0410\u041c")]          // "ТЕАМ", all Cyrillic
    [InlineData("\u041c\u0415")]                        // "МЕ", Cyrillic
    [InlineData("\u039c\u0395")]                        // "ΜΕ", Greek
    [InlineData("\u0405\u0423\u0405\u0422\u0415\u041c")] // "ЅУЅТЕМ"
    public void A_reserved_name_spelt_in_look_alike_letters_of_another_alphabet_is_refused(string typed) =>
        Assert.Equal(AccountNames.Reserved, AccountNames.Problem(typed));

    [Theory]
    [InlineData("\u041e\u043b\u044c\u0433\u0430 \u041f\u0435\u0442\u0440\u043e\u0432\u0430")] // Ольга Петрова
    [InlineData("\u0393\u03b9\u03ce\u03c1\u03b3\u03bf\u03c2 \u03a0\u03b1\u03c0\u03b1\u03b4\u03cc\u03c0\u03bf\u03c5\u03bb\u03bf\u03c2")] // Γιώργος Παπαδόπουλος
    [InlineData("\u0141ukasz \u017b\u00f3\u0142\u0107")]
    [InlineData("\u5b54\u7f8e\u8c6a Meihao Kong")]
    [InlineData("\u041e\u043b\u044c\u0433\u0430 Smith")]
    public void Names_in_one_alphabet_per_word_are_accepted(string typed) => Assert.Null(AccountNames.Problem(typed));
}
