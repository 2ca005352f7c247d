using BzPeer.Explorer.Graph;

namespace BzPeer.Explorer.Tests.Graph;

public class NeighbourhoodRuleTests
{
    [Theory]
    [InlineData(false, false, false, false, NeighbourhoodState.Complete)] // made here or from ORCID: nothing to read
    [InlineData(true, true, false, false, NeighbourhoodState.Complete)] // imported from a file
    [InlineData(true, false, false, false, NeighbourhoodState.NeverFetched)] // only a work's mention
    [InlineData(true, true, true, false, NeighbourhoodState.Partial)] // read from OpenAlex, its works not (all) read
    [InlineData(true, false, true, true, NeighbourhoodState.Complete)] // read from OpenAlex with its works
    public void A_record_s_neighbourhood_state_follows_where_it_came_from_and_what_was_read(
        bool fromOpenAlex, bool recordRead, bool fetchedLive, bool neighbourhoodFetched, NeighbourhoodState expected) =>
        Assert.Equal(expected, NeighbourhoodRule.StateOf(fromOpenAlex, recordRead, fetchedLive, neighbourhoodFetched));

    [Fact]
    public void The_preview_line_says_what_expanding_will_do()
    {
        Assert.Equal("Neighbourhood: complete", NeighbourhoodRule.Describe(NeighbourhoodState.Complete));
        Assert.Equal("Neighbourhood: partly read from OpenAlex", NeighbourhoodRule.Describe(NeighbourhoodState.Partial));
        Assert.Equal("Neighbourhood: not yet read from OpenAlex — expanding reads it", NeighbourhoodRule.Describe(NeighbourhoodState.NeverFetched));
    }
}
