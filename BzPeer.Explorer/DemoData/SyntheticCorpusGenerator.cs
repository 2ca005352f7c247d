using BzPeer.Explorer.Data;
using BzPeer.Explorer.Data.Bulk;
using static BzPeer.Explorer.DemoData.SyntheticVocabulary;

namespace BzPeer.Explorer.DemoData;

/// <summary>
/// A deterministic fictional corpus with the shape of real bibliographic data: research groups at institutions,
/// skewed productivity, students who come and go, groups that move institution, cross-group collaborations,
/// citations to earlier work on the same topics, and more works in recent years.
/// Rows are written as they are made; what it keeps in memory is bounded by the catalogue size, not by the
/// number of works, so the same code fills a demo database or a million-work benchmark one.
/// </summary>
internal sealed class SyntheticCorpusGenerator
{
    public const int DemoWorks = 6000;
    public const int DemoSeed = 2022;
    private const int FirstYear = 1998;
    private const int LastYear = 2025;

    private readonly int _worksWanted;
    private readonly Random _random;
    private readonly CitationPool _popular = new(2048);
    private readonly Ring<(int ResearcherId, int InstitutionId)> _visitingCollaborators = new(512);
    private int _researcherSerial;

    public SyntheticCorpusGenerator(int works, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(works);
        _worksWanted = works;
        _random = new Random(seed);
    }

    public static int TopicCountFor(int works) => Math.Clamp(works / 40, 150, 4500);
    public static int InstitutionCountFor(int works) => Math.Clamp(works / 100, 60, PlaceStarts.Length * PlaceEnds.Length * InstitutionKinds.Length);
    public static int VenueCountFor(int works) => Math.Clamp(works / 75, 80, 2000);

    /// <summary>Writes the corpus. <paramref name="sharedTopics"/> are existing topics that corpus works in the same subfield may carry too.</summary>
    public void Write(BulkWriter writer, IReadOnlyList<Topic> sharedTopics, IProgress<int>? worksWritten = null, CancellationToken cancellationToken = default)
    {
        var topicsBySubfield = WriteTopics(writer, sharedTopics);
        var institutionIds = WriteInstitutions(writer);
        var venuesBySubfield = WriteVenues(writer);
        var ids = new IdSequence(writer);

        var written = 0;
        while (written < _worksWanted)
        {
            var subfield = _random.Next(Subfields.Length);
            var lab = new Lab(
                Institution: institutionIds[Skewed(institutionIds.Length, 1.6)],
                FormerInstitution: _random.NextDouble() < 0.2 ? institutionIds[_random.Next(institutionIds.Length)] : null,
                Topics: PickLabTopics(topicsBySubfield[subfield]),
                Venues: venuesBySubfield[subfield],
                Subjects: Subfields[subfield].Subjects);
            var works = Math.Min(_worksWanted - written, LabSize());
            WriteLab(writer, ids, lab, works);
            written += works;
            worksWritten?.Report(written);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private sealed record Lab(int Institution, int? FormerInstitution, TopicRef[] Topics, int[] Venues, string[] Subjects);

    private sealed record TopicRef(int Id, string Subject, bool IsShared)
    {
        public Ring<(int WorkId, int Year)> RecentWorks { get; } = new(64);
    }

    private void WriteLab(BulkWriter writer, IdSequence ids, Lab lab, int workCount)
    {
        var startYear = FirstYear + _random.Next(LastYear - FirstYear - 3);
        var years = new int[workCount];
        for (var i = 0; i < workCount; i++)
            years[i] = Math.Min(LastYear, startYear + (int)((LastYear - startYear + 1) * Math.Sqrt(_random.NextDouble())));
        Array.Sort(years);
        var moveYear = lab.FormerInstitution is null ? int.MinValue : years[workCount / 2];

        var head = NewResearcher(writer, ids);
        var members = Enumerable.Range(0, 2 + _random.Next(7)).Select(_ => NewResearcher(writer, ids)).ToArray();
        var students = new Ring<int>(6);

        foreach (var year in years)
        {
            var institution = lab.FormerInstitution is { } former && year < moveYear ? former : lab.Institution;
            var authors = new List<(int ResearcherId, int? InstitutionId)>();
            void AddAuthor(int researcherId, int? institutionId)
            {
                if (!authors.Exists(a => a.ResearcherId == researcherId)) authors.Add((researcherId, institutionId));
            }

            for (var slots = StudentSlots(); slots > 0; slots--)
            {
                var student = students.Count > 0 && _random.NextDouble() < 0.35
                    ? students[_random.Next(students.Count)]
                    : students.Push(NewResearcher(writer, ids));
                AddAuthor(student, institution);
            }
            for (var k = 1 + _random.Next(3); k > 0; k--)
                AddAuthor(members[Skewed(members.Length, 2.0)], institution);
            if (authors.Count > 1 && _random.NextDouble() < 0.5)
                (authors[0], authors[1]) = (authors[1], authors[0]);
            if (_visitingCollaborators.Count > 0 && _random.NextDouble() < 0.12)
            {
                var (visitor, home) = _visitingCollaborators[_random.Next(_visitingCollaborators.Count)];
                AddAuthor(visitor, home);
            }
            if (authors.Count == 0 || _random.NextDouble() < 0.8)
                AddAuthor(head, institution);

            WriteWork(writer, ids, lab, year, authors);
        }

        _visitingCollaborators.Push((head, lab.Institution));
        foreach (var member in members.Take(2)) _visitingCollaborators.Push((member, lab.Institution));
    }

    private void WriteWork(BulkWriter writer, IdSequence ids, Lab lab, int year, List<(int ResearcherId, int? InstitutionId)> authors)
    {
        var topicCount = 1 + _random.Next(Math.Min(3, lab.Topics.Length));
        var topics = lab.Topics.OrderBy(_ => _random.Next()).Take(topicCount).ToArray();
        var work = new Work
        {
            Id = ids.Work++,
            Title = Title(topics[0].Subject, lab.Subjects),
            Abstract = Abstract(topics[0].Subject, lab.Subjects[_random.Next(lab.Subjects.Length)]),
            Type = WorkType(),
            Year = year,
            PublicationDate = new DateOnly(year, 1 + _random.Next(12), 1 + _random.Next(28)),
            VenueId = lab.Venues[Skewed(lab.Venues.Length, 1.5)],
            IsOpenAccess = _random.NextDouble() < 0.45,
            Language = "en",
            Origin = RecordOrigin.Synthetic,
        };
        writer.Add(work);

        for (var i = 0; i < topics.Length; i++)
            writer.Add(new WorkTopic { WorkId = work.Id, TopicId = topics[i].Id, Score = Math.Round(0.99 - 0.12 * i - 0.05 * _random.NextDouble(), 4), IsPrimary = i == 0, WorkYear = year });

        for (var order = 0; order < authors.Count; order++)
        {
            var authorship = new Authorship
            {
                Id = ids.Authorship++, WorkId = work.Id, ResearcherId = authors[order].ResearcherId, AuthorOrder = order,
                Position = order == 0 ? AuthorPosition.First : order == authors.Count - 1 ? AuthorPosition.Last : AuthorPosition.Middle,
                IsCorresponding = order == authors.Count - 1,
            };
            writer.Add(authorship);
            if (authors[order].InstitutionId is { } institutionId && _random.NextDouble() > 0.04)
                writer.Add(new AuthorshipInstitution { AuthorshipId = authorship.Id, InstitutionId = institutionId });
        }

        WriteCitations(writer, work.Id, year, topics[0]);
        foreach (var topic in topics) topic.RecentWorks.Push((work.Id, year));
        _popular.Add(work.Id, year);
    }

    private void WriteCitations(BulkWriter writer, int workId, int year, TopicRef primaryTopic)
    {
        var wanted = Skewed(16, 1.4);
        var cited = new HashSet<int>();
        for (var attempt = 0; attempt < wanted * 2 && cited.Count < wanted; attempt++)
        {
            var fromTopic = _random.NextDouble() < 0.7 && primaryTopic.RecentWorks.Count > 0;
            var (candidate, candidateYear) = fromTopic
                ? primaryTopic.RecentWorks[_random.Next(primaryTopic.RecentWorks.Count)]
                : _popular.Pick(_random);
            if (candidate == 0 || candidateYear > year || !cited.Add(candidate)) continue;
            writer.Add(new Citation { CitingWorkId = workId, CitedWorkId = candidate });
            _popular.Add(candidate, candidateYear);
        }
    }

    private int NewResearcher(BulkWriter writer, IdSequence ids)
    {
        var name = ResearcherName(_researcherSerial++);
        var researcher = new Researcher { Id = ids.Researcher++, Slug = Slug.From(name), DisplayName = name, Origin = RecordOrigin.Synthetic };
        writer.Add(researcher);
        return researcher.Id;
    }

    /// <summary>
    /// A distinct invented name for every serial number: the serial is spread over all first×last combinations by a
    /// multiplication modulo their count (a bijection), so neighbours do not share a surname and no two people share a name.
    /// </summary>
    internal static string ResearcherName(int serial)
    {
        var firstNames = FirstNameStarts.Length * FirstNameEnds.Length;
        var lastNames = LastNameStarts.Length * LastNameMiddles.Length * LastNameEnds.Length;
        long combinations = (long)firstNames * lastNames;
        var spread = (serial % combinations) * 1_000_003L % combinations;
        var first = (int)(spread % firstNames);
        var last = (int)(spread / firstNames);
        var name = FirstNameStarts[first % FirstNameStarts.Length] + FirstNameEnds[first / FirstNameStarts.Length] + " "
            + LastNameStarts[last % LastNameStarts.Length]
            + LastNameMiddles[last / LastNameStarts.Length % LastNameMiddles.Length]
            + LastNameEnds[last / (LastNameStarts.Length * LastNameMiddles.Length)];
        var round = serial / combinations;
        return round == 0 ? name : name.Replace(" ", $" {(char)('A' + round - 1)}. ");
    }

    private Dictionary<int, List<TopicRef>> WriteTopics(BulkWriter writer, IReadOnlyList<Topic> sharedTopics)
    {
        var bySubfield = Enumerable.Range(0, Subfields.Length).ToDictionary(i => i, _ => new List<TopicRef>());
        foreach (var shared in sharedTopics)
        {
            var index = Array.FindIndex(Subfields, s => s.Name == shared.SubfieldName);
            if (index >= 0) bySubfield[index].Add(new TopicRef(shared.Id, shared.DisplayName, IsShared: true));
        }

        var nextId = writer.NextId<Topic>();
        var subjects = Subfields[0].Subjects.Length;
        for (var i = 0; i < TopicCountFor(_worksWanted); i++)
        {
            var subfieldIndex = i % Subfields.Length;
            var subfield = Subfields[subfieldIndex];
            var subject = subfield.Subjects[i / Subfields.Length % subjects];
            var qualifier = TopicQualifiers[i / (Subfields.Length * subjects)];
            var name = qualifier.Length == 0 ? subject : $"{qualifier} {subject}";
            var topic = new Topic
            {
                Id = nextId++, DisplayName = name, Origin = RecordOrigin.Synthetic,
                Description = $"Research on {name.ToLowerInvariant()} in {subfield.Name.ToLowerInvariant()}.",
                SubfieldName = subfield.Name, SubfieldNumber = subfield.Number,
                FieldName = subfield.Field, FieldNumber = subfield.FieldNumber,
                DomainName = subfield.Domain, DomainNumber = subfield.DomainNumber,
            };
            writer.Add(topic);
            bySubfield[subfieldIndex].Add(new TopicRef(topic.Id, subject, IsShared: false));
        }
        return bySubfield;
    }

    private int[] WriteInstitutions(BulkWriter writer)
    {
        var nextId = writer.NextId<Institution>();
        var places = PlaceStarts.Length * PlaceEnds.Length;
        var ids = new int[InstitutionCountFor(_worksWanted)];
        for (var i = 0; i < ids.Length; i++)
        {
            var place = Place(i * 7 % places);
            var kind = InstitutionKinds[i / places];
            var name = string.Format(kind.Pattern, place);
            var institution = new Institution
            {
                Id = nextId++, DisplayName = name, Acronyms = [Acronym(name)], Type = kind.Type, City = place,
                CountryCode = CountryCodes[i * 5 % CountryCodes.Length], HomepageUrl = $"https://www.{Slug.From(name)}.example",
                Origin = RecordOrigin.Synthetic,
            };
            writer.Add(institution);
            ids[i] = institution.Id;
        }
        return ids;
    }

    private Dictionary<int, int[]> WriteVenues(BulkWriter writer)
    {
        var nextId = writer.NextId<Venue>();
        var bySubfield = Enumerable.Range(0, Subfields.Length).ToDictionary(i => i, _ => new List<int>());
        for (var i = 0; i < VenueCountFor(_worksWanted); i++)
        {
            var subfieldIndex = i % Subfields.Length;
            var kind = VenueKinds[i / Subfields.Length % VenueKinds.Length];
            var round = i / (Subfields.Length * VenueKinds.Length);
            var name = string.Format(kind.Pattern, Subfields[subfieldIndex].Name);
            if (round > 0) name = $"{Place(round - 1)} {name}";
            var venue = new Venue { Id = nextId++, DisplayName = name, Type = kind.Type, Origin = RecordOrigin.Synthetic };
            writer.Add(venue);
            bySubfield[subfieldIndex].Add(venue.Id);
        }
        return bySubfield.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    private TopicRef[] PickLabTopics(List<TopicRef> subfieldTopics)
    {
        var count = Math.Min(subfieldTopics.Count, 3 + _random.Next(4));
        var picked = subfieldTopics.OrderBy(_ => _random.Next()).Take(count).ToList();
        // Topics of real records get corpus works regularly, so the graph leads from those records into the corpus.
        var shared = subfieldTopics.Where(t => t.IsShared).ToArray();
        if (shared.Length > 0 && !picked.Any(t => t.IsShared) && _random.NextDouble() < 0.5)
            picked[0] = shared[_random.Next(shared.Length)];
        return picked.ToArray();
    }

    private int LabSize() => Math.Min(300, 4 + (int)(6 / Math.Pow(1 - _random.NextDouble(), 1 / 1.3) - 6));

    private int StudentSlots() => _random.NextDouble() switch { < 0.1 => 0, < 0.4 => 1, < 0.75 => 2, _ => 3 };

    /// <summary>An index below <paramref name="count"/>, small ones far more likely the larger <paramref name="skew"/> is.</summary>
    private int Skewed(int count, double skew) => Math.Min(count - 1, (int)(count * Math.Pow(_random.NextDouble(), skew)));

    private string WorkType() => _random.NextDouble() switch
    {
        < 0.70 => "article", < 0.85 => "preprint", < 0.90 => "review", < 0.95 => "book-chapter", _ => "dataset",
    };

    private string Title(string subject, string[] subjects) => _random.Next(6) switch
    {
        0 => $"{Pick(Methods)} for {subject}",
        1 => $"Revisiting {subject}: {Pick(Aspects)}",
        2 => $"On the {Pick(Properties)} of {subject}",
        3 => $"{Pick(Adjectives)} {subject} with {Pick(Methods)}",
        4 => $"Towards {Pick(Adjectives)} {subject}",
        _ => $"{subject} and {Pick(subjects)}: {Pick(Aspects)}",
    };

    private string Abstract(string subject, string related) =>
        $"We study {subject.ToLowerInvariant()} and its relation to {related.ToLowerInvariant()}. " +
        $"Using {Pick(Methods).ToLowerInvariant()}, we examine {Pick(Properties).ToLowerInvariant()} across {3 + _random.Next(20)} settings. " +
        $"Our results show a {(_random.Next(2) == 0 ? "consistent" : "surprising")} improvement of {5 + _random.Next(40)}% over prior approaches, " +
        $"and we discuss what this means for {Pick(Adjectives).ToLowerInvariant()} {related.ToLowerInvariant()}.";

    private string Pick(string[] words) => words[_random.Next(words.Length)];

    private static string Place(int index) => PlaceStarts[index % PlaceStarts.Length] + PlaceEnds[index / PlaceStarts.Length % PlaceEnds.Length];

    private static string Acronym(string name) =>
        string.Concat(name.Split(' ').Where(w => w.Length > 2 && char.IsUpper(w[0])).Select(w => w[0]));

    /// <summary>The next key of each table the corpus writes, read once from the database.</summary>
    private sealed class IdSequence(BulkWriter writer)
    {
        public int Researcher = writer.NextId<Researcher>();
        public int Work = writer.NextId<Work>();
        public int Authorship = writer.NextId<Authorship>();
    }

    /// <summary>Works that get cited again are re-entered, so the well-cited become more likely to be cited (preferential attachment).</summary>
    private sealed class CitationPool(int capacity)
    {
        private readonly Ring<(int WorkId, int Year)> _entries = new(capacity);

        public void Add(int workId, int year) => _entries.Push((workId, year));

        public (int WorkId, int Year) Pick(Random random) => _entries.Count == 0 ? (0, 0) : _entries[random.Next(_entries.Count)];
    }
}

/// <summary>A fixed-size buffer that keeps the most recent items.</summary>
internal sealed class Ring<T>(int capacity)
{
    private readonly T[] _items = new T[capacity];
    private int _next;

    public int Count { get; private set; }

    public T this[int index] => _items[index];

    public T Push(T item)
    {
        _items[_next] = item;
        _next = (_next + 1) % _items.Length;
        Count = Math.Min(Count + 1, _items.Length);
        return item;
    }
}
