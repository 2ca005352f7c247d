using BzPeer.Explorer.Accounts.Claims;

namespace BzPeer.Explorer.Tests.Accounts;

public class PersonNameTests
{
    [Theory]
    [InlineData("Y.-K. Lai", "Yu-Kun Lai")]
    [InlineData("Yukun Lai", "Yu-Kun Lai")]
    [InlineData("Lai, Yu-Kun", "Yu-Kun Lai")]
    [InlineData("MEIHAO KONG", "Meihao Kong")]
    [InlineData("Kong Meihao", "Meihao Kong")]
    [InlineData("Jose Garcia", "José García")]
    [InlineData("J. García", "José García")]
    [InlineData("Søren Kierkegaard", "Soren Kierkegaard")]
    [InlineData("  jing   huo ", "Jing Huo")]
    public void Names_that_differ_only_in_case_accents_hyphens_order_or_initials_match(string account, string record) =>
        Assert.True(PersonName.Matches(account, record));

    [Theory]
    [InlineData("Jing Wu", "Jing Huo")]
    [InlineData("Jing Huo", "Jing Li Huo")]
    [InlineData("Wenbin Li", "Yang Gao")]
    [InlineData("K. Lai", "Yu-Kun Lai")]
    [InlineData("Yu-Kun L.", "Yu-Kun Lai")]
    [InlineData("Lai", "Yu-Kun Lai")]
    [InlineData("", "Yu-Kun Lai")]
    [InlineData(null, "Yu-Kun Lai")]
    public void Other_names_do_not_match(string? account, string record) =>
        Assert.False(PersonName.Matches(account, record));

    [Fact]
    public void A_name_matches_when_any_of_the_records_names_matches() =>
        Assert.True(PersonName.MatchesAny("Y. Gao", ["Gao, Y. X.", "Yang Gao"]));
}
