using BzPeer.Explorer.Profiles.Researchers;

namespace BzPeer.Explorer.Tests.Profiles;

public class ResearcherDescriptionTests
{
    [Fact]
    public void A_sentence_is_made_from_topics_counts_years_and_place()
    {
        Assert.Equal("Publishes on Style Transfer and Pruning; 1 work (2022).",
            ResearcherDescription.Compose(1, ["Style Transfer", "Pruning", "Third"], 2022, 2022, null));
        Assert.Equal("Publishes on Decision Making; 12 works (2011–2025), most recently at University of Thalbrook.",
            ResearcherDescription.Compose(12, ["Decision Making"], 2011, 2025, "University of Thalbrook"));
        Assert.Equal("Publishes research; 0 works.", ResearcherDescription.Compose(0, [], null, null, null));
    }
}
