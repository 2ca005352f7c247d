using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using BzPeer.Explorer.Data;
using Microsoft.EntityFrameworkCore;

namespace BzPeer.Explorer.Search;

/// <summary>
/// The best-known people, topics and institutions (most works, most cited), with the folded words of their names,
/// held in memory for suggestions. The full-text index returns matches in id order and a suggestion can rank only
/// the first few hundred of them, so for a short or common prefix ("m", "ma", a common first name) the best-known
/// matches would be missed among hundreds of thousands; these are found here instead, without the index.
/// A match is checked against the stored names before it is offered, so a renamed or deleted record is never
/// suggested under its old name; the list is read again in the background when it is a few minutes old.
/// </summary>
internal sealed class SuggestionLeaders(IDbContextFactory<ExplorerDbContext> dbFactory)
{
    /// <summary>How many records of each kind are held.</summary>
    public const int PerKind = 5000;

    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private sealed record Leader(int Id, string[] Words);

    private sealed record Snapshot(DateTime ReadAt, IReadOnlyDictionary<SearchKind, Leader[]> Leaders);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private Snapshot? _snapshot;
    private int _refreshing;

    /// <summary>
    /// Ids of held records of <paramref name="kind"/> whose names hold every typed word (the last as a prefix, of any
    /// length), best-known first, at most <paramref name="most"/>, each checked against its stored names.
    /// </summary>
    public async Task<IReadOnlyList<int>> MatchingAsync(ExplorerDbContext db, SearchKind kind, SearchTerms terms, int most, CancellationToken cancellationToken)
    {
        if (kind == SearchKind.Works || terms.IsEmpty) return [];
        var snapshot = await SnapshotAsync(cancellationToken);
        var found = snapshot.Leaders[kind].Where(l => Matches(l.Words, terms.Words)).Take(most).Select(l => l.Id).ToList();
        if (found.Count == 0) return found;
        var stored = await NamesAsync(db, kind, found, cancellationToken);
        return found.Where(id => stored.TryGetValue(id, out var words) && Matches(words, terms.Words)).ToList();
    }

    /// <summary>Every typed word is a word of the name, the last one the start of a word.</summary>
    private static bool Matches(string[] nameWords, IReadOnlyList<string> typed)
    {
        for (var i = 0; i < typed.Count; i++)
        {
            var word = typed[i];
            var last = i == typed.Count - 1;
            var hit = false;
            foreach (var nameWord in nameWords)
            {
                if (last ? nameWord.StartsWith(word, StringComparison.Ordinal) : nameWord == word)
                {
                    hit = true;
                    break;
                }
            }
            if (!hit) return false;
        }
        return true;
    }

    private async Task<Snapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        if (_snapshot is { } current)
        {
            if (DateTime.UtcNow - current.ReadAt > MaxAge && Interlocked.Exchange(ref _refreshing, 1) == 0)
            {
                _ = Task.Run(async () =>
                {
                    try { _snapshot = await ReadAsync(CancellationToken.None); }
                    catch (Exception) { /* the old list serves until the next try */ }
                    finally { Volatile.Write(ref _refreshing, 0); }
                }, CancellationToken.None);
            }
            return current;
        }
        await _reading.WaitAsync(cancellationToken);
        try
        {
            return _snapshot ??= await ReadAsync(cancellationToken);
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>People by works (an index; the most cited are among them), institutions by citations, topics by works.</summary>
    private async Task<Snapshot> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = await db.Researchers.AsNoTracking().OrderByDescending(r => r.WorksCount).ThenBy(r => r.Id).Take(PerKind)
            .Select(r => new { r.Id, r.DisplayName, r.AlternativeNames, r.CitedByCount, r.WorksCount }).ToListAsync(cancellationToken);
        var topics = await db.Topics.AsNoTracking().OrderByDescending(t => t.WorksCount).ThenBy(t => t.Id).Take(PerKind)
            .Select(t => new { t.Id, t.DisplayName }).ToListAsync(cancellationToken);
        var institutions = await db.Institutions.AsNoTracking().OrderByDescending(i => i.CitedByCount).ThenByDescending(i => i.WorksCount).ThenBy(i => i.Id)
            .Take(PerKind).Select(i => new { i.Id, i.DisplayName, i.Acronyms }).ToListAsync(cancellationToken);
        return new Snapshot(DateTime.UtcNow, new Dictionary<SearchKind, Leader[]>
        {
            // In the order suggestions rank them: citations, then works, then id.
            [SearchKind.Researchers] = people.OrderByDescending(r => r.CitedByCount).ThenByDescending(r => r.WorksCount).ThenBy(r => r.Id)
                .Select(r => new Leader(r.Id, Words(r.DisplayName, r.AlternativeNames))).ToArray(),
            [SearchKind.Topics] = topics.Select(t => new Leader(t.Id, Words(t.DisplayName, []))).ToArray(),
            [SearchKind.Institutions] = institutions.Select(i => new Leader(i.Id, Words(i.DisplayName, i.Acronyms))).ToArray(),
        });
    }

    private static string[] Words(string name, IEnumerable<string> others) =>
        SearchTerms.Key(name).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Concat(others.SelectMany(o => SearchTerms.Key(o).Split(' ', StringSplitOptions.RemoveEmptyEntries))).Distinct().ToArray();

    /// <summary>The stored name words of the given records, read in one small statement.</summary>
    private static async Task<Dictionary<int, string[]>> NamesAsync(ExplorerDbContext db, SearchKind kind, List<int> ids, CancellationToken cancellationToken)
    {
        var (table, others) = kind switch
        {
            SearchKind.Researchers => ("Researchers", "\"AlternativeNames\""),
            SearchKind.Institutions => ("Institutions", "\"Acronyms\""),
            _ => ("Topics", "NULL"),
        };
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(cancellationToken);
        await using DbCommand command = connection.CreateCommand();
        // Ids are numbers read from the database, so they may be written into the SQL.
        command.CommandText = $"SELECT \"Id\", \"DisplayName\", {others} FROM \"{table}\" WHERE \"Id\" IN " +
                              $"({string.Join(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)))})";
        var names = new Dictionary<int, string[]>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // A list of names is JSON text on SQLite and an array on PostgreSQL.
            IEnumerable<string> list = reader.GetValue(2) switch
            {
                string json => JsonSerializer.Deserialize<List<string>>(json) ?? [],
                string[] array => array,
                _ => [],
            };
            names[reader.GetInt32(0)] = Words(reader.GetString(1), list);
        }
        return names;
    }
}
