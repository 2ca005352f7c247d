using BzPeer.Explorer.Profiles;

namespace BzPeer.Explorer.Tests.Profiles;

public class MetricsTests
{
    [Theory]
    [InlineData(new int[0], 0)]
    [InlineData(new[] { 0, 0, 0 }, 0)]
    [InlineData(new[] { 1 }, 1)]
    [InlineData(new[] { 10, 8, 5, 4, 3 }, 4)]
    [InlineData(new[] { 25, 8, 5, 3, 3 }, 3)]
    [InlineData(new[] { 3, 0, 6, 1, 5 }, 3)]
    [InlineData(new[] { 100, 100 }, 2)]
    public void H_index_is_the_largest_h_with_h_works_cited_at_least_h_times(int[] citations, int expected) =>
        Assert.Equal(expected, Metrics.HIndex(citations));

    [Theory]
    [InlineData(new int[0], 0)]
    [InlineData(new[] { 9, 10, 11, 0 }, 2)]
    [InlineData(new[] { 10, 10, 10 }, 3)]
    public void I10_index_counts_works_with_at_least_ten_citations(int[] citations, int expected) =>
        Assert.Equal(expected, Metrics.I10Index(citations));
}
