using System.CommandLine;
using BzPeer.Explorer.Cli;
using BzPeer.Explorer.Data;
using BzPeer.Explorer.Import;
using BzPeer.Explorer.Import.OpenAlex;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Live;

/// <summary>The <c>fetch</c> verb: records and their neighbourhood from the OpenAlex API into the database.</summary>
internal sealed class FetchCommand : IVerb
{
    public const string Verb = "fetch";
    /// <summary>Neighbours followed from one record at most, the closest first (most shared works).</summary>
    public const int MostNeighbours = 50;

    public string Details => """
        Reads records from the OpenAlex API and stores them as the import does (the same parser and writer), with their
        neighbourhood to the given depth. An ID is an OpenAlex id (A… researcher, W… work, I… institution, T… topic,
        bare or as its openalex.org address), an ORCID iD, a DOI, an arXiv id or a ROR id.
          depth 0   the records: a researcher with their works, an institution or topic with its most cited works, a work
          depth 1   (the default) and, the same way, the researchers next to each: a researcher's co-authors, a work's
                    authors, an institution's or topic's researchers (at most 50 per record, the closest first)
          depth 2   and the researchers next to those
        The settings are the app's (OpenAlex:BaseUrl, ApiKey, Mailto, RequestsPerSecond, DailyListCalls, RefreshAfter):
        records read within the freshness window are not asked for again, lookups by id are free, and list calls stop
        when the day's budget is spent. OpenAlex:Enabled is not needed: asking for a fetch is asking for the network.

        A record OpenAlex has not, or cannot give (down, refusing, a malformed answer), is reported and skipped;
        nothing of a bad answer is stored. The last line printed is the import's summary
          imported: works=N researchers=N institutions=N topics=N sources=N skipped=N ignored=0
        Exit code: 0 when every record was stored; 2 when some were skipped; 64 for bad arguments; 1 for an unusable
        database.
        """;

    private readonly Argument<string[]> _ids = new Argument<string[]>("ID") { Description = "the records to fetch", Arity = ArgumentArity.OneOrMore }.OptionsRefused();
    private readonly Option<int> _depth = VerbOptions.WholeNumber("--depth", "0|1|2", "0, 1 or 2 (default 1)", least: 0, most: 2, defaultValue: 1);
    private readonly Option<string> _db = VerbDatabase.CreateOption("the SQLite database to store into (default: the configured database, as the app uses it)");

    public FetchCommand()
    {
        Command = new Command(Verb, "Reads records and their neighbourhood from the OpenAlex API into the database.") { _ids, _depth, _db };
        Command.Validators.Add(result =>
        {
            foreach (var id in (result.GetValue(_ids) ?? []).Where(id => !id.StartsWith('-') && LiveKey.Any(id) is null))
                result.AddError($"\"{id}\" is not an id OpenAlex reads (an OpenAlex id, ORCID iD, DOI, arXiv id or ROR id)");
        });
    }

    public Command Command { get; }

    /// <summary>Asking for a fetch is asking for the network, whatever OpenAlex:Enabled says.</summary>
    public IReadOnlyDictionary<string, string?> Settings(ParseResult parse) =>
        new Dictionary<string, string?> { [$"{OpenAlexOptions.Section}:{nameof(OpenAlexOptions.Enabled)}"] = "true" };

    public async Task<int> RunAsync(ParseResult parse, VerbRun run, CancellationToken cancellationToken)
    {
        var output = run.Output;
        var keys = parse.GetValue(_ids)!.Select(id => LiveKey.Any(id)!).ToList();
        var depth = parse.GetValue(_depth);
        var (dbFactory, databasePath) = await run.Database.OpenAsync(cancellationToken);
        var fetcher = run.Services.GetRequiredService<OpenAlexFetcher>();
        var budget = run.Services.GetRequiredService<ListCallBudget>();
        var baseUrl = run.Configuration[$"{OpenAlexOptions.Section}:{nameof(OpenAlexOptions.BaseUrl)}"] ?? new OpenAlexOptions().BaseUrl;
        output.Line($"fetching from {baseUrl} into {databasePath} (depth {depth})");

        var counts = new ImportCounts();
        var skipped = 0;
        var done = 0;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var level = keys;
        output.StartProgress(() => $"fetching: {done} record(s) done, {budget.UsedToday} list call(s) used today");
        try
        {
            for (var distance = 0; distance <= depth && level.Count > 0; distance++)
            {
                var next = new List<LiveKey>();
                foreach (var key in level)
                {
                    if (!seen.Add(key.ToString())) continue;
                    var outcome = await fetcher.FetchAsync(key, withNeighbourhood: true, cancellationToken);
                    done++;
                    if (!outcome.HasRecord)
                    {
                        skipped++;
                        output.Problem($"skipped {key}: {outcome.Message}");
                        continue;
                    }
                    counts.Add(outcome.Counts);
                    if (!outcome.Complete) output.Line($"note: {key}: {outcome.Message}");
                    if (outcome.OpenAlexId is { } found) seen.Add($"{key.Entity}/{found}");
                    if (distance < depth) next.AddRange(await NeighboursAsync(dbFactory, key.Kind, outcome.OpenAlexId!, cancellationToken));
                }
                level = next;
            }
        }
        finally
        {
            output.StopProgress();
        }

        if (counts.Unchanged > 0) output.Line($"unchanged: {counts.Unchanged:N0} record(s) already stored with the same or a newer updated_date");
        if (counts.MergedIds > 0) output.Line($"merged ids: {counts.MergedIds:N0} old id(s) now lead to the surviving record");
        output.Line($"list calls: {budget.UsedToday} used today by this run, of {budget.Limit} (OpenAlex:DailyListCalls)");
        output.Line(ImportCommand.SummaryLine(counts, skipped, ignored: 0));
        return skipped > 0 ? ExitCodes.SkippedInput : ExitCodes.Success;
    }

    /// <summary>The researchers next to a stored record, with OpenAlex ids, the closest first.</summary>
    private static async Task<List<LiveKey>> NeighboursAsync(IDbContextFactory<ExplorerDbContext> dbFactory, LiveKind kind, string openAlexId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        IQueryable<string?> ids = kind switch
        {
            LiveKind.Researcher =>
                from self in db.Researchers where self.OpenAlexId == openAlexId
                from pair in db.CoAuthorPairs where pair.ResearcherId == self.Id
                join coAuthor in db.Researchers on pair.CoAuthorId equals coAuthor.Id
                orderby pair.SharedWorks descending, coAuthor.Id
                select coAuthor.OpenAlexId,
            LiveKind.Work =>
                from work in db.Works where work.OpenAlexId == openAlexId
                from authorship in db.Authorships where authorship.WorkId == work.Id
                orderby authorship.AuthorOrder
                select authorship.Researcher.OpenAlexId,
            LiveKind.Institution =>
                from institution in db.Institutions where institution.OpenAlexId == openAlexId
                from link in db.AuthorshipInstitutions where link.InstitutionId == institution.Id
                join authorship in db.Authorships on link.AuthorshipId equals authorship.Id
                group authorship by authorship.Researcher.OpenAlexId into byResearcher
                orderby byResearcher.Count() descending, byResearcher.Key
                select byResearcher.Key,
            _ =>
                from topic in db.Topics where topic.OpenAlexId == openAlexId
                from share in db.ResearcherTopics where share.TopicId == topic.Id
                join researcher in db.Researchers on share.ResearcherId equals researcher.Id
                orderby share.WorkCount descending, researcher.Id
                select researcher.OpenAlexId,
        };
        var found = await ids.Where(id => id != null).Take(MostNeighbours).ToListAsync(cancellationToken);
        return found.Select(id => new LiveKey(LiveKind.Researcher, id!, id)).ToList();
    }
}
