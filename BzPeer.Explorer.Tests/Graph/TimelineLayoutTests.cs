using BzPeer.Explorer.Graph;

namespace BzPeer.Explorer.Tests.Graph;

public class TimelineLayoutTests
{
    private static GraphNode Paper(int id, int? year) => new($"paper:{id}", NodeKind.Paper, id, $"Paper {id}", null, year);

    private static GraphNode Person(int id) => new($"person:{id}", NodeKind.Person, id, $"Person {id}", null);

    [Fact]
    public void Papers_of_later_years_lie_to_the_right_and_people_sit_at_the_mean_year_of_their_papers()
    {
        var papers = new[] { Paper(1, 2024), Paper(2, 2015), Paper(3, 2019), Paper(4, 2015), Paper(5, 2021) };
        var early = Person(1);
        var late = Person(2);
        var alone = Person(3);
        var more = new GraphNode("more:person:1:works:8", NodeKind.More, 0, "+12 more", null, PagedKind: NodeKind.Paper);
        var edges = new List<GraphEdge>
        {
            new(early.Id, "paper:2", EdgeKind.Authored), new(early.Id, "paper:4", EdgeKind.Authored), new(early.Id, "paper:3", EdgeKind.Authored),
            new("paper:5", late.Id, EdgeKind.Authored), new(late.Id, "paper:1", EdgeKind.Authored),
            new(early.Id, late.Id, EdgeKind.CoAuthor), new(alone.Id, early.Id, EdgeKind.CoAuthor), new(more.Id, early.Id, EdgeKind.Authored),
        };

        var at = TimelineLayout.Place([.. papers, early, late, alone, more], edges);

        var byYear = papers.OrderBy(p => p.Year).ToList();
        for (var i = 1; i < byYear.Count; i++)
        {
            var (before, after) = (at[byYear[i - 1].Id].X, at[byYear[i].Id].X);
            if (byYear[i].Year == byYear[i - 1].Year) Assert.Equal(before, after);
            else Assert.True(after > before, $"{byYear[i].Year} right of {byYear[i - 1].Year}");
        }
        // 2015, 2015 and 2019: the column of 2016 (no paper's year, so a column of its own between them).
        Assert.True(at[early.Id].X > at["paper:2"].X && at[early.Id].X < at["paper:3"].X);
        Assert.Equal(at["paper:1"].X - TimelineLayout.ColumnWidth, at[late.Id].X); // 2021 and 2024: the column of 2023, just before 2024
        // No paper of their own in view: the side band left of every year.
        Assert.True(at[alone.Id].X < at["paper:2"].X && at[more.Id].X < at["paper:2"].X);
    }

    [Fact]
    public void No_two_nodes_overlap_even_with_many_papers_in_one_year()
    {
        var nodes = new List<GraphNode>();
        var edges = new List<GraphEdge>();
        for (var i = 0; i < 120; i++) nodes.Add(Paper(i, i % 7 == 0 ? null : 2000 + i % 5));
        for (var i = 0; i < 30; i++)
        {
            nodes.Add(Person(i));
            edges.Add(new(Person(i).Id, $"paper:{i * 3}", EdgeKind.Authored));
        }

        var at = TimelineLayout.Place(nodes, edges);

        Assert.Equal(nodes.Count, at.Count);
        var points = at.Values.ToList();
        for (var a = 0; a < points.Count; a++)
            for (var b = a + 1; b < points.Count; b++)
                Assert.False(Math.Abs(points[a].X - points[b].X) < GraphLayout.NodeWidth + GraphLayout.Gap && Math.Abs(points[a].Y - points[b].Y) < GraphLayout.NodeHeight + GraphLayout.Gap,
                    $"{points[a]} and {points[b]} overlap");
    }
}
