using System.Globalization;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Profiles.Shared;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Graph;

public sealed record PreviewFact(string Label, string Value);

/// <summary>What the preview beside the graph shows for a selected node, read when it is selected.</summary>
public sealed record NodePreview(string Title, string KindLabel, IReadOnlyList<PreviewFact> Facts, string? Text);

internal static class NodePreviews
{
    private const int AbstractLength = 420;

    public static async Task<NodePreview?> LoadAsync(ExplorerDbContext db, GraphNode node, CancellationToken cancellationToken = default)
    {
        var id = node.EntityId;
        switch (node.Kind)
        {
            case NodeKind.Person:
            {
                var person = await db.Researchers.Where(r => r.Id == id).Select(r => new
                {
                    r.DisplayName, r.WorksCount, r.CitedByCount, r.HIndex,
                    Institution = r.LastKnownInstitution != null ? r.LastKnownInstitution.DisplayName : null,
                    CoAuthors = db.CoAuthorPairs.Count(p => p.ResearcherId == r.Id),
                }).FirstOrDefaultAsync(cancellationToken);
                return person is null ? null : new NodePreview(person.DisplayName, "Researcher",
                [
                    new("Affiliation", person.Institution ?? "Affiliation not imported"),
                    new("Works", Number(person.WorksCount)),
                    new("Citations", Number(person.CitedByCount)),
                    new("h-index", Number(person.HIndex)),
                    new("Close collaborators", Number(person.CoAuthors)),
                ], null);
            }
            case NodeKind.Paper:
            {
                var paper = await db.Works.Where(w => w.Id == id).Select(w => new
                {
                    w.Title, w.Year, w.Type, w.Abstract, w.CitedByCount, Venue = w.Venue != null ? w.Venue.DisplayName : null,
                    Authors = w.Authorships.Count,
                }).FirstOrDefaultAsync(cancellationToken);
                if (paper is null) return null;
                var facts = new List<PreviewFact> { new("Year", paper.Year?.ToString(CultureInfo.InvariantCulture) ?? "unknown"), new("Type", paper.Type) };
                if (paper.Venue is not null) facts.Add(new("Venue", paper.Venue));
                facts.Add(new("Authors", Number(paper.Authors)));
                facts.Add(new("Cited by", Number(paper.CitedByCount)));
                return new NodePreview(paper.Title, "Paper", facts, Shorten(paper.Abstract));
            }
            case NodeKind.Topic:
            {
                var topic = await db.Topics.Where(t => t.Id == id).Select(t => new
                {
                    t.DisplayName, t.SubfieldName, t.FieldName, t.DomainName, t.Description,
                    Works = db.WorkTopics.Count(w => w.TopicId == t.Id),
                }).FirstOrDefaultAsync(cancellationToken);
                return topic is null ? null : new NodePreview(topic.DisplayName, "Topic",
                [
                    new("Field", topic.FieldName), new("Domain", topic.DomainName), new("Subfield", topic.SubfieldName), new("Works", Number(topic.Works)),
                ], topic.Description);
            }
            case NodeKind.Institution:
            {
                var institution = await db.Institutions.Where(i => i.Id == id).Select(i => new
                {
                    i.DisplayName, i.CountryCode, i.Type, i.City, i.WorksCount,
                    Researchers = db.Researchers.Count(r => r.LastKnownInstitutionId == i.Id),
                }).FirstOrDefaultAsync(cancellationToken);
                return institution is null ? null : new NodePreview(institution.DisplayName, "Institution",
                [
                    new("Country", Country(institution.CountryCode)), new("Type", institution.Type ?? "unknown"),
                    new("City", institution.City ?? "unknown"), new("Researchers now", Number(institution.Researchers)),
                    new("Works", Number(institution.WorksCount)),
                ], null);
            }
            default:
                return new NodePreview(node.Label, "More to load", [new("Belongs to", node.Detail?.Replace("of ", "", StringComparison.Ordinal) ?? "")],
                    "Expand to show the next batch; the rest stays in the database until you ask for it.");
        }
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string? Shorten(string? text) =>
        text is null || text.Length <= AbstractLength ? text : text[..text.LastIndexOf(' ', AbstractLength)] + " …";

    private static string Country(string? code)
    {
        if (code is not { Length: 2 }) return "unknown";
        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }
}
