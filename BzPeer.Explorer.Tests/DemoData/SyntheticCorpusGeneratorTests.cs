using BzPeer.Explorer.Data;
using BzPeer.Explorer.DemoData;

namespace BzPeer.Explorer.Tests.DemoData;

public class SyntheticCorpusGeneratorTests
{
    [Fact]
    public void Every_researcher_serial_gets_a_distinct_name_and_slug()
    {
        const int researchersFor1MWorks = 1_500_000;
        var slugs = new HashSet<string>();
        for (var serial = 0; serial < researchersFor1MWorks; serial += 7)
            Assert.True(slugs.Add(Slug.From(SyntheticCorpusGenerator.ResearcherName(serial))), $"serial {serial} repeats a name");

        // Beyond every first×last combination the names gain a middle initial rather than repeat.
        Assert.Matches(@"^\w+ [A-Z]\. \w+$", SyntheticCorpusGenerator.ResearcherName(2_000_000));
    }

    [Fact]
    public void Invented_names_never_produce_the_reference_records_slugs()
    {
        string[] referenceSlugs = ["meihao-kong", "jing-huo", "wenbin-li", "jing-wu", "yu-kun-lai", "yang-gao"];
        for (var serial = 0; serial < 200_000; serial++)
            Assert.DoesNotContain(Slug.From(SyntheticCorpusGenerator.ResearcherName(serial)), referenceSlugs);
    }
}
