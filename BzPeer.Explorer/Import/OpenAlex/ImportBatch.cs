namespace BzPeer.Explorer.Import.OpenAlex;

/// <summary>A record read from the input, with where it was read (file and line) for messages.</summary>
internal readonly record struct ImportEntry(object Record, string Where);

/// <summary>Records read from the input, grouped by kind for one transaction.</summary>
internal sealed class ImportBatch
{
    private readonly List<ImportEntry> _entries = [];

    /// <summary>The batch's records as read, for writing them one at a time when the batch as a whole was refused.</summary>
    public IReadOnlyList<ImportEntry> Entries => _entries;

    public List<MergedIdRecord> MergedIds { get; } = [];
    public List<InstitutionRecord> Institutions { get; } = [];
    public List<SourceRecord> Sources { get; } = [];
    public List<TopicRecord> Topics { get; } = [];
    public List<AuthorRecord> Authors { get; } = [];
    public List<WorkRecord> Works { get; } = [];

    public int Count => MergedIds.Count + Institutions.Count + Sources.Count + Topics.Count + Authors.Count + Works.Count;

    public void Add(ImportEntry entry)
    {
        _entries.Add(entry);
        switch (entry.Record)
        {
            case MergedIdRecord merge: MergedIds.Add(merge); break;
            case InstitutionRecord institution: Institutions.Add(institution); break;
            case SourceRecord source: Sources.Add(source); break;
            case TopicRecord topic: Topics.Add(topic); break;
            case AuthorRecord author: Authors.Add(author); break;
            case WorkRecord work: Works.Add(work); break;
            default: throw new ArgumentException($"Not an import record: {entry.Record.GetType().Name}", nameof(entry));
        }
    }

    /// <summary>Where a record goes in the order a batch is written: merged ids, then what others mention first.</summary>
    public static int WriteOrder(object record) => record switch
    {
        MergedIdRecord => 0,
        InstitutionRecord => 1,
        SourceRecord => 2,
        TopicRecord => 3,
        AuthorRecord => 4,
        _ => 5,
    };

    /// <summary>The OpenAlex id a record is read under, for messages.</summary>
    public static string? IdOf(object record) => record switch
    {
        OpenAlexRecord entity => entity.OpenAlexId,
        MergedIdRecord merge => merge.OldId,
        _ => null,
    };

    public void Clear()
    {
        _entries.Clear();
        MergedIds.Clear();
        Institutions.Clear();
        Sources.Clear();
        Topics.Clear();
        Authors.Clear();
        Works.Clear();
    }
}

/// <summary>How many records of each kind a run (or one batch of it) stored for the first time or updated.</summary>
internal sealed class ImportCounts
{
    public int Works { get; set; }
    public int Researchers { get; set; }
    public int Institutions { get; set; }
    public int Topics { get; set; }
    public int Sources { get; set; }
    /// <summary>Entity records already stored with the same or a newer updated_date.</summary>
    public int Unchanged { get; set; }
    public int MergedIds { get; set; }

    public void Add(ImportCounts other)
    {
        Works += other.Works;
        Researchers += other.Researchers;
        Institutions += other.Institutions;
        Topics += other.Topics;
        Sources += other.Sources;
        Unchanged += other.Unchanged;
        MergedIds += other.MergedIds;
    }
}
