using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace BzPeer.Explorer.Tests.Hosting;

[Collection(ExplorerAppCollection.Name)]
public class ExplorerPageTests(ExplorerAppFixture fixture)
{
    private readonly HttpClient _client = fixture.App.CreateHttpClient();

    [Fact]
    public async Task The_explorer_page_is_prerendered_with_its_focus_and_the_loading_text()
    {
        var response = await _client.GetAsync("/explore?focus=person:meihao-kong&expand=paper:1");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Meihao Kong · graph explorer", html);
        Assert.Contains("Building this graph slice", html);
    }

    [Fact]
    public async Task Without_a_focus_the_explorer_explains_how_to_start()
    {
        var html = await _client.GetStringAsync("/explore");
        Assert.Contains("Choose where to start", html);
        Assert.Contains("explore?focus=person%3Ameihao-kong", html);
    }

    [Theory]
    [InlineData("/explore?focus=person:nobody-here")]
    [InlineData("/explore?focus=paper:0")]
    [InlineData("/explore?focus=%3Cscript%3E")]
    public async Task An_unknown_focus_answers_404(string path)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_graph_exports_as_GraphML_that_Gephi_reads()
    {
        var response = await _client.GetAsync("/explore/export?focus=person:meihao-kong&format=graphml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphml+xml", response.Content.Headers.ContentType?.MediaType);

        // Strict, as Gephi's (Java's) and Python's parsers are: from the bytes, so the declared encoding must be the real one.
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var reader = System.Xml.XmlReader.Create(new MemoryStream(bytes), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit });
        var document = XDocument.Load(reader);
        Assert.Equal("utf-8", document.Declaration?.Encoding, ignoreCase: true);
        XNamespace ns = "http://graphml.graphdrawing.org/xmlns";
        var nodes = document.Descendants(ns + "node").ToList();
        var edges = document.Descendants(ns + "edge").ToList();
        Assert.Equal(11, nodes.Count);
        Assert.Contains(nodes, n => (string?)n.Attribute("id") == "person:meihao-kong"
            && n.Elements(ns + "data").Any(d => (string?)d.Attribute("key") == "label" && d.Value == "Meihao Kong"));
        Assert.All(edges, e => Assert.Contains(nodes, n => (string?)n.Attribute("id") == (string?)e.Attribute("target")));
        Assert.True(edges.Count >= 20);
    }

    [Fact]
    public async Task The_graph_exports_as_JSON_with_kinds_labels_and_weights()
    {
        var json = JsonDocument.Parse(await _client.GetStringAsync("/explore/export?focus=person:meihao-kong&expand=person:jing-huo&format=json"));

        var nodes = json.RootElement.GetProperty("nodes").EnumerateArray().ToList();
        var edges = json.RootElement.GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal("person:meihao-kong", json.RootElement.GetProperty("focus").GetString());
        Assert.Contains(nodes, n => n.GetProperty("kind").GetString() == "topic");
        Assert.Contains(edges, e => e.GetProperty("kind").GetString() == "co-author" && e.GetProperty("weight").GetDouble() >= 1);
    }

    [Theory]
    [InlineData("/explore/export?focus=person:nobody-here", HttpStatusCode.NotFound)]
    [InlineData("/explore/export?focus=person:meihao-kong&format=pdf", HttpStatusCode.BadRequest)]
    public async Task Bad_export_requests_get_a_clear_answer(string path, HttpStatusCode expected)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(await response.Content.ReadAsStringAsync()));
    }
}
