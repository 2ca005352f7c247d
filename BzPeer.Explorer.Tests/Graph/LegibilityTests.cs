using BzPeer.Explorer.Graph;

namespace BzPeer.Explorer.Tests.Graph;

/// <summary>The plain C# behind a legible graph: distinct labels, importance, and labels that never cover each other.</summary>
public class LegibilityTests
{
    private static GraphNode Paper(int id, string title, int? year, int citations = 0) =>
        new($"paper:{id}", NodeKind.Paper, id, title, null, year) { Count = citations };

    [Fact]
    public void Papers_whose_titles_start_alike_read_differently_and_keep_their_year()
    {
        var papers = new[]
        {
            Paper(1, "On the Identifiability of Nonlinear ICA: Sparsity and Beyond", 2022),
            Paper(2, "On the Identifiability of Switching Dynamical Systems", 2024),
            Paper(3, "On the Identifiability of Transformers under Weight Tying", 2023),
        };

        var labels = DisplayLabels.For(papers);

        Assert.Equal(3, labels.Values.Distinct().Count());
        Assert.EndsWith("(2022)", labels["paper:1"]);
        Assert.Contains("Beyond", labels["paper:1"]);
        Assert.Contains("Systems", labels["paper:2"]);
        Assert.All(labels.Values, l => Assert.StartsWith("On the", l));
        Assert.All(labels.Values, l => Assert.True(l.Length <= DisplayLabels.MaxChars + " (2022)".Length, l));
    }

    [Fact]
    public void Papers_that_read_the_same_cut_in_the_middle_are_cut_elsewhere_and_identical_ones_are_numbered()
    {
        var papers = new[]
        {
            Paper(1, "Playing Lottery Tickets in Style Transfer Models for Images and Video", 2022),
            Paper(2, "Playing Lottery Tickets in Speech Recognition Models for Images and Video", 2022),
            Paper(3, "A Survey", 2020),
            Paper(4, "A Survey", 2020),
            Paper(5, "Mixed-Effects Models for Language Processing in Children", 2019),
            Paper(6, "Mixed-Effects Models for Speech Processing in Children", 2019),
        };

        var labels = DisplayLabels.For(papers);

        Assert.NotEqual(labels["paper:1"], labels["paper:2"]);
        Assert.Equal("A Survey #1 (2020)", labels["paper:3"]);
        Assert.Equal("A Survey #2 (2020)", labels["paper:4"]);
        Assert.NotEqual(labels["paper:5"], labels["paper:6"]);
        Assert.All(labels.Values, l => Assert.True(l.Length <= DisplayLabels.MaxChars + " #2 (2022)".Length, l));
    }

    [Fact]
    public void Short_names_are_left_whole()
    {
        var person = new GraphNode("person:meihao-kong", NodeKind.Person, 1, "Meihao Kong", null);
        Assert.Equal("Meihao Kong", DisplayLabels.For([person])["person:meihao-kong"]);
    }

    [Fact]
    public void Importance_follows_citations_works_and_a_topics_works_in_view()
    {
        var cited = Paper(1, "Cited", 2020, citations: 500);
        var uncited = Paper(2, "Uncited", 2020, citations: 0);
        var busy = new GraphNode("person:busy", NodeKind.Person, 1, "Busy", null) { Count = 200 };
        var quiet = new GraphNode("person:quiet", NodeKind.Person, 2, "Quiet", null) { Count = 3 };
        var topicA = new GraphNode("topic:1", NodeKind.Topic, 1, "A", null) { Count = 100_000 };
        var topicB = new GraphNode("topic:2", NodeKind.Topic, 2, "B", null);
        var edges = new[] { GraphEdge.Create("paper:1", "topic:2", EdgeKind.About), GraphEdge.Create("paper:2", "topic:2", EdgeKind.About) };

        var importance = NodeImportance.Of([cited, uncited, busy, quiet, topicA, topicB], edges, "person:quiet");

        Assert.Equal(1, importance["paper:1"]);
        Assert.Equal(0, importance["paper:2"]);
        Assert.Equal(1, importance["person:quiet"]); // the focus
        Assert.True(importance["topic:2"] > importance["topic:1"], "a topic counts the works drawn about it, not its works in all");
        Assert.True(LabelPlacement.MarkPx(importance["paper:1"], false) > LabelPlacement.MarkPx(importance["paper:2"], false));
    }

    [Fact]
    public void Zoomed_out_labels_never_cover_each_other_and_the_focus_and_the_most_important_keep_theirs()
    {
        // A dense grid of nodes, closer on screen at a small zoom than their labels are wide.
        var candidates = new List<LabelPlacement.Candidate>();
        for (var i = 0; i < 60; i++)
            candidates.Add(new($"person:{i}", new Point2(i % 10 * 200, i / 10 * 60), $"Researcher number {i}", i / 60.0, Pinned: i == 0));

        foreach (var zoom in new[] { 0.15, 0.3, 0.6, 0.9 })
        {
            var labels = LabelPlacement.Choose(candidates, zoom);

            Assert.Contains("person:0", labels.Keys);
            Assert.Contains("person:59", labels.Keys);
            var boxes = labels.Values.ToList();
            for (var a = 0; a < boxes.Count; a++)
                for (var b = a + 1; b < boxes.Count; b++)
                    Assert.False(boxes[a].Box.Intersects(boxes[b].Box), $"zoom {zoom}: {boxes[a].Id} and {boxes[b].Id}");
            if (zoom < 0.5) Assert.True(labels.Count < candidates.Count, "zoomed far out, some labels give way");
        }
    }

    [Fact]
    public void The_focus_and_the_selected_node_are_labelled_with_their_whole_name_and_other_labels_give_way()
    {
        var person = new GraphNode("person:1", NodeKind.Person, 1, "Maria-Magdalena Oyelaran-Vasquez de la Fuente", "12 works", null);
        var paper = Paper(2, "On the Identifiability of Nonlinear ICA: Sparsity and Beyond", 2022);
        var shortened = DisplayLabels.For([person, paper]);
        Assert.NotEqual(person.Label, shortened[person.Id]); // others read a shortened name

        Assert.Equal(person.Label, LabelPlacement.TextFor(person, shortened[person.Id], pinned: true));
        Assert.Equal("On the Identifiability of Nonlinear ICA: Sparsity and Beyond (2022)", LabelPlacement.TextFor(paper, shortened[paper.Id], pinned: true));
        Assert.Equal(shortened[paper.Id], LabelPlacement.TextFor(paper, shortened[paper.Id], pinned: false));

        // Its label is given room for every word: wrapped, never cut.
        var (width, height) = LabelPlacement.LabelSizePx(person.Label, pinned: true);
        var lines = LabelPlacement.WrappedLines(person.Label, width - 2 * LabelPlacement.LabelPaddingPx);
        Assert.Equal(person.Label, string.Join(' ', lines));
        Assert.True(lines.Count >= 2 && height >= lines.Count * LabelPlacement.LineHeightPx, $"{lines.Count} lines in {height} px");
        Assert.All(lines, line => Assert.True(LabelPlacement.TextWidthPx(line, pinned: true) <= width - 2 * LabelPlacement.LabelPaddingPx, line));
        var nameInCard = LabelPlacement.WrappedLines("Meihao Kong", LabelPlacement.CardTextWidthPx);
        Assert.Equal(["Meihao Kong"], nameInCard);

        // Crowded: the pinned labels are placed whole, and the others that would cover them are left out.
        var candidates = new List<LabelPlacement.Candidate>
        {
            new(person.Id, new Point2(0, 0), person.Label, 1, Pinned: true),
        };
        for (var i = 0; i < 8; i++)
            candidates.Add(new($"person:{10 + i}", new Point2(i * 30 - 120, 20), $"Neighbour {i}", 0.9, Pinned: false));
        var labels = LabelPlacement.Choose(candidates, 0.3);
        Assert.Equal(LabelPlacement.Box(candidates[0], LabelPlacement.Side.Below, 0.3), labels[person.Id].Box);
        Assert.Equal(width / 0.3, labels[person.Id].Box.Width, 6);
        Assert.All(labels.Values.Where(l => l.Id != person.Id), l => Assert.False(l.Box.Intersects(labels[person.Id].Box), l.Id));
        Assert.True(labels.Count < candidates.Count, "some neighbours give way");
    }

    [Fact]
    public void Boxes_show_from_the_zoom_at_which_their_text_is_still_11_px()
    {
        Assert.True(LabelPlacement.ShowsCards(1));
        Assert.True(LabelPlacement.ShowsCards(LabelPlacement.CardZoom));
        Assert.False(LabelPlacement.ShowsCards(0.9));
        Assert.True(LabelPlacement.FontPx * LabelPlacement.CardZoom >= LabelPlacement.MinFontPx - 1e-9);
    }
}

public class ViewFollowingTests
{
    private static bool InView(Point2 centre, ViewFollowing.View view, double width, double height) =>
        (centre.X - GraphLayout.NodeWidth / 2) * view.Zoom + view.PanX >= 0 && (centre.X + GraphLayout.NodeWidth / 2) * view.Zoom + view.PanX <= width
        && (centre.Y - GraphLayout.NodeHeight / 2) * view.Zoom + view.PanY >= 0 && (centre.Y + GraphLayout.NodeHeight / 2) * view.Zoom + view.PanY <= height;

    [Fact]
    public void Nodes_already_in_view_do_not_move_the_view()
    {
        var view = new ViewFollowing.View(400, 300, 1);
        Assert.Null(ViewFollowing.Reveal([new Point2(0, 0), new Point2(150, 100)], view, 800, 600, 0.15));
    }

    [Fact]
    public void Nodes_below_the_canvas_are_brought_in_with_the_least_pan_and_no_zoom_when_they_fit()
    {
        var view = new ViewFollowing.View(400, 300, 1);
        Point2[] added = [new(0, 500), new(200, 560)];

        var target = ViewFollowing.Reveal(added, view, 800, 600, 0.15)!.Value;

        Assert.Equal(1, target.Zoom);
        Assert.Equal(400, target.PanX);
        Assert.All(added, c => Assert.True(InView(c, target, 800, 600)));
    }

    [Fact]
    public void A_node_brought_in_with_label_room_at_the_bottom_edge_zoomed_out_keeps_room_for_the_two_lines_of_its_label()
    {
        // Zoomed out, a node is a mark with its name under it at 12 px on screen, however far out the view is.
        var view = new ViewFollowing.View(200, 150, 0.3);
        var below = new Point2(0, 2000);

        var target = ViewFollowing.Reveal([below], view, 390, 430, 0.15, ViewFollowing.LabelRoomPx)!.Value;

        var markCentre = below.Y * target.Zoom + target.PanY;
        var labelBottom = markCentre + 8 + 2 * LabelPlacement.LineHeightPx; // a mark's radius, then two lines
        Assert.True(labelBottom <= 430, $"the label ends at {labelBottom:0} px in a canvas 430 px high");
    }

    [Fact]
    public void Nodes_spread_wider_than_the_canvas_are_brought_in_by_zooming_out_as_little_as_needed()
    {
        var view = new ViewFollowing.View(400, 300, 1);
        Point2[] added = [new(-900, 0), new(900, 700)];

        var target = ViewFollowing.Reveal(added, view, 800, 600, 0.15)!.Value;

        Assert.True(target.Zoom < 1 && target.Zoom > 0.25, $"zoom {target.Zoom}");
        Assert.All(added, c => Assert.True(InView(c, target, 800, 600)));
    }
}

public class KeyboardNavigationTests
{
    private static readonly (string Id, Point2 Centre)[] Nodes =
    [
        ("right-near", new Point2(200, 10)), ("right-far", new Point2(600, 0)), ("below", new Point2(0, 150)),
        ("above-aside", new Point2(150, -120)), ("left", new Point2(-250, 40)),
    ];

    [Theory]
    [InlineData(KeyboardNavigation.Direction.Right, "right-near")]
    [InlineData(KeyboardNavigation.Direction.Down, "below")]
    [InlineData(KeyboardNavigation.Direction.Up, "above-aside")]
    [InlineData(KeyboardNavigation.Direction.Left, "left")]
    public void An_arrow_moves_to_the_nearest_node_that_way(KeyboardNavigation.Direction direction, string expected) =>
        Assert.Equal(expected, KeyboardNavigation.Next(new Point2(0, 0), Nodes, direction));

    [Fact]
    public void Nothing_that_way_means_no_move() =>
        Assert.Null(KeyboardNavigation.Next(new Point2(1000, 0), Nodes, KeyboardNavigation.Direction.Right));
}

public class YearColoursTests
{
    [Fact]
    public void The_oldest_and_newest_years_take_the_ends_of_the_scale_and_years_between_differ()
    {
        var colours = Enumerable.Range(2010, 11).Select(y => YearColours.For(y, 2010, 2020)).ToList();

        Assert.Equal("#fde68a", colours[0]);
        Assert.Equal("#7c2d12", colours[^1]);
        Assert.Equal(colours.Count, colours.Distinct().Count());
        Assert.All(colours, c => Assert.Matches("^#[0-9a-f]{6}$", c));
        Assert.Equal("#7c2d12", YearColours.For(2021, 2021, 2021));
    }
}
