using System.Globalization;
using BzPeer.Explorer.Profiles.Shared;
using MudBlazor;

namespace BzPeer.Explorer.Graph.View;

/// <summary>How each kind of node and edge looks: one colour and icon per kind, used by the canvas, legend and list.</summary>
public static class GraphStyle
{
    public static string Colour(NodeKind kind) => kind switch
    {
        NodeKind.Person => "#2563eb",
        NodeKind.Paper => "#d97706",
        NodeKind.Topic => "#059669",
        NodeKind.Institution => "#c026d3",
        _ => "#6b7280",
    };

    public static string Legend(NodeKind kind) => kind switch
    {
        NodeKind.Person => "People",
        NodeKind.Paper => "Papers",
        NodeKind.Topic => "Topics",
        NodeKind.Institution => "Institutions",
        _ => "More to load",
    };

    /// <summary>A count and its noun, the plural in English's plain way: "1 node", "1,204 edges".</summary>
    public static string Counted(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {noun}{(count == 1 ? "" : "s")}");

    /// <summary>How many of a kind, in words: "1 person", "3 people", "1 paper".</summary>
    public static string Counted(NodeKind kind, int count) => kind switch
    {
        NodeKind.Person => Wording.Counted(count, "person", "people"),
        NodeKind.Paper => Wording.Counted(count, "paper", "papers"),
        NodeKind.Topic => Wording.Counted(count, "topic", "topics"),
        NodeKind.Institution => Wording.Counted(count, "institution", "institutions"),
        _ => $"{count} more to load",
    };

    /// <summary>The kind's Material icon: MudBlazor's constant SVG content (never data), drawn inside a 24×24 viewBox.</summary>
    public static string Icon(NodeKind kind) => kind switch
    {
        NodeKind.Person => Icons.Material.Filled.Person,
        NodeKind.Paper => Icons.Material.Filled.Description,
        NodeKind.Topic => Icons.Material.Filled.LocalOffer,
        NodeKind.Institution => Icons.Material.Filled.AccountBalance,
        _ => Icons.Material.Filled.MoreHoriz,
    };

    public static string EdgeColour(EdgeKind kind) => kind switch
    {
        EdgeKind.CoAuthor => "#60a5fa",
        EdgeKind.Authored => "#fbbf24",
        EdgeKind.About => "#34d399",
        EdgeKind.WorksOn => "#6ee7b7",
        EdgeKind.Affiliated => "#e879f9",
        EdgeKind.Cites => "#f59e0b",
        _ => "#cbd5e1",
    };

    /// <summary>Heavier ties draw thicker: co-authors with many shared works, researchers with many works on a topic.</summary>
    public static double EdgeWidth(GraphEdge edge) => edge.Kind switch
    {
        EdgeKind.CoAuthor or EdgeKind.WorksOn => 1.5 + Math.Min(5, Math.Log2(Math.Max(1, edge.Weight)) * 1.2),
        _ => 1.5,
    };

    public static string PageLink(GraphNode node) => node.Kind switch
    {
        NodeKind.Person => $"researchers/{node.Id["person:".Length..]}",
        NodeKind.Paper => Profiles.Links.Work(node.EntityId),
        NodeKind.Topic => Profiles.Links.Topic(node.EntityId),
        NodeKind.Institution => Profiles.Links.Institution(node.EntityId),
        _ => "",
    };

    public static readonly NodeKind[] EntityKinds = [NodeKind.Person, NodeKind.Paper, NodeKind.Topic, NodeKind.Institution];
}
