using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace BzPeer.Explorer.Graph;

/// <summary>The current graph as files: GraphML (opens in Gephi, yEd, Cytoscape) and JSON.</summary>
public static class GraphExport
{
    /// <summary>
    /// The graph as GraphML bytes in UTF-8 (no byte order mark) with a declaration that says so: strict parsers (Java's,
    /// so Gephi's; Python's) refuse a file whose declaration names another encoding than its bytes are in.
    /// </summary>
    public static byte[] ToGraphMl(ExplorationGraph graph)
    {
        var bytes = new MemoryStream();
        using (var xml = XmlWriter.Create(bytes, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("graphml", "http://graphml.graphdrawing.org/xmlns");
            Key(xml, "label", "node", "label", "string");
            Key(xml, "kind", "node", "kind", "string");
            Key(xml, "detail", "node", "detail", "string");
            Key(xml, "year", "node", "year", "int");
            Key(xml, "x", "node", "x", "double");
            Key(xml, "y", "node", "y", "double");
            Key(xml, "edgekind", "edge", "kind", "string");
            Key(xml, "weight", "edge", "weight", "double");
            xml.WriteStartElement("graph");
            xml.WriteAttributeString("id", graph.FocusId);
            xml.WriteAttributeString("edgedefault", "directed");
            foreach (var placed in graph.Nodes)
            {
                var node = placed.Node;
                xml.WriteStartElement("node");
                xml.WriteAttributeString("id", node.Id);
                Data(xml, "label", node.Label);
                Data(xml, "kind", NodeIds.KindName(node.Kind));
                if (node.Detail is not null) Data(xml, "detail", node.Detail);
                if (node.Year is { } year) Data(xml, "year", year.ToString(CultureInfo.InvariantCulture));
                Data(xml, "x", placed.Position.X.ToString("0.#", CultureInfo.InvariantCulture));
                Data(xml, "y", placed.Position.Y.ToString("0.#", CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }
            foreach (var edge in graph.Edges)
            {
                xml.WriteStartElement("edge");
                xml.WriteAttributeString("source", edge.Source);
                xml.WriteAttributeString("target", edge.Target);
                Data(xml, "edgekind", EdgeKindName(edge.Kind));
                Data(xml, "weight", edge.Weight.ToString(CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return bytes.ToArray();
    }

    public static string ToJson(ExplorationGraph graph) => JsonSerializer.Serialize(new
    {
        focus = graph.FocusId,
        nodes = graph.Nodes.Select(n => new
        {
            id = n.Node.Id,
            kind = NodeIds.KindName(n.Node.Kind),
            label = n.Node.Label,
            detail = n.Node.Detail,
            year = n.Node.Year,
            x = Math.Round(n.Position.X, 1),
            y = Math.Round(n.Position.Y, 1),
        }),
        edges = graph.Edges.Select(e => new { source = e.Source, target = e.Target, kind = EdgeKindName(e.Kind), weight = e.Weight }),
    }, new JsonSerializerOptions { WriteIndented = true });

    public static string EdgeKindName(EdgeKind kind) => kind switch
    {
        EdgeKind.Authored => "authored",
        EdgeKind.CoAuthor => "co-author",
        EdgeKind.About => "about",
        EdgeKind.WorksOn => "works-on",
        EdgeKind.Affiliated => "affiliated",
        EdgeKind.Cites => "cites",
        _ => "same-venue",
    };

    private static void Key(XmlWriter xml, string id, string scope, string name, string type)
    {
        xml.WriteStartElement("key");
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("for", scope);
        xml.WriteAttributeString("attr.name", name);
        xml.WriteAttributeString("attr.type", type);
        xml.WriteEndElement();
    }

    private static void Data(XmlWriter xml, string key, string value)
    {
        xml.WriteStartElement("data");
        xml.WriteAttributeString("key", key);
        xml.WriteString(value);
        xml.WriteEndElement();
    }
}
