using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BzPeer.Explorer.Data;

namespace BzPeer.Explorer.Import.OpenAlex;

/// <summary>A record that is valid JSON but not a usable OpenAlex record; the message names the field.</summary>
internal sealed class RecordFormatException(string message) : Exception(message);

/// <summary>
/// Turns OpenAlex JSON (API or snapshot, current or older schema) into records. Fields the app does not use are
/// ignored; a field the app uses that has the wrong JSON type makes the record bad, with the field named.
/// </summary>
internal static partial class OpenAlexParser
{
    /// <summary>The record's kind and, for the kinds the app stores, the record; throws <see cref="RecordFormatException"/>.</summary>
    public static (OpenAlexKind Kind, OpenAlexRecord? Record) Parse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new RecordFormatException("the record is not a JSON object");
        var root = new Fields(element, "");
        var rawId = root.String("id") ?? throw new RecordFormatException("the record has no id");
        var id = OpenAlexId.Normalize(rawId) ?? throw new RecordFormatException($"'id' is not an OpenAlex id: \"{Shorten(rawId)}\"");
        var kind = OpenAlexId.KindOf(id);
        OpenAlexRecord? record = kind switch
        {
            OpenAlexKind.Work => ParseWork(root, id),
            OpenAlexKind.Author => ParseAuthor(root, id),
            OpenAlexKind.Institution => ParseInstitution(root, id, isMention: false),
            OpenAlexKind.Topic => ParseTopic(root, id, isMention: false),
            OpenAlexKind.Source => ParseSource(root, id, isMention: false),
            _ => null,
        };
        return (kind, record);
    }

    /// <summary>The id a record gives, as it gives it (shortened when it is long), for messages about a record that cannot be read.</summary>
    public static string? IdOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
        && id.GetString() is { Length: > 0 } text
            ? OpenAlexId.Normalize(text) ?? Shorten(text) : null;

    private static WorkRecord ParseWork(Fields work, string id)
    {
        var doi = Doi(work.String("doi") ?? work.Object("ids")?.String("doi"));
        var locations = work.Array("locations").Select(l => l.AsObject()).ToList();
        var primaryLocation = work.Object("primary_location");
        if (primaryLocation is { } primary) locations.Insert(0, primary);
        // The 2022 schema: host_venue and alternate_host_venues instead of primary_location and locations.
        var hostVenues = work.Array("alternate_host_venues").Select(v => v.AsObject()).ToList();
        if (work.Object("host_venue") is { } hostVenue) hostVenues.Insert(0, hostVenue);

        var primaryTopicId = OpenAlexId.Normalize(work.Object("primary_topic")?.String("id"));
        var topics = new List<WorkTopicRecord>();
        foreach (var entry in work.Array("topics"))
        {
            var topicFields = entry.AsObject();
            if (MentionedId(topicFields, OpenAlexKind.Topic) is not { } topicId || topics.Exists(t => t.Topic.OpenAlexId == topicId)) continue;
            topics.Add(new WorkTopicRecord(ParseTopic(topicFields, topicId, isMention: true), topicFields.Number("score") ?? 0,
                IsPrimary: primaryTopicId is null ? topics.Count == 0 : topicId == primaryTopicId));
        }
        if (topics.Count == 0) topics = ConceptTopics(work.Array("concepts"));

        return new WorkRecord
        {
            OpenAlexId = id,
            UpdatedDate = work.Date("updated_date"),
            Title = work.String("title") ?? work.String("display_name") ?? "(no title)",
            Type = work.String("type") ?? "other",
            Year = work.Int("publication_year"),
            PublicationDate = work.Date("publication_date"),
            Doi = doi,
            ArxivId = ArxivId(doi, locations, hostVenues),
            Abstract = RebuildAbstract(work.Object("abstract_inverted_index")),
            CitedByCount = work.Int("cited_by_count") ?? 0,
            IsOpenAccess = work.Object("open_access")?.Bool("is_oa") ?? false,
            Language = work.String("language"),
            Venue = Venue(primaryLocation, hostVenues),
            Authorships = Authorships(work),
            Topics = topics,
            ReferencedWorkNumbers = ReferencedWorkNumbers(work),
        };
    }

    /// <summary>The numbers of the works cited, sorted and without repeats; ids of other kinds are left out.</summary>
    private static List<long> ReferencedWorkNumbers(Fields work)
    {
        var numbers = new List<long>();
        foreach (var item in work.Array("referenced_works"))
        {
            if (item.Element.ValueKind != JsonValueKind.String) item.AsString();
            if (OpenAlexId.WorkNumber(item.Element) is { } number) numbers.Add(number);
        }
        numbers.Sort();
        var kept = 0;
        for (var i = 0; i < numbers.Count; i++)
            if (i == 0 || numbers[i] != numbers[kept - 1]) numbers[kept++] = numbers[i];
        numbers.RemoveRange(kept, numbers.Count - kept);
        return numbers;
    }

    private static List<AuthorshipRecord> Authorships(Fields work)
    {
        var authorships = new List<AuthorshipRecord>();
        var order = 0;
        foreach (var entry in work.Array("authorships"))
        {
            var authorship = entry.AsObject();
            var author = authorship.Object("author");
            var name = author?.String("display_name") ?? authorship.String("raw_author_name");
            var authorId = author is { } a ? MentionedId(a, OpenAlexKind.Author) : null;
            var position = authorship.String("author_position");
            // A work that names the same author twice keeps the first place; an author with neither id nor name is no one.
            if (name is null || (authorId is not null && authorships.Exists(x => x.Author?.OpenAlexId == authorId)))
            {
                order++;
                continue;
            }
            var institutions = new List<InstitutionRecord>();
            foreach (var institution in authorship.Array("institutions"))
            {
                var fields = institution.AsObject();
                if (MentionedId(fields, OpenAlexKind.Institution) is { } institutionId && !institutions.Exists(i => i.OpenAlexId == institutionId))
                    institutions.Add(ParseInstitution(fields, institutionId, isMention: true));
            }
            authorships.Add(new AuthorshipRecord(
                authorId is null ? null : new AuthorRecord { OpenAlexId = authorId, IsMention = true, DisplayName = name, Orcid = Orcid(author!.Value.String("orcid")) },
                name, order,
                position switch { "first" => AuthorPosition.First, "last" => AuthorPosition.Last, _ => AuthorPosition.Middle },
                authorship.Bool("is_corresponding") ?? false,
                institutions));
            order++;
        }
        return authorships;
    }

    private static AuthorRecord ParseAuthor(Fields author, string id)
    {
        var lastKnown = author.Object("last_known_institution")
            ?? author.Array("last_known_institutions").Select(i => (Fields?)i.AsObject()).FirstOrDefault(i => i!.Value.Has("id"));
        var affiliations = new List<AffiliationRecord>();
        foreach (var entry in author.Array("affiliations"))
        {
            var affiliation = entry.AsObject();
            if (affiliation.Object("institution") is not { } institution || MentionedId(institution, OpenAlexKind.Institution) is not { } institutionId) continue;
            var years = affiliation.Array("years").Select(y => y.AsInt()).ToList();
            affiliations.Add(new AffiliationRecord(ParseInstitution(institution, institutionId, isMention: true),
                years.Count > 0 ? years.Min() : null, years.Count > 0 ? years.Max() : null));
        }
        var summary = author.Object("summary_stats");
        // An author without a name keeps its id as its name, as institutions, sources and topics do.
        var displayName = author.String("display_name") ?? id;
        return new AuthorRecord
        {
            OpenAlexId = id,
            UpdatedDate = author.Date("updated_date"),
            DisplayName = displayName,
            AlternativeNames = author.Array("display_name_alternatives").Select(n => n.AsString()).OfType<string>()
                .Where(n => n != displayName).Distinct().ToList(),
            Orcid = Orcid(author.String("orcid") ?? author.Object("ids")?.String("orcid")),
            WorksCount = author.Int("works_count") ?? 0,
            CitedByCount = author.Int("cited_by_count") ?? 0,
            HIndex = summary?.Int("h_index") ?? 0,
            I10Index = summary?.Int("i10_index") ?? 0,
            LastKnownInstitution = lastKnown is { } last && MentionedId(last, OpenAlexKind.Institution) is { } lastId
                ? ParseInstitution(last, lastId, isMention: true) : null,
            Affiliations = affiliations,
            Concepts = ConceptTopics(author.Array("x_concepts")).Select(c => c.Topic).ToList(),
        };
    }

    private static InstitutionRecord ParseInstitution(Fields institution, string id, bool isMention) => new()
    {
        OpenAlexId = id,
        IsMention = isMention,
        UpdatedDate = isMention ? null : institution.Date("updated_date"),
        DisplayName = institution.String("display_name") ?? id,
        Ror = WithoutPrefix(institution.String("ror"), "https://ror.org/", "http://ror.org/"),
        CountryCode = institution.String("country_code") is { Length: 2 } country ? country.ToUpperInvariant() : null,
        Type = institution.String("type"),
        HomepageUrl = institution.String("homepage_url"),
        City = institution.Object("geo")?.String("city"),
        Acronyms = institution.Array("display_name_acronyms").Select(a => a.AsString()).OfType<string>().ToList(),
        WorksCount = institution.Int("works_count") ?? 0,
        CitedByCount = institution.Int("cited_by_count") ?? 0,
    };

    private static SourceRecord ParseSource(Fields source, string id, bool isMention) => new()
    {
        OpenAlexId = id,
        IsMention = isMention,
        UpdatedDate = isMention ? null : source.Date("updated_date"),
        DisplayName = source.String("display_name") ?? id,
        IssnL = source.String("issn_l"),
        Type = source.String("type"),
        HostOrganization = source.String("host_organization_name") ?? source.String("publisher"),
        HomepageUrl = source.String("homepage_url"),
        WorksCount = source.Int("works_count") ?? 0,
    };

    private static TopicRecord ParseTopic(Fields topic, string id, bool isMention)
    {
        var subfield = topic.Object("subfield");
        var field = topic.Object("field");
        var domain = topic.Object("domain");
        return new TopicRecord
        {
            OpenAlexId = id,
            IsMention = isMention,
            UpdatedDate = isMention ? null : topic.Date("updated_date"),
            DisplayName = topic.String("display_name") ?? id,
            Description = topic.String("description"),
            Keywords = topic.Array("keywords").Select(k => k.AsString()).OfType<string>().ToList(),
            SubfieldName = subfield?.String("display_name") ?? Unclassified,
            FieldName = field?.String("display_name") ?? Unclassified,
            DomainName = domain?.String("display_name") ?? Unclassified,
            SubfieldNumber = HierarchyNumber(subfield),
            FieldNumber = HierarchyNumber(field),
            DomainNumber = HierarchyNumber(domain),
            WorksCount = topic.Int("works_count") ?? 0,
        };
    }

    private const string Unclassified = "Unclassified";

    /// <summary>
    /// The venue of a work: its primary location's source, or in records before 2023 its host_venue (a "V…" venue,
    /// stored as a source), else the first of its alternate_host_venues with an id.
    /// </summary>
    private static SourceRecord? Venue(Fields? primaryLocation, List<Fields> hostVenues)
    {
        if (primaryLocation?.Object("source") is { } source && MentionedId(source, OpenAlexKind.Source) is { } sourceId)
            return ParseSource(source, sourceId, isMention: true);
        foreach (var venue in hostVenues)
            if (MentionedId(venue, OpenAlexKind.Source) is { } venueId) return ParseSource(venue, venueId, isMention: true);
        return null;
    }

    /// <summary>
    /// Topics made from OpenAlex concepts (the classification before topics; a work's <c>concepts</c>, an author's
    /// <c>x_concepts</c>), for records that have no topics. The deepest concepts (level 2 and below, or the deepest
    /// level there is) become topics keyed on their "C…" ids, placed under the record's strongest level-0 concept as
    /// domain and strongest level-1 concept as field; a concept's score is the topic's score.
    /// </summary>
    private static List<WorkTopicRecord> ConceptTopics(IEnumerable<Item> concepts)
    {
        var read = new List<(string Id, Fields Fields, int Level, double Score)>();
        foreach (var entry in concepts)
        {
            var concept = entry.AsObject();
            if (MentionedId(concept, OpenAlexKind.Concept) is not { } conceptId || read.Exists(c => c.Id == conceptId)) continue;
            read.Add((conceptId, concept, Math.Max(0, concept.Int("level") ?? 0), concept.Number("score") ?? 0));
        }
        if (read.Count == 0) return [];
        string? Strongest(int level) => read.Where(c => c.Level == level).OrderByDescending(c => c.Score)
            .Select(c => c.Fields.String("display_name")).FirstOrDefault(name => name is not null);
        var domain = Strongest(0) ?? Unclassified;
        var field = Strongest(1) ?? Unclassified;
        var topicLevel = Math.Min(2, read.Max(c => c.Level));
        var topics = new List<WorkTopicRecord>();
        foreach (var (conceptId, concept, _, score) in read.Where(c => c.Level >= topicLevel).OrderByDescending(c => c.Score))
        {
            topics.Add(new WorkTopicRecord(new TopicRecord
            {
                OpenAlexId = conceptId, IsMention = true, DisplayName = concept.String("display_name") ?? conceptId,
                SubfieldName = Unclassified, FieldName = field, DomainName = domain,
            }, score, IsPrimary: topics.Count == 0));
        }
        return topics;
    }

    /// <summary>The id of an entity another record mentions, when it is one of the expected kind.</summary>
    private static string? MentionedId(Fields mention, OpenAlexKind expected) =>
        OpenAlexId.Normalize(mention.String("id")) is { } id && OpenAlexId.KindOf(id) == expected ? id : null;

    /// <summary>The plain text of an abstract from OpenAlex's inverted index (word → positions).</summary>
    internal static string? RebuildAbstract(Fields? invertedIndex)
    {
        if (invertedIndex is not { } index) return null;
        var words = new List<(int Position, string Word)>();
        foreach (var word in index.Element.EnumerateObject())
        {
            if (word.Value.ValueKind != JsonValueKind.Array)
                throw new RecordFormatException($"'abstract_inverted_index.{Shorten(word.Name)}' is not an array of positions");
            foreach (var position in word.Value.EnumerateArray())
            {
                if (position.ValueKind != JsonValueKind.Number || !position.TryGetInt32(out var at) || at < 0)
                    throw new RecordFormatException($"'abstract_inverted_index.{Shorten(word.Name)}' holds a position that is not a whole number");
                words.Add((at, word.Name));
            }
        }
        if (words.Count == 0) return null;
        // Positions are nearly always 0, 1, 2, …: words go straight to their places, without a sort.
        var last = words.Max(w => w.Position);
        var inPlace = last < 2 * words.Count + 16 ? new string?[last + 1] : null;
        foreach (var (position, word) in words)
        {
            if (inPlace is null) break;
            if (inPlace[position] is not null) inPlace = null;
            else inPlace[position] = word;
        }
        var text = new StringBuilder();
        foreach (var word in inPlace ?? words.OrderBy(w => w.Position).Select(string? (w) => w.Word))
        {
            if (word is null) continue;
            if (text.Length > 0) text.Append(' ');
            text.Append(word);
        }
        return text.ToString();
    }

    private static string? Doi(string? value)
    {
        var doi = WithoutPrefix(value, "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:");
        return doi is not null && doi.StartsWith("10.", StringComparison.Ordinal) ? doi : null;
    }

    private static string? Orcid(string? value) =>
        WithoutPrefix(value, "https://orcid.org/", "http://orcid.org/") is { } orcid && OrcidPattern().IsMatch(orcid) ? orcid : null;

    /// <summary>The arXiv id from an arXiv DOI (10.48550/arXiv.…) or an arXiv location (abs/pdf page or OAI id).</summary>
    private static string? ArxivId(string? doi, List<Fields> locations, List<Fields> hostVenues)
    {
        const string arxivDoi = "10.48550/arxiv.";
        if (doi is not null && doi.StartsWith(arxivDoi, StringComparison.OrdinalIgnoreCase) && ArxivIdPattern().IsMatch(doi[arxivDoi.Length..]))
            return doi[arxivDoi.Length..];
        foreach (var location in locations)
        {
            foreach (var text in new[] { location.String("landing_page_url"), location.String("pdf_url"), location.String("id") })
            {
                if (text is not null && ArxivLocation().Match(text) is { Success: true } match) return match.Groups["id"].Value;
            }
        }
        foreach (var venue in hostVenues)
        {
            if (venue.String("url") is { } url && ArxivLocation().Match(url) is { Success: true } match) return match.Groups["id"].Value;
        }
        return null;
    }

    private static int? HierarchyNumber(Fields? level) =>
        level?.String("id") is { } id && int.TryParse(id.AsSpan(id.LastIndexOf('/') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number : null;

    private static string? WithoutPrefix(string? value, params string[] prefixes)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        foreach (var prefix in prefixes)
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return value[prefix.Length..];
        return value;
    }

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    [GeneratedRegex(@"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")]
    private static partial Regex OrcidPattern();

    [GeneratedRegex(@"^(\d{4}\.\d{4,5}|[a-z\-]+(\.[A-Z]{2})?/\d{7})$")]
    private static partial Regex ArxivIdPattern();

    [GeneratedRegex(@"(?:arxiv\.org/(?:abs|pdf)/|oai:arXiv\.org:)(?<id>\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})", RegexOptions.IgnoreCase)]
    private static partial Regex ArxivLocation();

    /// <summary>Typed reads of a JSON object's fields: null when a field is missing or null, an error naming it when its type is wrong.</summary>
    internal readonly struct Fields(JsonElement element, string path)
    {
        public JsonElement Element => element;

        public bool Has(string name) => element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

        /// <summary>The text, or null when it is missing, null or blank (real records carry "" for unknown values).</summary>
        public string? String(string name) =>
            Get(name, JsonValueKind.String, "a string") is { } value && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;

        public int? Int(string name)
        {
            if (Get(name, JsonValueKind.Number, "a number") is not { } value) return null;
            return value.TryGetInt32(out var number) ? number : throw Wrong(name, "a whole number");
        }

        public double? Number(string name) => Get(name, JsonValueKind.Number, "a number")?.GetDouble();

        public bool? Bool(string name)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            return value.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => throw Wrong(name, "true or false") };
        }

        public DateOnly? Date(string name)
        {
            if (String(name) is not { } text) return null;
            return text.Length >= 10 && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date : throw Wrong(name, "a date (yyyy-mm-dd)");
        }

        public Fields? Object(string name) =>
            Get(name, JsonValueKind.Object, "an object") is { } value ? new Fields(value, Path(name)) : null;

        public IEnumerable<Item> Array(string name)
        {
            if (Get(name, JsonValueKind.Array, "an array") is not { } value) yield break;
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                // A null element is a missing one.
                if (item.ValueKind != JsonValueKind.Null) yield return new Item(item, Path(name), index);
                index++;
            }
        }

        private JsonElement? Get(string name, JsonValueKind kind, string expected)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            return value.ValueKind == kind ? value : throw Wrong(name, expected);
        }

        private RecordFormatException Wrong(string name, string expected) => new($"'{Path(name)}' is not {expected}");

        private string Path(string name) => path.Length == 0 ? name : $"{path}.{name}";
    }

    /// <summary>An array element, with where it is for messages.</summary>
    internal readonly record struct Item(JsonElement Element, string ArrayPath, int Index)
    {
        private string Path => $"{ArrayPath}[{Index}]";

        public Fields AsObject() => Element.ValueKind == JsonValueKind.Object
            ? new Fields(Element, Path) : throw new RecordFormatException($"'{Path}' is not an object");

        public string? AsString() => Element.ValueKind switch
        {
            JsonValueKind.String => Element.GetString(),
            JsonValueKind.Null => null,
            _ => throw new RecordFormatException($"'{Path}' is not a string"),
        };

        public int AsInt() => Element.ValueKind == JsonValueKind.Number && Element.TryGetInt32(out var number)
            ? number : throw new RecordFormatException($"'{Path}' is not a whole number");
    }
}
