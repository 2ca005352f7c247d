using BzPeer.Explorer.Data;

namespace BzPeer.Explorer.Import.OpenAlex;

/// <summary>
/// An OpenAlex entity as read from the input: either the entity's own record (<see cref="IsMention"/> false), which
/// creates or updates the stored one, or the short copy another record carries (a work's authors, institutions,
/// topics and venue), which only creates the stored record when it is missing.
/// </summary>
internal abstract class OpenAlexRecord
{
    public required string OpenAlexId { get; init; }
    public bool IsMention { get; init; }
    /// <summary>OpenAlex's updated_date; a newer one replaces the stored record. Mentions have none.</summary>
    public DateOnly? UpdatedDate { get; init; }
}

internal sealed class InstitutionRecord : OpenAlexRecord
{
    public required string DisplayName { get; init; }
    public string? Ror { get; init; }
    public string? CountryCode { get; init; }
    public string? Type { get; init; }
    public string? HomepageUrl { get; init; }
    public string? City { get; init; }
    public List<string> Acronyms { get; init; } = [];
    public int WorksCount { get; init; }
    public int CitedByCount { get; init; }
}

internal sealed class SourceRecord : OpenAlexRecord
{
    public required string DisplayName { get; init; }
    public string? IssnL { get; init; }
    public string? Type { get; init; }
    public string? HostOrganization { get; init; }
    public string? HomepageUrl { get; init; }
    public int WorksCount { get; init; }
}

internal sealed class TopicRecord : OpenAlexRecord
{
    public required string DisplayName { get; init; }
    public string? Description { get; init; }
    public List<string> Keywords { get; init; } = [];
    public required string SubfieldName { get; init; }
    public required string FieldName { get; init; }
    public required string DomainName { get; init; }
    public int? SubfieldNumber { get; init; }
    public int? FieldNumber { get; init; }
    public int? DomainNumber { get; init; }
    public int WorksCount { get; init; }
}

internal sealed class AuthorRecord : OpenAlexRecord
{
    public required string DisplayName { get; init; }
    public List<string> AlternativeNames { get; init; } = [];
    public string? Orcid { get; init; }
    public int WorksCount { get; init; }
    public int CitedByCount { get; init; }
    public int HIndex { get; init; }
    public int I10Index { get; init; }
    public InstitutionRecord? LastKnownInstitution { get; init; }
    public List<AffiliationRecord> Affiliations { get; init; } = [];
    /// <summary>Topics made from the author's x_concepts (records before 2024); stored as topics the author mentions.</summary>
    public List<TopicRecord> Concepts { get; init; } = [];
}

internal sealed record AffiliationRecord(InstitutionRecord Institution, int? FirstYear, int? LastYear);

internal sealed class WorkRecord : OpenAlexRecord
{
    public required string Title { get; init; }
    public required string Type { get; init; }
    public int? Year { get; init; }
    public DateOnly? PublicationDate { get; init; }
    public string? Doi { get; init; }
    public string? ArxivId { get; init; }
    public string? Abstract { get; init; }
    public int CitedByCount { get; init; }
    public bool IsOpenAccess { get; init; }
    public string? Language { get; init; }
    public SourceRecord? Venue { get; init; }
    public List<AuthorshipRecord> Authorships { get; init; } = [];
    public List<WorkTopicRecord> Topics { get; init; } = [];
    /// <summary>The numbers of the works this one cites (W2741809807 is 2741809807), sorted, without repeats.</summary>
    public List<long> ReferencedWorkNumbers { get; init; } = [];
}

/// <summary>
/// An author on a work. <see cref="Author"/> is null for an author OpenAlex gives by name only (no id); such a
/// person is stored as a researcher without an OpenAlex id, tied to this work.
/// </summary>
internal sealed record AuthorshipRecord(
    AuthorRecord? Author, string DisplayName, int Order, AuthorPosition Position, bool IsCorresponding,
    List<InstitutionRecord> Institutions);

internal sealed record WorkTopicRecord(TopicRecord Topic, double Score, bool IsPrimary);

/// <summary>One line of a merged_ids file: <see cref="OldId"/> now lives on as <see cref="MergedIntoId"/>.</summary>
internal sealed record MergedIdRecord(OpenAlexKind Kind, string OldId, string MergedIntoId, DateOnly? MergeDate);
