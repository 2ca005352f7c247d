namespace BzPeer.Explorer.Import.OpenAlex;

/// <summary>Records read from the input, grouped by kind for one transaction.</summary>
internal sealed class ImportBatch
{
    public List<MergedIdRecord> MergedIds { get; } = [];
    public List<InstitutionRecord> Institutions { get; } = [];
    public List<SourceRecord> Sources { get; } = [];
    public List<TopicRecord> Topics { get; } = [];
    public List<AuthorRecord> Authors { get; } = [];
    public List<WorkRecord> Works { get; } = [];

    public int Count => MergedIds.Count + Institutions.Count + Sources.Count + Topics.Count + Authors.Count + Works.Count;

    public void Add(object record)
    {
        switch (record)
        {
            case MergedIdRecord merge: MergedIds.Add(merge); break;
            case InstitutionRecord institution: Institutions.Add(institution); break;
            case SourceRecord source: Sources.Add(source); break;
            case TopicRecord topic: Topics.Add(topic); break;
            case AuthorRecord author: Authors.Add(author); break;
            case WorkRecord work: Works.Add(work); break;
            default: throw new ArgumentException($"Not an import record: {record.GetType().Name}", nameof(record));
        }
    }

    public void Clear()
    {
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
