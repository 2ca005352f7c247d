using Bunit;
using BzPeer.Explorer.Profiles.Shared;

namespace BzPeer.Explorer.Tests.Profiles;

public class YearChartTests : ComponentTestContext
{
    private static readonly int[] Years = Enumerable.Range(2011, 15).ToArray();

    private IRenderedComponent<YearChart> RenderChart(params YearChart.NamedSeries[] series) =>
        Render<YearChart>(p => p.Add(c => c.Years, Years).Add(c => c.Series, series).Add(c => c.Caption, "Works and citations per year"));

    [Fact]
    public void Each_year_is_a_column_whose_bars_are_as_tall_as_their_values_on_a_scale_from_0_to_a_round_top()
    {
        var works = Years.Select((_, i) => i + 1).ToList();                 // 1 … 15
        var citations = Years.Select((_, i) => i == 13 ? 248 : 10 * i).ToList(); // the most: 248 in 2024
        var chart = RenderChart(new("Works", works), new("Citations received", citations));

        Assert.Equal(["250", "125", "0"], chart.FindAll(".year-chart-scale span").Select(s => s.TextContent));
        var columns = chart.FindAll(".year-column");
        Assert.Equal(15, columns.Count);
        var bars2024 = columns[13].QuerySelectorAll(".year-bar").Select(b => b.GetAttribute("style")).ToList();
        Assert.Equal(["height: 5.6%", "height: 99.2%"], bars2024);
        Assert.Equal("2024: Works 14 · Citations received 248", columns[13].GetAttribute("title"));
        Assert.Equal(["Works", "Citations received"], chart.FindAll(".year-chart-legend li").Select(l => l.TextContent));
    }

    [Fact]
    public void The_latest_year_is_labelled_and_every_fifth_before_it_when_there_are_many()
    {
        var chart = RenderChart(new YearChart.NamedSeries("Works", Years.Select(_ => 3).ToList()));

        var labels = chart.FindAll(".year-label").Select(l => l.TextContent).Where(t => t.Length > 0);
        Assert.Equal(["2015", "2020", "2025"], labels);
    }

    [Fact]
    public void Screen_readers_get_every_year_and_value_in_a_table()
    {
        var chart = RenderChart(new YearChart.NamedSeries("Works", Years.Select((_, i) => i).ToList()));

        var rows = chart.FindAll("table.visually-hidden tbody tr");
        Assert.Equal(15, rows.Count);
        Assert.Equal("202514", rows[^1].TextContent);
        Assert.Equal("Works and citations per year", chart.Find("table caption").TextContent);
        Assert.Equal("true", chart.Find(".year-chart-plot").GetAttribute("aria-hidden"));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(7, 8)]
    [InlineData(13, 20)]
    [InlineData(248, 250)]
    [InlineData(251, 300)]
    [InlineData(4_100, 5_000)]
    public void The_scale_tops_out_at_a_round_number_no_lower_than_the_largest_value(int largest, int top) =>
        Assert.Equal(top, YearChart.ScaleMax(largest));
}
